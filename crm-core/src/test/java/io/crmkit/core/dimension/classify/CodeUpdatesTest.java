package io.crmkit.core.dimension.classify;

import static io.crmkit.core.dimension.classify.ClassifyFixtures.T0;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.customer.Customers;
import static io.crmkit.core.dimension.classify.ClassifyFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeUpdatesTest {
  private final Customers customers = InMemoryCrmStore.create().customers();
  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  private Customer save(long n, String region) {
    return customers.save(new Customer.Builder()
        .from(NewCustomer.person("钱", "进").putDimensionCode(Dimensions.REGION, region).build())
        .id(id(n)).version(0).createdAt(T0).updatedAt(T0).build());
  }

  @Test
  void updatesAreWrittenOnlyOverTheVersionTheyWereDerivedFrom() {
    save(1, "110103");
    save(2, "110104");
    save(3, "110105");
    List<CodeUpdate> updates = Recoder.of(Dimensions.REGION, BuiltInSchemes.gbt2260())
        .recode(customers.stream(io.crmkit.core.customer.Criteria.all())).updates();
    assertThat(updates).hasSize(2);
    Customer meanwhile = customers.findById(id(2)).orElseThrow();
    customers.save(meanwhile.withOwner("alice"));
    CodeUpdate forMissing = new CodeUpdate(id(9), 1, updates.get(0).changes());

    CodeUpdates.Report report =
        CodeUpdates.apply(List.of(updates.get(0), updates.get(1), forMissing), customers, clock);

    assertThat(report.applied()).containsOnlyKeys(id(1));
    assertThat(customers.findById(id(1)).orElseThrow().dimensionCodes()).containsEntry(Dimensions.REGION, "110101");
    assertThat(customers.findById(id(1)).orElseThrow().updatedAt()).isEqualTo(clock.instant());
    assertThat(report.conflicts()).extracting(Rejection::subject).containsExactly(id(2).toString(), id(9).toString());
    assertThat(report.conflicts().get(0).violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("version");
      assertThat(v.rule()).isEqualTo("stale-version");
      assertThat(v.message()).contains("version 1, now 2");
    });
    assertThat(report.conflicts().get(1).violations()).extracting(Violation::rule).containsExactly("customer-not-found");
    assertThat(report.rejections()).isEqualTo(report.conflicts());
    assertThat(customers.findById(id(2)).orElseThrow().dimensionCodes()).containsEntry(Dimensions.REGION, "110104");
    assertThat(report.total()).isEqualTo(3);

    CodeUpdates.Report again =
        CodeUpdates.apply(List.of(new CodeUpdate(id(1), 2, updates.get(0).changes())), customers, clock);
    assertThat(again.unchanged()).containsExactly(id(1));
  }

  @Test
  void aRefusedSaveIsReportedWithItsViolationsAndTheOthersStillApply() {
    save(4, "110103");
    save(5, "110104");
    save(6, "130122");
    List<CodeUpdate> updates = Recoder.of(Dimensions.REGION, BuiltInSchemes.gbt2260())
        .recode(customers.stream(io.crmkit.core.customer.Criteria.all())).updates();
    CodeUpdates.Report report = CodeUpdates.apply(updates, customers::findById, customer -> {
      if (customer.id().equals(id(4))) {
        throw CrmValidationException.of("Customer", "dimensionCodes", "test", "refused");
      }
      if (customer.id().equals(id(6))) {
        throw new CrmStorageException("disk full");
      }
      return customers.save(customer);
    });
    assertThat(report.failed()).extracting(Rejection::subject).containsExactly(id(4).toString(), id(6).toString());
    assertThat(report.failed().get(0).violations()).containsExactly(new Violation("dimensionCodes", "test", "refused"));
    assertThat(report.failed().get(1).violations()).containsExactly(new Violation("", "save-failed", "disk full"));
    assertThat(report.applied()).containsOnlyKeys(id(5));
    assertThat(report.rejections()).isEqualTo(report.failed());
    assertThatThrownBy(() -> CodeUpdates.apply(List.of(updates.get(0), updates.get(0)), id -> Optional.empty(), c -> c))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
