package io.crmkit.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.privacy.audit.AuditAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Whatever a caller without READ_CLEAR reads through the facade (one customer, a page, a stream,
 * an export) contains no clear value of a protected category, and no clear-text read is audited.
 */
class ProtectedCrmProperties {

  @Property(tries = 60)
  void aCallerWithoutReadClearNeverSeesAClearPersonalValue(
      @ForAll("customers") List<NewCustomer> customers,
      @ForAll("maskedReaders") Role role) {
    AccessFixture fixture = new AccessFixture();
    List<Customer> stored = customers.stream().map(fixture.crm::register).toList();
    fixture.as("alice", role);

    List<Customer> read = new ArrayList<>();
    stored.forEach(c -> read.add(fixture.facade.get(c.id())));
    read.addAll(fixture.facade.find(Criteria.all(), Sort.byId(), PageRequest.first(10)).items());
    try (Stream<Customer> stream = fixture.facade.stream(Criteria.all())) {
      read.addAll(stream.toList());
    }
    if (role.equals(Role.ANALYST)) {
      try (Stream<Customer> stream = fixture.facade.export(Criteria.all())) {
        read.addAll(stream.toList());
      }
    }

    String everythingRead = read.toString();
    for (Customer customer : stored) {
      for (String value : personalValues(customer)) {
        assertThat(everythingRead).as("clear value %s", value).doesNotContain(value);
      }
    }
    assertThat(fixture.audit()).noneMatch(r -> r.entry().action() == AuditAction.CLEAR_TEXT_READ);
  }

  /** Every personal value of the customers generated here, as text. */
  private static List<String> personalValues(Customer customer) {
    List<String> values = new ArrayList<>();
    values.add(customer.displayName());
    customer.contactPoints().forEach(c -> values.add(c.value()));
    customer.birthDate().ifPresent(d -> values.add(d.toString()));
    customer.externalReferences().forEach(r -> values.add(r.id()));
    customer.attributes().values().forEach(v -> values.add(((AttributeValue.Text) v).value()));
    return values;
  }

  /** Roles that read the generated customers (owned by bob or nobody) without READ_CLEAR as alice. */
  @Provide
  Arbitrary<Role> maskedReaders() {
    return Arbitraries.of(Role.ANALYST, Role.ADMINISTRATOR, Role.SALES_REP);
  }

  @Provide
  Arbitrary<List<NewCustomer>> customers() {
    StringArbitrary han = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5');
    Arbitrary<String> phone = Arbitraries.strings().numeric().ofLength(8).map(d -> "+86138" + d);
    Arbitrary<String> email = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10)
        .map(local -> local + "@example.com");
    Arbitrary<LocalDate> birth = Arbitraries.integers().between(1930, 2005).flatMap(year ->
        Arbitraries.integers().between(2, 365).map(day -> LocalDate.ofYearDay(year, day)));
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(12);
    Arbitrary<String> reference = Arbitraries.strings().numeric().ofLength(8).map(d -> "C-" + d);
    Arbitrary<NewCustomer> customer = Combinators.combine(han.ofLength(1), han.ofMinLength(1).ofMaxLength(2),
        phone, email, birth, word, reference, Arbitraries.of("bob", "")).as(
            (family, given, tel, mail, born, faith, ref, owner) -> {
              NewCustomer.Builder b = NewCustomer.person(family, given);
              b.addContactPoints(ContactPoint.phone(tel), ContactPoint.email(mail)).birthDate(born)
                  .addExternalReferences(ExternalReference.of("erp", ref))
                  .putAttribute("religion", AttributeValue.text(faith))
                  .putAttribute("iban", AttributeValue.text("DE" + ref.substring(2) + "0044"));
              if (!owner.isEmpty()) {
                b.owner(owner);
              }
              return (NewCustomer) b.build();
            });
    return customer.list().ofMinSize(1).ofMaxSize(4).uniqueElements(c -> c.externalReferences());
  }
}
