package io.crmkit.core.dimension.classify;

import static io.crmkit.core.dimension.classify.ClassifyFixtures.address;
import static io.crmkit.core.dimension.classify.ClassifyFixtures.company;
import static io.crmkit.core.dimension.classify.ClassifyFixtures.id;
import static io.crmkit.core.dimension.classify.ClassifyFixtures.stored;
import static io.crmkit.core.dimension.classify.ClassifyFixtures.withIndustry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.classify.Classifier.Unclassified;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private final Classifier classifier = new Classifier.Builder()
      .rule(ClassificationRules.regionFromAddress(Dimensions.REGION, BuiltInSchemes.gbt2260(), "CN"))
      .rule(ClassificationRules.regionFromUscc(Dimensions.REGION, BuiltInSchemes.gbt2260()))
      .rule(ClassificationRules.customerType(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes()))
      .rule(ClassificationRules.industryFromAttribute(Dimensions.INDUSTRY, BuiltInSchemes.gbt4754(), "industry"))
      .build();

  private Map<String, String> codes(Customer customer) {
    return classifier.classify(customer).update().map(CodeUpdate::codes).orElse(Map.of());
  }

  @Test
  void regionComesFromThePrimaryAddressAndARetiredCodeBecomesItsSuccessor() {
    Customer person = stored(1, NewCustomer.person("张", "伟").addAddress(address("CN", "110103")).build());
    Classifier.Classification classification = classifier.classify(person);
    CodeUpdate.Change region = classification.update().orElseThrow().changes().get(0);
    assertThat(region.to()).isEqualTo("110101");
    assertThat(region.from()).isEmpty();
    assertThat(region.source()).isEqualTo("region-from-address");
    assertThat(region.why()).contains("110103 (崇文区) was retired on 2010-01-01 and is now 110101 (东城区)");
    assertThat(codes(person)).containsEntry(Dimensions.CUSTOMER_TYPE, "B2C");
    assertThat(classification.unclassified()).extracting(Unclassified::dimension).containsExactly(Dimensions.INDUSTRY);
  }

  @Test
  void withoutAUsableAddressTheUsccGivesTheRegion() {
    Customer abroad = stored(2, company("ACME 北京", "91", "110108").addAddress(address("DE", null)).build());
    Customer badAddress = stored(3, company("ACME 河北", "91", "130102").addAddress(address("CN", "130124")).build());
    assertThat(codes(abroad)).containsEntry(Dimensions.REGION, "110108");
    assertThat(codes(badAddress)).containsEntry(Dimensions.REGION, "130102");
  }

  @Test
  void everyRulesReasonIsReportedWhenNoneAssigns() {
    Customer customer = stored(4, NewCustomer.organisation("Nowhere Ltd").addAddress(address("CN", "130124"))
        .addOrganisationIdentifier(io.crmkit.core.customer.OrganisationIdentifier.of("CN_USCC", "91110108MA01AB2C3X"))
        .build());
    Unclassified region = classifier.classify(customer).unclassified().get(0);
    assertThat(region.dimension()).isEqualTo(Dimensions.REGION);
    assertThat(region.reasons()).extracting(Violation::path, Violation::rule).containsExactly(
        tuple("dimensionCodes[region]", "region-from-address"), tuple("dimensionCodes[region]", "region-from-uscc"));
    assertThat(region.reasons().get(0).message()).startsWith("address region code: 130124 (栾城县)")
        .contains("ambiguous between 130108 (裕华区), 130111 (栾城区)");
    assertThat(region.reasons().get(1).message()).startsWith("the USCC is not valid");
  }

  @Test
  void typeFollowsKindAndTheUsccRegistrationType() {
    assertThat(codes(stored(5, company("某市财政局", "11", "110000").build()))).containsEntry(Dimensions.CUSTOMER_TYPE, "GOV");
    assertThat(codes(stored(6, company("某医院", "12", "110000").build()))).containsEntry(Dimensions.CUSTOMER_TYPE, "PUB");
    assertThat(codes(stored(7, company("某协会", "51", "110000").build()))).containsEntry(Dimensions.CUSTOMER_TYPE, "NGO");
    assertThat(codes(stored(8, company("张记小吃", "92", "110000").build()))).containsEntry(Dimensions.CUSTOMER_TYPE, "IND");
    assertThat(codes(stored(9, company("Foreign GmbH", null, null).build()))).containsEntry(Dimensions.CUSTOMER_TYPE, "B2B");
    assertThatThrownBy(() -> ClassificationRules.customerType("t", BuiltInSchemes.customerTypes(), "B2C", "B2B",
        Map.of("91", "XXX"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XXX");
  }

  @Test
  void typeComesFromTheLongestMatchingUsccPrefixEvenBeyondTwoCharacters() {
    Classifier byPrefix = new Classifier.Builder()
        .rule(ClassificationRules.customerType(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes(), "B2C", "B2B",
            Map.of("9", "NGO", "91", "PUB", "911", "GOV")))
        .build();
    Customer beijing = stored(20, company("北京某公司", "91", "110108").build());
    Customer shanghai = stored(21, company("上海某公司", "91", "310101").build());
    assertThat(byPrefix.classify(beijing).update().orElseThrow().codes()).containsEntry(Dimensions.CUSTOMER_TYPE, "GOV");
    assertThat(byPrefix.classify(shanghai).update().orElseThrow().codes()).containsEntry(Dimensions.CUSTOMER_TYPE, "PUB");
  }

  @Test
  void industryIsReadWithOrWithoutItsSectionLetter() {
    assertThat(codes(stored(10, withIndustry(company("矿机", "91", "110000"), "C3511").build())))
        .containsEntry(Dimensions.INDUSTRY, "3511");
    assertThat(codes(stored(11, withIndustry(company("农场", "91", "110000"), "0111").build())))
        .containsEntry(Dimensions.INDUSTRY, "0111");
    Classifier.Classification wrongSection =
        classifier.classify(stored(12, withIndustry(company("x", "91", "110000"), "A3511").build()));
    assertThat(wrongSection.unclassified()).singleElement().satisfies(u -> assertThat(u.reasons()).containsExactly(
        new Violation("dimensionCodes[industry]", "industry-from-attribute-industry",
            "attribute industry: A3511 names section A, but 3511 is in section C")));
  }

  @Test
  void heldCodesAreKeptUnlessReplacingIsAskedFor() {
    Customer held = stored(13, NewCustomer.person("李", "娜").addAddress(address("CN", "110105"))
        .putDimensionCode(Dimensions.REGION, "310101").build());
    assertThat(codes(held)).doesNotContainKey(Dimensions.REGION);
    Classifier replacing = new Classifier.Builder()
        .rule(ClassificationRules.regionFromAddress(Dimensions.REGION, BuiltInSchemes.gbt2260(), "CN"))
        .replaceExisting(true).build();
    CodeUpdate.Change change = replacing.classify(held).update().orElseThrow().changes().get(0);
    assertThat(change.from()).contains("310101");
    assertThat(change.to()).isEqualTo("110105");
    Customer nothingToSay = stored(14, NewCustomer.person("李", "娜").putDimensionCode(Dimensions.REGION, "310101").build());
    assertThat(replacing.classify(nothingToSay).update()).isEmpty();
    assertThat(replacing.classify(nothingToSay).unclassified()).isEmpty();
  }

  @Test
  void bulkClassificationReportsEveryCustomerAndARuleThatThrowsDoesNotStopIt() {
    ClassificationRule broken = new ClassificationRule() {
      @Override
      public String dimension() {
        return Dimensions.CHANNEL;
      }

      @Override
      public String name() {
        return "broken";
      }

      @Override
      public ClassificationRule.Outcome apply(io.crmkit.core.customer.CustomerDetails customer) {
        throw new IllegalStateException("boom");
      }
    };
    Classifier withBroken = new Classifier.Builder()
        .rule(ClassificationRules.customerType(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes()))
        .rule(broken).build();
    List<Customer> customers = List.of(stored(20, NewCustomer.person("王", "芳").build()),
        stored(21, company("ACME", "91", "110000").build()));
    Classifier.Report report = withBroken.classifyAll(customers.stream());
    assertThat(report.customers()).isEqualTo(2);
    assertThat(report.updates()).extracting(CodeUpdate::customerId).containsExactly(id(20), id(21));
    assertThat(report.unclassified(Dimensions.CHANNEL)).hasSize(2)
        .allSatisfy(u -> assertThat(u.reasons()).containsExactly(new Violation("dimensionCodes[channel]", "broken",
            "the rule failed: java.lang.IllegalStateException: boom")));
    assertThat(report.updates().get(0).version()).isEqualTo(1);
    assertThat(Optional.of(withBroken.dimensions())).contains(List.of(Dimensions.CUSTOMER_TYPE, Dimensions.CHANNEL));
  }

  @Test
  void theReportListsEachUnclassifiedCustomerOnceAsARejectionWithEveryDimensionsReasons() {
    Customer nothingKnown = stored(30, NewCustomer.organisation("Nowhere Ltd").build());
    Customer person = stored(31, NewCustomer.person("张", "伟").addAddress(address("CN", "110105")).build());
    Classifier.Report report = classifier.classifyAll(List.of(nothingKnown, person));

    assertThat(report.unclassified()).extracting(Unclassified::customerId, Unclassified::dimension).containsExactly(
        tuple(id(30), Dimensions.REGION), tuple(id(30), Dimensions.INDUSTRY), tuple(id(31), Dimensions.INDUSTRY));
    assertThat(report.rejections()).extracting(Rejection::subject)
        .containsExactly(id(30).toString(), id(31).toString());
    Rejection first = report.rejections().get(0);
    assertThat(first.position()).isEmpty();
    assertThat(first.violations()).extracting(Violation::path, Violation::rule).containsExactly(
        tuple("dimensionCodes[region]", "region-from-address"),
        tuple("dimensionCodes[region]", "region-from-uscc"),
        tuple("dimensionCodes[industry]", "industry-from-attribute-industry"));
  }
}
