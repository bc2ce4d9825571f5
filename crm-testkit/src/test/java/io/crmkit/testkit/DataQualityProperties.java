package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.quality.DataQuality;
import io.crmkit.core.quality.QualityReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The data-quality report on generated customers: every completeness share is in [0, 1] and equals
 * a naive recount, and customers valid by construction break no validity rule.
 */
class DataQualityProperties {

  @Provide
  Arbitrary<List<Customer>> customers() {
    return CrmArbitraries.customerLists(0, 30);
  }

  @Property(tries = 100)
  void completenessEqualsANaiveRecount(@ForAll("customers") List<Customer> customers) {
    QualityReport report = DataQuality.defaults().measure(customers.stream());

    assertThat(report.customers()).isEqualTo(customers.size());
    for (QualityReport.FieldCompleteness field : report.completeness()) {
      assertThat(field.share()).isBetween(0.0, 1.0);
    }
    Map<String, long[]> naive = naiveCompleteness(customers);
    assertThat(report.completeness()).extracting(QualityReport.FieldCompleteness::field)
        .containsExactlyElementsOf(naive.keySet());
    for (QualityReport.FieldCompleteness field : report.completeness()) {
      long[] counts = naive.get(field.field());
      assertThat(new long[] {field.applicable(), field.present()}).as(field.field()).containsExactly(counts);
      assertThat(field.share()).isEqualTo(counts[0] == 0 ? 0.0 : (double) counts[1] / counts[0]);
    }
  }

  @Property(tries = 100)
  void generatedCustomersBreakNoValidityRule(@ForAll("customers") List<Customer> customers) {
    QualityReport report = DataQuality.defaults().measure(customers.stream());

    long withPhone = customers.stream().filter(hasChannel(ContactPoint.Channel.PHONE)).count();
    assertThat(report.resultOf("phone-e164").orElseThrow().checked()).isEqualTo(withPhone);
    for (QualityReport.RuleResult rule : report.validity()) {
      assertThat(rule.failed()).as(rule.rule()).isZero();
      assertThat(rule.examples()).isEmpty();
    }
    QualityReport.Uniqueness uniqueness = report.uniqueness();
    assertThat(uniqueness.keys()).allSatisfy(key -> {
      assertThat(key.exact()).isTrue();
      assertThat(key.customersWithKey()).isBetween(key.distinctKeys(), (long) customers.size());
      assertThat(key.customersSharingKey()).isBetween(key.estimatedDuplicates(), key.customersWithKey());
    });
    assertThat(uniqueness.estimatedDistinctCustomers()).isBetween(customers.isEmpty() ? 0L : 1L,
        (long) customers.size());
  }

  /** Field name to {applicable, present}, written out field by field. */
  private static Map<String, long[]> naiveCompleteness(List<Customer> customers) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Predicate<Customer> all = customer -> true;
    Predicate<Customer> persons = customer -> customer.kind() == CustomerKind.PERSON;
    count(counts, "name", customers, all, customer -> customer.kind() == CustomerKind.PERSON
        ? customer.personName().isPresent() : customer.legalName().isPresent());
    count(counts, "phone", customers, all, hasChannel(ContactPoint.Channel.PHONE));
    count(counts, "email", customers, all, hasChannel(ContactPoint.Channel.EMAIL));
    count(counts, "address", customers, all, customer -> customer.addresses().size() > 0);
    count(counts, "regionCode", customers, all,
        customer -> customer.addresses().stream().filter(address -> address.regionCode().isPresent()).count() > 0);
    count(counts, "identifier", customers, all, customer -> customer.personIdentifiers().size()
        + customer.organisationIdentifiers().size() > 0);
    count(counts, "birthDate", customers, persons, customer -> customer.birthDate().isPresent());
    count(counts, "gender", customers, persons, customer -> customer.gender().isPresent());
    count(counts, "owner", customers, all, customer -> customer.owner().isPresent());
    count(counts, "tier", customers, all, customer -> customer.tier().isPresent());
    count(counts, "externalReference", customers, all, customer -> customer.externalReferences().size() > 0);
    Set<String> dimensions = new TreeSet<>();
    customers.forEach(customer -> dimensions.addAll(customer.dimensionCodes().keySet()));
    for (String dimension : dimensions) {
      count(counts, "dimension:" + dimension, customers, all,
          customer -> customer.dimensionCodes().containsKey(dimension));
    }
    return counts;
  }

  private static void count(Map<String, long[]> counts, String field, List<Customer> customers,
      Predicate<Customer> applies, Predicate<Customer> present) {
    long applicable = customers.stream().filter(applies).count();
    long has = customers.stream().filter(applies).filter(present).count();
    counts.put(field, new long[] {applicable, has});
  }

  private static Predicate<Customer> hasChannel(ContactPoint.Channel channel) {
    return customer -> customer.contactPoints().stream().map(ContactPoint::channel).toList().contains(channel);
  }
}
