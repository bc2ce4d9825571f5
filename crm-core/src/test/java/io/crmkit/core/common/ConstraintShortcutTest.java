package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.identifier.ValidResidentIdentityNumber;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shortcut proves valid values valid without Hibernate Validator, never proves an invalid one,
 * and leaves what it does not model to Hibernate Validator: the report is always Hibernate
 * Validator's. crm-testkit's {@code ShortcutEquivalenceProperties} checks the same on generated
 * customers.
 */
class ConstraintShortcutTest {
  private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
  private static final CrmValidator VALIDATOR = CrmValidator.create(Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  private static NewCustomer.Builder everything() {
    NewCustomer.Builder builder = NewCustomer.person("Smith", "Mary Ann");
    return builder.owner("sales-7").birthDate(TODAY).gender(Gender.FEMALE).tier(ValueTier.VIP)
        .stage(LifecycleStage.ACTIVE)
        .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value("mary.smith")
            .label("WeChat").use(ContactPoint.Use.WORK).primary(true).build())
        .addContactPoint(ContactPoint.email("mary@example.com"))
        .addAddress(new PostalAddress.Builder().country("DE").regionCode("DE-BY").region("Bayern")
            .city("München").district("Altstadt").street("Marienplatz 1").postcode("80331")
            .line("c/o Rathaus\nEingang Süd").build())
        .addTag("fair-2025").putDimensionCode("region", "110105")
        .putAttribute("creditLimit", AttributeValue.number(new BigDecimal("1000")))
        .putAttribute("note", AttributeValue.text("line one\nline two"))
        .putAttribute("vip", AttributeValue.flag(true))
        .putAttribute("since", AttributeValue.date(LocalDate.of(2001, 2, 3)))
        .addExternalReference(ExternalReference.of("erp", "C-00042"))
        .addNeed(new Need.Builder().type("spare-parts").description("pumps, twice a year")
            .urgency(Need.Urgency.HIGH).frequency(Need.Frequency.RECURRING).build());
  }

  private static void assertSameReportAsHibernateValidator(Object value) {
    assertThat(VALIDATOR.violations(value)).isEqualTo(VALIDATOR.constraintViolationsInFull(value));
  }

  @Test
  void aCustomerFilledInEveryFieldIsProvenValidWithoutHibernateValidator() {
    NewCustomer customer = everything().build();
    Customer stored = new Customer.Builder().from(customer).id(CustomerId.of(new UUID(1, 2))).version(3)
        .createdAt(NOW).updatedAt(NOW).build();

    assertThat(VALIDATOR.shortcutProvesValid(customer)).isTrue();
    assertThat(VALIDATOR.shortcutProvesValid(stored)).isTrue();
    assertThat(VALIDATOR.constraintViolationsInFull(customer)).isEmpty();
    assertThat(VALIDATOR.constraintViolationsInFull(stored)).isEmpty();
  }

  @Test
  void anOrganisationWithIdentifiersIsProvenValid() {
    NewCustomer organisation = NewCustomer.organisation("上海极光贸易有限公司")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91350100M000100Y43"))
        .build();
    assertThat(VALIDATOR.shortcutProvesValid(organisation)).isTrue();
  }

  static Stream<Arguments> brokenCustomers() {
    return Stream.of(
        broken("blank display name", b -> b.displayName(" ")),
        broken("display name over 200", b -> b.displayName("x".repeat(201))),
        broken("NUL in display name", b -> b.displayName("bad\u0000name")),
        broken("no-break space alone", b -> b.displayName("\u00a0")),
        broken("blank family name", b -> b.personName(new PersonName.Builder().familyName(" ").givenName("Wei").build())),
        broken("given name over 100", b -> b.personName(PersonName.of("Li", "g".repeat(101)))),
        broken("blank contact value", b -> b.addContactPoint(
            new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value("").build())),
        broken("blank contact label", b -> b.addContactPoint(
            new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value("x").label("").build())),
        broken("unknown country", b -> b.addAddress(new PostalAddress.Builder().country("XX").build())),
        broken("postcode over 20", b -> b.addAddress(new PostalAddress.Builder().country("CN").postcode("1".repeat(21)).build())),
        broken("line separator in a one-line field", b -> b.addAddress(
            new PostalAddress.Builder().country("CN").street("A\u2028B").build())),
        broken("birth date tomorrow", b -> b.birthDate(TODAY.plusDays(1))),
        broken("blank tag", b -> b.addTag(" ")),
        broken("blank dimension name", b -> b.putDimensionCode(" ", "110105")),
        broken("blank dimension code", b -> b.putDimensionCode("region", "")),
        broken("bad attribute name", b -> b.putAttribute("9lives", AttributeValue.flag(true))),
        broken("attribute text over 2000", b -> b.putAttribute("note", AttributeValue.text("n".repeat(2001)))),
        broken("attribute number of 401 digits", b -> b.putAttribute("n",
            AttributeValue.number(new BigDecimal("1".repeat(401))))),
        broken("attribute number 1E+401", b -> b.putAttribute("n", AttributeValue.number(new BigDecimal("1E+401")))),
        broken("blank external reference", b -> b.addExternalReference(ExternalReference.of("erp", " "))),
        broken("blank organisation identifier", b -> b.addOrganisationIdentifier(OrganisationIdentifier.of("VAT", ""))),
        broken("blank owner", b -> b.owner("")),
        broken("need without type", b -> b.addNeed(new Need.Builder().type(" ").urgency(Need.Urgency.LOW)
            .frequency(Need.Frequency.ONCE).build())),
        broken("several at once", b -> b.displayName(" ").owner("").addTag("")));
  }

