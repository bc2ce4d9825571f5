package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.customer.Customers;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DimensionRollupTest {
  private static final DimensionScheme REGIONS = BuiltInSchemes.gbt2260();

  private static NewCustomer in(String region) {
    NewCustomer.Builder customer = NewCustomer.person("孙", "丽");
    if (region != null) {
      customer.putDimensionCode(Dimensions.REGION, region);
    }
    return customer.build();
  }

  private static final List<NewCustomer> CUSTOMERS = List.of(
      in("110105"), in("110108"), in("110103"),      // Beijing districts, one retired (→ 110101)
      in("130102"), in("130104"), in("130100"),      // Shijiazhuang districts and the city itself
      in("440305"), in("440000"),                    // a Shenzhen district, Guangdong itself
      in(null), in("999999"), in("130124"));         // no code, unknown, retired and ambiguous

  @Test
  void countsRollUpFromCountiesToPrefecturesToProvinces() {
    DimensionRollup rollup = DimensionRollup.count(REGIONS, Dimensions.REGION, CUSTOMERS.stream());
    assertThat(rollup.customers()).isEqualTo(11);
    assertThat(rollup.unclassified()).isEqualTo(1);
    assertThat(rollup.unknown()).containsExactly(java.util.Map.entry("999999", 1L));
    assertThat(rollup.held()).containsEntry("110101", 1L).doesNotContainKey("110103").containsEntry("130124", 1L);

    assertThat(rows(rollup.at("province"))).containsExactly("110000=3", "130000=4", "440000=2");
    // Beijing's districts sit directly under the province: at prefecture level they count there.
    assertThat(rows(rollup.at("prefecture"))).containsExactly("110000=3", "130100=4", "440000=1", "440300=1");
    assertThat(rows(rollup.at("county"))).hasSize(9);
    assertThat(rollup.at("county").stream().mapToLong(DimensionRollup.Row::customers).sum()).isEqualTo(9);
    assertThat(rollup.within("130000")).isEqualTo(4);
    assertThat(rollup.within("130100")).isEqualTo(4);
    assertThat(rollup.within("110105")).isEqualTo(1);
    assertThatThrownBy(() -> rollup.at("township")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsComeStraightFromTheCustomersPortWithCriteria() {
    Customers customers = InMemoryCrmStore.create().customers();
    long n = 0;
    for (NewCustomer customer : CUSTOMERS) {
      Instant t = Instant.parse("2025-01-01T00:00:00Z");
      customers.save(new Customer.Builder().from(customer).id(CustomerId.of(new UUID(0, ++n))).version(0)
          .createdAt(t).updatedAt(t).build());
    }
    DimensionRollup hebei = DimensionRollup.count(REGIONS, Dimensions.REGION, customers,
        Criteria.codeStartsWith(Dimensions.REGION, "13"));
    assertThat(rows(hebei.at("province"))).containsExactly("130000=4");
    assertThat(DimensionRollup.count(REGIONS, Dimensions.REGION, Stream.<NewCustomer>empty()).at("province")).isEmpty();
  }

  private static List<String> rows(List<DimensionRollup.Row> rows) {
    return rows.stream().map(r -> r.code().code() + "=" + r.customers()).toList();
  }
}
