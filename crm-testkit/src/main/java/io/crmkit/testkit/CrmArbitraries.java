package io.crmkit.testkit;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.CustomerEvent;
import io.crmkit.core.metric.CustomerMetric;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import org.joda.money.Money;

/**
 * jqwik generators for every crmkit model type, for property-based tests of code that uses
 * crmkit and of adapters that store it.
 *
 * <pre>{@code
 * @Property
 * void registeredCustomersCanBeFound(@ForAll("customers") NewCustomer customer) { ... }
 *
 * @Provide
 * Arbitrary<NewCustomer> customers() {
 *   return CrmArbitraries.newCustomers();
 * }
 * }</pre>
 *
 * <p>Or annotate a test with {@code @Domain(CrmDomain.class)} and write {@code @ForAll NewCustomer}.
 *
 * <p>What the generators guarantee:
 * <ul>
 *   <li><b>Valid:</b> every value passes {@code CrmValidator.create().violations(value,
 *       CustomerRules.ALL)} with no violation: names, e-mails, E.164 phone numbers (checked with
 *       libphonenumber), ISO countries, at most one primary contact point per channel and one
 *       primary address, text within its size limit.
 *   <li><b>Realistic and hard:</b> mostly the data a CRM really holds (Chinese, Western,
 *       Japanese and Korean names, addresses in their countries' formats, credit codes with correct
 *       check characters), and now and then text that breaks careless storage: emoji, combining
 *       marks, CJK, leading and trailing spaces, line breaks, values filling the whole size limit.
 *   <li><b>Storable exactly:</b> instants are whole microseconds between 2005 and 2030 (the
 *       precision SQL timestamps keep); money has its currency's scale; ids cover the whole UUID
 *       range, so adapters must order them as unsigned bytes.
 *   <li><b>Overlapping:</b> owners, tags, dimension codes, stages, tiers and common attributes come
 *       from small pools that {@link #criteria()} draws from too, so random queries match some
 *       customers and miss others.
 *   <li><b>Shrinkable</b> and deterministic for a given seed.
 * </ul>
 */
public final class CrmArbitraries {
  private CrmArbitraries() {}

  /** Persons and organisations to register, with every kind of detail. */
  public static Arbitrary<NewCustomer> newCustomers() {
    return CustomerArbitraries.newCustomers();
  }

  /** Natural persons to register. */
  public static Arbitrary<NewCustomer> persons() {
    return CustomerArbitraries.persons();
  }

  /** Organisations to register, with official identifiers. */
  public static Arbitrary<NewCustomer> organisations() {
    return CustomerArbitraries.organisations();
  }

  /**
   * Customers as the {@code Crm} facade hands them to {@code Customers.save} the first time: a
   * random id, version 0, {@code updatedAt} at or after {@code createdAt}.
   */
  public static Arbitrary<Customer> customers() {
    return CustomerArbitraries.customers();
  }

  /**
   * Lists of {@link #customers()} that can all be saved into one store: distinct ids, and no
   * external reference held by two of them.
   *
   * @throws IllegalArgumentException if the sizes are negative or {@code minSize > maxSize}
   */
  public static Arbitrary<List<Customer>> customerLists(int minSize, int maxSize) {
    Require.inRange(minSize, 0, maxSize, "minSize");
    return CustomerArbitraries.customerLists(minSize, maxSize);
  }

  /** Chinese names (common surnames such as 王 李 张, one- or two-character given names), Western and other names. */
  public static Arbitrary<PersonName> personNames() {
    return NameArbitraries.personNames();
  }

  /** Chinese names only: 张伟, 欧阳子涵. */
  public static Arbitrary<PersonName> chineseNames() {
    return NameArbitraries.chinese();
  }

  /** Western names only: Mary Ann Smith, Jürgen Müller, Siobhán O'Brien. */
  public static Arbitrary<PersonName> westernNames() {
    return NameArbitraries.western();
  }

  /** Organisation legal names: 北京华信科技有限公司, Müller &amp; Söhne GmbH, 株式会社佐藤製作所. */
  public static Arbitrary<String> legalNames() {
    return NameArbitraries.legalNames();
  }

  /** E-mail addresses that {@code EmailAddresses.isPlausible} accepts. */
  public static Arbitrary<String> emails() {
    return ContactArbitraries.emails();
  }

