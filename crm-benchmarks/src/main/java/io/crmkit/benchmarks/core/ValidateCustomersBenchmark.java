package io.crmkit.benchmarks.core;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation alone, as a bulk import validates its rows: 100,000 valid {@link Customer}s shaped
 * like the JDBC import benchmark's rows (name, e-mail, mobile number, address, ERP reference, two
 * dimension codes, tags, stage, owner, two custom attributes; one in five an organisation with a
 * D-U-N-S number) checked against their constraints and {@link CustomerRules}.
 *
 * <ul>
 *   <li>{@link #validateEachRow}: {@code violations(customer, CustomerRules.ALL)} row after row, as
 *       the JDBC bulk loader does;
 *   <li>{@link #validateAllRows}: {@code violationsOfAll(customers, CustomerRules.ALL)}, the batch
 *       entry point, on every core;
 *   <li>{@link #prepareRowsWithoutValidation}: the baseline, the per-row work an import does in
 *       memory on its trusted path (the row with its new version, collected).
 * </ul>
 *
 * <p>One operation is the whole batch (single-shot time, a fresh validator per trial), so
 * milliseconds per operation divided by 100 are microseconds per customer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ValidateCustomersBenchmark {
  private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "Müller", "Schmidt", "Smith", "García", "Rossi"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "Anna", "Lukas", "Mary", "José", "Giulia"};
  private static final String[] CITY = {"北京", "上海", "广州", "深圳", "Berlin", "München", "Hamburg", "Köln"};
  private static final LifecycleStage[] STAGES = {LifecycleStage.PROSPECT, LifecycleStage.ACTIVE,
      LifecycleStage.AT_RISK, LifecycleStage.CHURNED, LifecycleStage.NEW};

  @Param({"100000"})
  public int customers;

  private List<Customer> rows;
  private CrmValidator validator;

  @Setup(Level.Trial)
  public void generate() {
    Random random = new Random(42);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    rows = new ArrayList<>(customers);
    for (int n = 0; n < customers; n++) {
      Instant created = base.plusSeconds(random.nextInt(150_000_000));
      Customer.Builder builder = new Customer.Builder()
          .id(CustomerId.of(new UUID(random.nextLong(), random.nextLong())))
          .version(0).createdAt(created).updatedAt(created)
          .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.EMAIL)
              .value("customer" + n + "@example.com").use(ContactPoint.Use.WORK).primary(true).build())
          .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.PHONE)
              .value("+86138" + String.format("%08d", n)).use(ContactPoint.Use.MOBILE).build())
          .addAddress(new PostalAddress.Builder().country(random.nextBoolean() ? "CN" : "DE")
              .city(CITY[random.nextInt(CITY.length)]).street("Street " + random.nextInt(500))
              .postcode(String.format("%05d", random.nextInt(100_000))).use(PostalAddress.Use.BILLING).primary(true)
              .build())
          .addExternalReference(ExternalReference.of("erp", "C-" + n))
          .putDimensionCode("region", String.format("%02d%02d%02d", 11 + random.nextInt(50), random.nextInt(20),
              random.nextInt(30)))
          .putDimensionCode("industry", "C" + (10 + random.nextInt(40)))
          .addTag("import-2025")
          .stage(STAGES[random.nextInt(STAGES.length)])
          .owner("sales-" + random.nextInt(40))
          .putAttribute("creditLimit", AttributeValue.number(BigDecimal.valueOf(random.nextInt(100_000), 2)))
          .putAttribute("newsletter", AttributeValue.flag(random.nextBoolean()));
      if (random.nextInt(5) == 0) {
        builder.kind(CustomerKind.ORGANISATION).legalName("Company " + n + " Ltd")
            .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.DUNS, String.format("%09d", n)));
      } else {
        builder.kind(CustomerKind.PERSON)
            .personName(PersonName.of(FAMILY[random.nextInt(FAMILY.length)], GIVEN[random.nextInt(GIVEN.length)]))
            .birthDate(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)));
      }
      if (random.nextInt(3) == 0) {
        builder.addTag("fair-" + random.nextInt(20));
      }
      if (random.nextInt(4) == 0) {
        builder.tier(ValueTier.HIGH);
      }
      rows.add(builder.build());
    }
    validator = CrmValidator.create();
  }

  @TearDown(Level.Trial)
  public void close() {
    validator.close();
  }

  /** Row after row, as the JDBC bulk loader validates. Returns the number of rejected rows (0). */
  @Benchmark
  public int validateEachRow() {
    int rejected = 0;
    List<Customer> accepted = new ArrayList<>(rows.size());
    for (Customer row : rows) {
      if (validator.violations(row, CustomerRules.ALL).isEmpty()) {
        accepted.add(row.withVersion(1));
      } else {
        rejected++;
      }
    }
    return rejected + accepted.size();
  }

  /** The whole batch through {@code violationsOfAll}, on every core. */
  @Benchmark
  public int validateAllRows() {
    List<List<Violation>> report = validator.violationsOfAll(rows, CustomerRules.ALL);
    List<Customer> accepted = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (report.get(i).isEmpty()) {
        accepted.add(rows.get(i).withVersion(1));
      }
    }
    return accepted.size();
  }

  /** Baseline: the trusted path's work per row in memory, no validation. */
  @Benchmark
  public int prepareRowsWithoutValidation() {
    List<Customer> accepted = new ArrayList<>(rows.size());
    for (Customer row : rows) {
      accepted.add(row.withVersion(1));
    }
    return accepted.size();
  }
}
