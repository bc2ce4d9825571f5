package io.crmkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.io.CrmStores;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReportProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 500)
  void chartJsonOfAnyLabelHoldsNoMarkupCharacterAndReadsBackUnchanged(@ForAll String label) throws Exception {
    String json = ChartJson.of(Map.of("labels", List.of(label)));

    assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(JSON.readTree(json).get("labels").get(0).asText()).isEqualTo(label);
  }

  /**
   * Whatever merges ran (chains included, some undone), every record merged is in exactly one
   * cluster: the records over all clusters are the golden records plus the customers absorbed,
   * and an undone merge counts apart.
   */
  @Property(tries = 25)
  void everyMergedRecordIsInExactlyOneCluster(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1_000) Integer> plan,
      @ForAll boolean undoLast) {
    CrmStores stores = CrmStores.inMemory();
    Clock clock = Clock.fixed(ReportFixture.AS_OF, ZoneOffset.UTC);
    Crm crm = Crm.builder().store(stores.base()).clock(clock).build();
    Merger merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle()).clock(clock).build();
    List<CustomerId> alive = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Customer customer = crm.register(NewCustomer.person("Family" + (char) ('A' + i), "Given").build());
      alive.add(customer.id());
    }
    List<java.util.UUID> merges = new ArrayList<>();
    for (int step : plan) {
      if (alive.size() < 2) {
        break;
      }
      CustomerId survivor = alive.get(step % alive.size());
      CustomerId absorbed = alive.get((step / 7 + 1 + step % alive.size()) % alive.size());
      if (survivor.equals(absorbed)) {
        continue;
      }
      merges.add(merger.merge(survivor, List.of(absorbed), "test").merge().id());
      alive.remove(absorbed);
    }
    // only the last merge can always be undone: an earlier one's golden record may have changed since
    int undone = 0;
    if (undoLast && !merges.isEmpty()) {
      merger.unmerge(merges.get(merges.size() - 1), "test");
      undone = 1;
    }

    ReportData data = ReportData.gather(stores, ReportFixture.AS_OF);

    ReportData.Duplicates duplicates = data.duplicates();
    long clusters = duplicates.clusterSizes().stream().mapToLong(ReportData.Count::customers).sum();
    long records = duplicates.clusterSizes().stream()
        .mapToLong(c -> Long.parseLong(c.label()) * c.customers()).sum();
    assertThat(duplicates.merges() + duplicates.undoneMerges()).isEqualTo(merges.size());
    assertThat(duplicates.undoneMerges()).isEqualTo(undone);
    assertThat(duplicates.absorbedCustomers()).isEqualTo(duplicates.merges());
    assertThat(records).isEqualTo(clusters + duplicates.absorbedCustomers());
    assertThat(data.customers()).isEqualTo(8 - duplicates.absorbedCustomers());
  }
}