  /**
   * Mobile and fixed-line numbers in E.164 form from CN, US, DE, GB, JP, FR, KR, HK, TW, SG, IN,
   * BR, AU, CH, NL, ES, IT and CA, each valid per libphonenumber.
   */
  public static Arbitrary<String> phoneNumbers() {
    return ContactArbitraries.phoneNumbers();
  }

  /** E-mail, phone and messenger contact points with their use, label and flags. */
  public static Arbitrary<ContactPoint> contactPoints() {
    return ContactArbitraries.contactPoints();
  }

  /** Addresses in Chinese and Western formats, and sparse addresses in any ISO 3166 country. */
  public static Arbitrary<PostalAddress> postalAddresses() {
    return AddressArbitraries.postalAddresses();
  }

  /** References into other systems: ERP customer numbers, shop accounts, SAP partner numbers. */
  public static Arbitrary<ExternalReference> externalReferences() {
    return IdentifierArbitraries.externalReferences();
  }

  /** Unified Social Credit Codes and LEIs with correct check characters, VAT and D-U-N-S numbers. */
  public static Arbitrary<OrganisationIdentifier> organisationIdentifiers() {
    return IdentifierArbitraries.organisationIdentifiers();
  }

  /**
   * Person identifiers: valid resident identity numbers (some typed with a lower-case {@code x}),
   * passport numbers, and now and then another scheme with any printable text.
   */
  public static Arbitrary<PersonIdentifier> personIdentifiers() {
    return IdentifierArbitraries.personIdentifiers();
  }

  /** Valid GB 11643 resident identity numbers, the check character {@code X} sometimes typed {@code x}. */
  public static Arbitrary<String> residentIdentityNumbers() {
    return IdentifierArbitraries.residentIdentityNumbers();
  }

  /** Names for custom attributes, as {@code CustomerDetails.ATTRIBUTE_NAME} allows them. */
  public static Arbitrary<String> attributeNames() {
    return AttributeArbitraries.attributeNames();
  }

  /** Text, number, flag and date attribute values. */
  public static Arbitrary<AttributeValue> attributeValues() {
    return AttributeArbitraries.attributeValues();
  }

  /** Decimal numbers from small counts to 30 significant digits with up to 10 decimal places. */
  public static Arbitrary<BigDecimal> decimals() {
    return AttributeArbitraries.numbers();
  }

  /** Customer needs of every type, urgency, frequency and status. */
  public static Arbitrary<Need> needs() {
    return AttributeArbitraries.needs();
  }

  /** The stages of the default lifecycle, now and then a custom stage. */
  public static Arbitrary<LifecycleStage> lifecycleStages() {
    return CustomerArbitraries.lifecycleStages();
  }

  /** The common value tiers, now and then a custom tier. */
  public static Arbitrary<ValueTier> valueTiers() {
    return CustomerArbitraries.valueTiers();
  }

  /** Customer ids over the whole UUID range. */
  public static Arbitrary<CustomerId> customerIds() {
    return IdentifierArbitraries.customerIds();
  }

  /** Activity ids over the whole UUID range. */
  public static Arbitrary<ActivityId> activityIds() {
    return IdentifierArbitraries.activityIds();
  }

  /** Instants in whole microseconds between 2005 and 2030. */
  public static Arbitrary<Instant> instants() {
    return TimeArbitraries.instants();
  }

  /** Amounts in CNY, USD, EUR, GBP, JPY, KRW, CHF, INR, HKD, BHD and KWD at the currency's scale, refunds negative. */
  public static Arbitrary<Money> money() {
    return ActivityArbitraries.money();
  }

  /** Purchases and refunds of random customers at random times. */
  public static Arbitrary<Purchase> purchases() {
    return purchases(customerIds(), instants());
  }

  /**
   * Purchases and refunds of the given customers at the given times; draw both from small pools
   * to get several purchases per customer and purchases at the same instant.
   */
  public static Arbitrary<Purchase> purchases(Arbitrary<CustomerId> customers, Arbitrary<Instant> times) {
    return ActivityArbitraries.purchases(
        Objects.requireNonNull(customers, "customers"), Objects.requireNonNull(times, "times"));
  }

