package io.crmkit.privacy.access;

import io.crmkit.core.Crm;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import io.crmkit.privacy.catalog.ValueKind;
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.core.activity.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory crm with its privacy store and a protected facade (with a merger and an eraser)
 * whose caller the test switches,
 * and a customer with a value in every category: name (identifier), phone and e-mail (contact),
 * birth date and gender (demographic), religion (sensitive) and IBAN (financial).
 */
final class AccessFixture {
  static final PersonalDataCatalogue CATALOGUE = PersonalDataCatalogue.defaults().toBuilder()
      .classify(PersonalField.attribute("religion"), PersonalDataCategory.SENSITIVE, ValueKind.TEXT)
      .classify(PersonalField.attribute("iban"), PersonalDataCategory.FINANCIAL, ValueKind.TEXT)
      .build();
  static final String PHONE = "+8613812345678";
  static final String EMAIL = "zhang.wei@example.com";
  static final LocalDate BIRTH_DATE = LocalDate.of(1985, 6, 15);
  static final String RELIGION = "Buddhist";
  static final String IBAN = "DE89370400440532013000";

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  /** Built once: a validator is costly to build, and the matrix builds hundreds of fixtures. */
  private static final CrmValidator VALIDATOR = CrmValidator.create(CLOCK);

  final InMemoryCrmStore store = InMemoryCrmStore.create();
  final Crm crm = Crm.builder().store(store).clock(CLOCK).validator(VALIDATOR).build();
  final PrivacyStore privacy = store.attach(InMemoryPrivacy.extension());
  final DedupStore dedup = store.attach(InMemoryExtensions.dedup());
  private final AtomicReference<Caller> caller = new AtomicReference<>();
  final ProtectedCrm facade = ProtectedCrm.builder().crm(crm).privacy(privacy).catalogue(CATALOGUE)
      .callers(caller::get).merger(Merger.builder().store(dedup).clock(crm.clock()).build())
      .eraser(Eraser.builder().privacy(privacy).dedup(dedup).catalogue(CATALOGUE).clock(CLOCK).build()).build();

  /** Makes {@code role} (with actor {@code actor}) the caller of the next facade calls. */
  AccessFixture as(String actor, Role role) {
    caller.set(Caller.of(actor, "ticket CRM-12", role));
    return this;
  }

  /** Registers, unprotected, the fixture's customer owned by {@code owner}. */
  Customer customerOwnedBy(String owner) {
    return crm.register(NewCustomer.person("张", "伟").owner(owner)
        .addContactPoints(ContactPoint.phone(PHONE), ContactPoint.email(EMAIL))
        .birthDate(BIRTH_DATE).gender(Gender.MALE)
        .putAttribute("religion", AttributeValue.text(RELIGION))
        .putAttribute("iban", AttributeValue.text(IBAN))
        .addTags("vip")
        .build());
  }

  List<AuditRecord> audit() {
    return privacy.auditLog().inRange(TimeRange.all());
  }

  /** The fixture customer's value of {@code category}'s field, as text. */
  static String valueOf(Customer customer, PersonalDataCategory category) {
    return switch (category) {
      case IDENTIFIER -> customer.displayName();
      case CONTACT -> customer.contactPoints().isEmpty() ? "no contact" : customer.contactPoints().get(0).value();
      case DEMOGRAPHIC -> String.valueOf(customer.birthDate().orElse(null));
      case SENSITIVE -> String.valueOf(customer.attributes().get("religion"));
      case FINANCIAL -> String.valueOf(customer.attributes().get("iban"));
    };
  }

  /** The fixture customer's clear value of {@code category}'s field, as {@link #valueOf} gives it. */
  static String clearValueOf(PersonalDataCategory category) {
    return switch (category) {
      case IDENTIFIER -> "张伟";
      case CONTACT -> PHONE;
      case DEMOGRAPHIC -> BIRTH_DATE.toString();
      case SENSITIVE -> String.valueOf(AttributeValue.text(RELIGION));
      case FINANCIAL -> String.valueOf(AttributeValue.text(IBAN));
    };
  }

  /** {@code customer} with the field of {@code category} given a new value. */
  static Customer withNewValueOf(Customer customer, PersonalDataCategory category) {
    Customer.Builder out = new Customer.Builder();
    out.from(customer);
    switch (category) {
      case IDENTIFIER -> out.displayName("老张");
      case CONTACT -> out.contactPoints(List.of(ContactPoint.phone("+8613987654321"), customer.contactPoints().get(1)));
      case DEMOGRAPHIC -> out.birthDate(LocalDate.of(1990, 2, 3));
      case SENSITIVE -> out.putAttribute("religion", AttributeValue.text("none"));
      case FINANCIAL -> out.putAttribute("iban", AttributeValue.text("GB82WEST12345698765432"));
    }
    return out.build();
  }
}
