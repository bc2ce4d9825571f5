package io.crmkit.benchmarks.core;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Registering customers through the {@link Crm} facade on the in-memory store (validation, domain
 * rules, id and timestamps, optimistic-locking save, event) against the baseline of putting the
 * same customers into a plain {@link HashMap} with no validation. The ratio says what the
 * guarantees cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class RegisterCustomersBenchmark {
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "Smith", "Müller", "Garcia", "Nguyen"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "Mary", "Jonas", "Lucía", "Anh", "Oliver"};
  private static final String[] REGIONS = {"110105", "310101", "440305", "510104", "330106"};

  @Param({"100000"})
  public int customers;

  private List<NewCustomer> input;

  @Setup(Level.Trial)
  public void generate() {
    Random random = new Random(42);
    input = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      input.add(NewCustomer.person(SURNAMES[random.nextInt(SURNAMES.length)], GIVEN[random.nextInt(GIVEN.length)])
          .addContactPoint(ContactPoint.email("customer" + i + "@example.com"))
          .addContactPoint(ContactPoint.phone("+86138" + String.format("%08d", i)))
          .addAddress(new PostalAddress.Builder().country("CN").regionCode(REGIONS[i % REGIONS.length])
              .city("城市").street("路 " + i + " 号").build())
          .putDimensionCode("region", REGIONS[i % REGIONS.length])
          .addTag(i % 2 == 0 ? "newsletter" : "fair-2025")
          .addExternalReference(ExternalReference.of("erp", "C-" + i))
          .build());
    }
  }

  /** crmkit: validate, identify, store with version check and external-reference index, publish. */
  @Benchmark
  public long registerThroughCrm() {
    Crm crm = Crm.builder().build();
    for (NewCustomer customer : input) {
      crm.register(customer);
    }
    return crm.count(io.crmkit.core.customer.Criteria.all());
  }

  /** Baseline: the same customers, given ids and timestamps, put into a plain map unchecked. */
  @Benchmark
  public int plainMapBaseline() {
    Map<CustomerId, Customer> map = new HashMap<>();
    Instant now = Instant.now();
    for (NewCustomer customer : input) {
      Customer stored = new Customer.Builder().from(customer).id(CustomerId.of(UUID.randomUUID()))
          .version(1).createdAt(now).updatedAt(now).build();
      map.put(stored.id(), stored);
    }
    return map.size();
  }
}
