package io.crmkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.examples.report.ReportData.Count;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.io.CrmStores;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  @Test
  void gatheringReadsTiersStagesRfmDuplicatesAndQualityOfTheStore() {
    CrmStores stores = CrmStores.inMemory();
    ReportFixture.fill(stores);

    ReportData data = ReportData.gather(stores, ReportFixture.AS_OF);

    assertThat(data.customers()).isEqualTo(14);
    assertThat(data.tiers()).containsExactly(new Count(ReportData.NO_TIER, 9), new Count("VIP", 3),
        new Count("HIGH", 2));
    assertThat(data.stages()).startsWith(new Count("PROSPECT", 11));
    assertThat(data.stages()).contains(new Count("ACTIVE", 2), new Count("AT_RISK", 1), new Count("CHURNED", 0));
    assertThat(data.stages().stream().mapToLong(Count::customers).sum()).isEqualTo(14);
    assertThat(data.rfm().currency()).isEqualTo("CNY");
    assertThat(data.rfm().scored()).isEqualTo(5);
    assertThat(data.rfm().withoutPurchases()).isEqualTo(8);
    assertThat(data.rfm().otherCurrencies()).isEqualTo(1);
    IntStream.rangeClosed(1, 5).forEach(r -> assertThat(IntStream.rangeClosed(1, 5)
        .mapToLong(f -> data.rfm().cell(r, f).customers()).sum()).as("R %s", r).isEqualTo(1));
    assertThat(data.duplicates().merges()).isEqualTo(3);
    assertThat(data.duplicates().undoneMerges()).isEqualTo(1);
    assertThat(data.duplicates().absorbedCustomers()).isEqualTo(3);
    assertThat(data.duplicates().reviewPending()).isEqualTo(2);
    assertThat(data.duplicates().clusterSizes()).containsExactly(new Count("2", 1), new Count("3", 1));
    assertThat(data.quality().customers()).isEqualTo(14);
    assertThat(data.quality().asOf()).as("quality is measured on the store as it is now, the report day being past")
        .isAfter(ReportFixture.AS_OF);
  }

  @Test
  void theMostRecentBuyerHasTheBestRecencyScore() {
    CrmStores stores = CrmStores.inMemory();
    ReportFixture.fill(stores);

    ReportData.Rfm rfm = ReportData.gather(stores, ReportFixture.AS_OF).rfm();

    // customer 0 bought 10 days before, customer 4 fifty: R 5 holds 100.00, R 1 holds 100.04
    assertThat(rfm.cells().stream().filter(c -> c.recency() == 5 && c.customers() == 1).findFirst().orElseThrow()
        .monetary()).isEqualByComparingTo("100.00");
    assertThat(rfm.cells().stream().filter(c -> c.recency() == 1 && c.customers() == 1).findFirst().orElseThrow()
        .monetary()).isEqualByComparingTo("100.04");
  }

  @Test
  void anEmptyStoreGivesAReportOfZeros() {
    ReportData data = ReportData.gather(CrmStores.inMemory(), ReportFixture.AS_OF);

    assertThat(data.customers()).isZero();
    assertThat(data.tiers()).isEmpty();
    assertThat(data.rfm().currency()).isEmpty();
    assertThat(data.rfm().cells()).hasSize(25).allSatisfy(cell -> assertThat(cell.customers()).isZero());
    assertThat(data.duplicates().clusterSizes()).isEmpty();
  }

  @Test
  void aLineageThatCannotListItsMergesIsWalkedFromTheCustomersWithTheSameClusters() {
    CrmStores stores = CrmStores.inMemory();
    ReportFixture.fill(stores);
    MergeLineage all = stores.dedup().mergeLineage();
    MergeLineage withoutAll = new MergeLineage() {
      @Override public void record(Merge merge) { all.record(merge); }
      @Override public Optional<Merge> find(UUID mergeId) { return all.find(mergeId); }
      @Override public List<Merge> involving(CustomerId customerId) { return all.involving(customerId); }
      @Override public Merge markUndone(UUID mergeId, Merge.Undo undo) { return all.markUndone(mergeId, undo); }
      @Override public void redact(Merge redacted) { all.redact(redacted); }
    };
    DuplicateClusters walked = new DuplicateClusters(withoutAll);

    assertThat(walked.addAll()).isFalse();
    try (Stream<Customer> customers = stores.base().customers().stream(Criteria.all())) {
      customers.forEach(customer -> walked.visit(customer.id()));
    }

    assertThat(walked.result(2)).isEqualTo(ReportData.gather(stores, ReportFixture.AS_OF).duplicates());
  }
}