  private static Arguments broken(String what, UnaryOperator<NewCustomer.Builder> change) {
    return Arguments.of(what, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCustomers")
  void aBrokenConstraintIsNeverProvenAndHibernateValidatorReportsIt(String what,
      UnaryOperator<NewCustomer.Builder> change) {
    NewCustomer customer = change.apply(everything()).build();

    assertThat(VALIDATOR.shortcutProvesValid(customer)).isFalse();
    assertThat(VALIDATOR.violations(customer)).isNotEmpty()
        .isEqualTo(VALIDATOR.constraintViolationsInFull(customer));
  }

  @Test
  void aNumberWrittenWithAnExponentIsCountedAsHibernateValidatorCountsIt() {
    NewCustomer customer = everything().putAttribute("n", AttributeValue.number(new BigDecimal("1E+399"))).build();
    assertThat(VALIDATOR.shortcutProvesValid(customer)).isTrue();
    assertThat(VALIDATOR.constraintViolationsInFull(customer)).isEmpty();
  }

  // --- What the shortcut does not model goes to Hibernate Validator -----------------------------

  @Documented
  @Constraint(validatedBy = BalancedValidator.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Balanced {
    String message() default "debit and credit differ";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  public static final class BalancedValidator implements ConstraintValidator<Balanced, Entry> {
    @Override
    public boolean isValid(Entry value, ConstraintValidatorContext context) {
      return value.debit() == value.credit();
    }
  }

  @Balanced
  record Entry(@NotBlank String text, long debit, long credit) {}

  interface Audit {}

  record Grouped(@NotBlank(groups = Audit.class) String note) {}

  record OverriddenAccessor(@NotBlank String name) {
    @Override
    public String name() {
      return "always present";
    }
  }

  record Member(@NotBlank String name) {}

  record Team(@Valid List<Member> members) {}

  record Contact(@Email String email) {}

  record Maybe(@NotNull Optional<String> value) {}

  record Person(@ValidResidentIdentityNumber String id) {}

  public static final class Node {
    @NotBlank
    private final String name;
    @Valid
    private Node next;

    Node(String name) {
      this.name = name;
    }

    public String name() {
      return name;
    }

    public Node next() {
      return next;
    }
  }

  public static final class Exploding {
    @NotBlank
    public String name() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aClassLevelConstraintIsLeftToHibernateValidator() {
    assertThat(VALIDATOR.shortcutProvesValid(new Entry("rent", 5, 5))).isFalse();
    assertThat(VALIDATOR.violations(new Entry("rent", 5, 5))).isEmpty();
    assertThat(VALIDATOR.violations(new Entry("rent", 5, 6))).extracting(Violation::rule).containsExactly("Balanced");
  }

  @Test
  void aConstraintOutsideTheDefaultGroupIsNotChecked() {
    assertThat(VALIDATOR.shortcutProvesValid(new Grouped(" "))).isTrue();
    assertSameReportAsHibernateValidator(new Grouped(" "));
  }

  @Test
  void aConstrainedFieldIsCheckedEvenWhenItsAccessorSaysOtherwise() {
    OverriddenAccessor value = new OverriddenAccessor(" ");
    assertThat(VALIDATOR.shortcutProvesValid(value)).isFalse();
    assertThat(VALIDATOR.violations(value)).isNotEmpty();
    assertSameReportAsHibernateValidator(value);
  }

  @Test
  void aCascadeDeclaredOnTheContainerItselfIsLeftToHibernateValidator() {
    Team team = new Team(List.of(new Member("Ann"), new Member(" ")));
    assertThat(VALIDATOR.shortcutProvesValid(team)).isFalse();
    assertThat(VALIDATOR.violations(team)).extracting(Violation::path).containsExactly("members[1].name");
  }

  @Test
  void aBuiltInConstraintTheShortcutDoesNotKnowIsLeftToHibernateValidator() {
    assertThat(VALIDATOR.shortcutProvesValid(new Contact("a@example.com"))).isFalse();
    assertThat(VALIDATOR.violations(new Contact("a@example.com"))).isEmpty();
    assertThat(VALIDATOR.violations(new Contact("not an address"))).extracting(Violation::rule).containsExactly("Email");
  }

  @Test
  void aConstraintOnAnOptionalItselfIsLeftToHibernateValidatorWhichUnwrapsIt() {
    assertThat(VALIDATOR.shortcutProvesValid(new Maybe(Optional.of("x")))).isFalse();
    assertSameReportAsHibernateValidator(new Maybe(Optional.of("x")));
    assertSameReportAsHibernateValidator(new Maybe(Optional.empty()));
  }

  @Test
  void aCustomValidatorSeesTheValidatorsClock() {
    assertThat(VALIDATOR.shortcutProvesValid(new Person("11010519491231002X"))).isTrue();
    assertThat(VALIDATOR.shortcutProvesValid(new Person("110105194912310021"))).isFalse();
    assertSameReportAsHibernateValidator(new Person("110105194912310021"));
  }

  @Test
  void aCycleEndsTheShortcutAndHibernateValidatorHandlesIt() {
    Node first = new Node("first");
    Node second = new Node(" ");
    first.next = second;
    second.next = first;

    assertThat(VALIDATOR.shortcutProvesValid(first)).isFalse();
    assertThat(VALIDATOR.violations(first)).extracting(Violation::path).containsExactly("next.name");
  }

  @Test
  void anAccessorThatThrowsFailsAsItDoesInHibernateValidator() {
    assertThat(VALIDATOR.shortcutProvesValid(new Exploding())).isFalse();
    assertThatThrownBy(() -> VALIDATOR.violations(new Exploding())).isInstanceOf(ValidationException.class);
  }
}
