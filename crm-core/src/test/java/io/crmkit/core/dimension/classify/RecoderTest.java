package io.crmkit.core.dimension.classify;

import static io.crmkit.core.dimension.classify.ClassifyFixtures.id;
import static io.crmkit.core.dimension.classify.ClassifyFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.classify.Recoder.Unresolved;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoderTest {
  private static Customer holding(long n, String region) {
    return stored(n, NewCustomer.person("赵", "敏").putDimensionCode(Dimensions.REGION, region)
        .putDimensionCode(Dimensions.CHANNEL, "ONL").build());
  }

  @Test
  void retiredCodesMoveToTheirSuccessorAndTheRestIsListedNeverDropped() {
    List<Customer> customers = List.of(holding(1, "110103"), holding(2, "130124"), holding(3, "142200"),
        holding(4, "999999"), holding(5, "110105"), holding(6, "130122"));
    Recoder.Report report = Recoder.of(Dimensions.REGION, BuiltInSchemes.gbt2260()).recode(customers);

    assertThat(report.customers()).isEqualTo(6);
    assertThat(report.codesInForce()).isEqualTo(1);
    assertThat(report.updates()).extracting(u -> u.customerId().value().getLeastSignificantBits() + ":" + u.codes())
        .containsExactly("1:{region=110101}", "6:{region=130110}");
    assertThat(report.updates().get(0).changes().get(0).from()).contains("110103");
    assertThat(report.unresolved()).extracting(Unresolved::customerId, Unresolved::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple(id(2), Unresolved.Kind.AMBIGUOUS),
        org.assertj.core.groups.Tuple.tuple(id(3), Unresolved.Kind.NO_SUCCESSOR),
        org.assertj.core.groups.Tuple.tuple(id(4), Unresolved.Kind.UNKNOWN));
    assertThat(report.unresolved().get(0).candidates()).containsExactly("130108", "130111");
    assertThat(report.rejections()).extracting(Rejection::subject)
        .containsExactly(id(2).toString(), id(3).toString(), id(4).toString());
    assertThat(report.rejections()).extracting(r -> r.violations().get(0).rule())
        .containsExactly("ambiguous-successors", "no-successor", "unknown-code");
    assertThat(report.rejections().get(0).violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("dimensionCodes[region]");
      assertThat(v.message()).contains("130108", "130111");
    });
    assertThat(report.updates().size() + report.unresolved().size() + report.codesInForce()).isEqualTo(customers.size());
  }

  @Test
  void severalDimensionsAreRecodedInOneUpdatePerCustomer() {
    Customer customer = holding(7, "110104");
    Recoder.Report report = new Recoder(Map.of(Dimensions.REGION, BuiltInSchemes.gbt2260(),
        Dimensions.CHANNEL, BuiltInSchemes.channels())).recode(List.of(customer));
    assertThat(report.updates()).singleElement().satisfies(u -> assertThat(u.codes()).containsExactly(
        Map.entry(Dimensions.REGION, "110102")));
    assertThat(report.codesInForce()).isEqualTo(1);
  }
}