  /** Interactions on every channel with random customers at random times. */
  public static Arbitrary<Interaction> interactions() {
    return interactions(customerIds(), instants());
  }

  /** Interactions with the given customers at the given times. */
  public static Arbitrary<Interaction> interactions(Arbitrary<CustomerId> customers, Arbitrary<Instant> times) {
    return ActivityArbitraries.interactions(
        Objects.requireNonNull(customers, "customers"), Objects.requireNonNull(times, "times"));
  }

  /** crm-core's events: every kind of {@link CustomerEvent}. */
  public static Arbitrary<CustomerEvent> customerEvents() {
    return EventArbitraries.customerEvents();
  }

  /**
   * Event ids over the whole UUID range, for the arbitraries of your own event family (see {@link
   * io.crmkit.testkit.contract.EventFamilyContract}).
   */
  public static Arbitrary<UUID> eventIds() {
    return IdentifierArbitraries.uuids();
  }

  /**
   * Criteria trees up to three levels deep: equality and membership on kind, gender, stage,
   * tier, owner, family name and dimension codes; ranges on names, owner, birth date, timestamps,
   * id and codes; code prefixes, tags, attributes; lookups by phone, e-mail, identifier and name
   * prefix; {@code and}, {@code or} (empty ones too) and
   * {@code not}. The values come from the pools {@link #customers()} draws from.
   */
  public static Arbitrary<Criteria> criteria() {
    return CriteriaArbitraries.criteria();
  }

  /**
   * Lookups ({@link Criteria#hasPhone}, {@link Criteria#hasEmail}, identifiers, {@link
   * Criteria#nameStartsWith}) of the values {@code customers} hold, written as people type them
   * (national phone formats, capitalised domains, lower-case identifiers with dashes, name prefixes
   * in another case or in full width), mixed with lookups that miss and with other criteria under
   * {@code and}, {@code or} and {@code not}: for proving that an adapter finds exactly what
   * {@link io.crmkit.core.customer.CriteriaEvaluator} finds.
   */
  public static Arbitrary<Criteria> lookups(List<Customer> customers) {
    return CriteriaArbitraries.lookups(List.copyOf(Objects.requireNonNull(customers, "customers")));
  }

  /**
   * Criteria trees in which computed-metric criteria ({@link Criteria#metric}) on the metrics
   * {@code clv}, {@code p_alive} and {@code rfm_segment} mix with every other criterion, with
   * bounds from the pool {@link #customerMetrics} draws values from.
   */
  public static Arbitrary<Criteria> metricCriteria() {
    return MetricArbitraries.criteria();
  }

  /** Metric values: finite numbers (mostly from a small pool, with ties and extremes) and short texts. */
  public static Arbitrary<MetricValue> metricValues() {
    return MetricArbitraries.values();
  }

  /**
   * The metrics {@code clv}, {@code p_alive} and {@code rfm_segment} of {@code customers}, each
   * present with probability two in three, as a number or a text, computed at {@code computedAt}.
   */
  public static Arbitrary<List<CustomerMetric>> customerMetrics(List<CustomerId> customers,
      Instant computedAt) {
    return MetricArbitraries.metricsOf(List.copyOf(customers), Objects.requireNonNull(computedAt, "computedAt"));
  }

  /** Sort orders of up to three keys over ordered fields. */
  public static Arbitrary<Sort> sorts() {
    return CriteriaArbitraries.sorts();
  }

  /** Page requests: mostly small pages near the start, sometimes the largest page or one far past the end. */
  public static Arbitrary<PageRequest> pageRequests() {
    return CriteriaArbitraries.pageRequests();
  }

  /**
   * Printable single-line text that is never blank, at most {@code maxLength} UTF-16 units, from
   * every script and with emoji: for fields with {@code @NotBlank @PrintableText @Size}.
   *
   * @throws IllegalArgumentException if {@code maxLength < 1}
   */
  public static Arbitrary<String> text(int maxLength) {
    return TextArbitraries.text(maxLength);
  }

  /**
   * Like {@link #text(int)}, with line feeds, carriage returns and tabs too.
   *
   * @throws IllegalArgumentException if {@code maxLength < 1}
   */
  public static Arbitrary<String> multilineText(int maxLength) {
    return TextArbitraries.multilineText(maxLength);
  }
}
