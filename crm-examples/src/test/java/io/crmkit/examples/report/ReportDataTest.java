package io.crmkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.examples.report.ReportData.Count;
import io.crmkit.io.CrmStores;
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
    assertThat(data.quality().asOf()).isEqualTo(ReportFixture.AS_OF);
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
}
