package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.testkit.CrmArbitraries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link CrmValidator}'s shortcut agrees with Hibernate Validator on generated values: it proves
 * every valid customer and activity from {@link CrmArbitraries} valid, never proves a value that
 * Hibernate Validator rejects, and {@code violations} always returns Hibernate Validator's report.
 * The broken customers are valid ones with one to three details replaced by hostile text (blank,
 * invisible, control and bidirectional characters, unpaired surrogates, lengths around every limit),
 * unknown countries, future birth dates and oversized numbers.
 *
 * <p>This class sits in crm-core's package to reach the validator's package-private view of the
 * shortcut; it lives here because crm-core's tests cannot use crm-testkit's generators.
 */
class ShortcutEquivalenceProperties {
  private static final CrmValidator VALIDATOR = CrmValidator.create();

  @Property(tries = 300)
  void everyGeneratedCustomerIsProvenValid(@ForAll("newAndStoredCustomers") Object customer) {
    assertThat(VALIDATOR.constraintViolationsInFull(customer)).isEmpty();
    assertThat(VALIDATOR.shortcutProvesValid(customer)).as("%s", customer).isTrue();
  }

  @Property(tries = 200)
  void everyGeneratedActivityIsProvenValid(@ForAll("activities") Object activity) {
    assertThat(VALIDATOR.constraintViolationsInFull(activity)).isEmpty();
    assertThat(VALIDATOR.shortcutProvesValid(activity)).as("%s", activity).isTrue();
  }

  @Property(tries = 1000)
  void aBrokenCustomerIsReportedExactlyAsHibernateValidatorReportsIt(@ForAll("brokenCustomers") NewCustomer customer) {
    List<Violation> full = VALIDATOR.constraintViolationsInFull(customer);
    if (VALIDATOR.shortcutProvesValid(customer)) {
      assertThat(full).as("proven valid, so Hibernate Validator finds nothing").isEmpty();
    }
    assertThat(VALIDATOR.violations(customer)).isEqualTo(full);
    assertThat(VALIDATOR.violations(customer, CustomerRules.ALL))
        .isEqualTo(concat(full, CustomerRules.check(customer)));
    Statistics.label("constraints").collect(full.isEmpty() ? "all hold" : "broken");
    Statistics.label("constraints").coverage(c -> c.check("broken").percentage(p -> p > 60));
  }

  @Provide
  Arbitrary<Object> newAndStoredCustomers() {
    return Arbitraries.oneOf(CrmArbitraries.newCustomers(), CrmArbitraries.customers());
  }

  @Provide
  Arbitrary<Object> activities() {
    Arbitrary<Purchase> purchases = CrmArbitraries.purchases();
    Arbitrary<Interaction> interactions = CrmArbitraries.interactions();
    return Arbitraries.oneOf(purchases, interactions);
  }

  @Provide
  Arbitrary<NewCustomer> brokenCustomers() {
    return Combinators.combine(CrmArbitraries.newCustomers(), breakage().list().ofMinSize(1).ofMaxSize(3))
        .as((customer, changes) -> {
          NewCustomer.Builder builder = new NewCustomer.Builder().from(customer);
          changes.forEach(change -> change.apply(builder));
          return builder.build();
        });
  }

  private static Arbitrary<UnaryOperator<NewCustomer.Builder>> breakage() {
    Arbitrary<String> text = hostileText();
    return Arbitraries.oneOf(
        text.map(t -> b -> b.displayName(t)),
        text.map(t -> b -> b.owner(t)),
        text.map(t -> b -> b.legalName(t)),
        text.map(t -> b -> b.addTag(t)),
        Combinators.combine(text, text).as((k, v) -> b -> b.putDimensionCode("d" + k, v)),
        text.map(t -> b -> b.putDimensionCode(t, "110105")),
        text.map(t -> b -> b.putAttribute(t, AttributeValue.flag(true))),
        text.map(t -> b -> b.putAttribute("note", AttributeValue.text(t))),
        Arbitraries.integers().between(390, 410).map(n -> b -> b.putAttribute("n",
            AttributeValue.number(new BigDecimal("9".repeat(n) + ".5")))),
        Combinators.combine(text, text).as((family, given) -> b -> b.personName(PersonName.of(family, given))),
        Combinators.combine(Arbitraries.of(ContactPoint.Channel.values()), text, text.injectNull(0.5))
            .as((channel, value, label) -> b -> b.addContactPoint(new ContactPoint.Builder().channel(channel)
                .value(value).label(Optional.ofNullable(label)).build())),
        Combinators.combine(Arbitraries.of("CN", "DE", "XX", "cn", "", "DEU"), text)
            .as((country, street) -> b -> b.addAddress(new PostalAddress.Builder().country(country).street(street)
                .line(street).build())),
        Combinators.combine(text, text).as((system, id) -> b -> b.addExternalReference(ExternalReference.of(system, id))),
        Combinators.combine(text, text)
            .as((scheme, value) -> b -> b.addOrganisationIdentifier(OrganisationIdentifier.of(scheme, value))),
        Combinators.combine(text, text.injectNull(0.5)).as((type, description) -> b -> b.addNeed(new Need.Builder()
            .type(type).description(Optional.ofNullable(description)).urgency(Need.Urgency.LOW)
            .frequency(Need.Frequency.ONCE).build())),
        Arbitraries.integers().between(-3, 3).map(days -> b -> b.birthDate(LocalDate.now().plusDays(days))));
  }

  /** Text that breaks a constraint more often than not, and sometimes does not. */
  private static Arbitrary<String> hostileText() {
    Arbitrary<Character> special = Arbitraries.of(' ', '\t', '\n', '\u0000', '\u007f', '\u00a0', '\u200b', '\u3000',
        '\ufeff', '\u2028', '\u202e', '\u2066', '\ud83d', '\udc69', '张', 'x', '-', '.', '_', 'A');
    Arbitrary<String> few = special.list().ofMaxSize(6).map(ShortcutEquivalenceProperties::join);
    Arbitrary<String> nearLimit = Combinators.combine(Arbitraries.of(16, 20, 32, 64, 100, 128, 200, 254, 500, 2000),
        Arbitraries.integers().between(-1, 1)).as((limit, delta) -> "a".repeat(Math.max(1, limit + delta)));
    return Arbitraries.frequencyOf(Tuple.of(5, few), Tuple.of(2, nearLimit), Tuple.of(1, CrmArbitraries.text(30)));
  }

  private static String join(List<Character> chars) {
    StringBuilder text = new StringBuilder(chars.size());
    chars.forEach(text::append);
    return text.toString();
  }

  private static List<Violation> concat(List<Violation> first, List<Violation> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
