package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.ContactChannel;
import io.crmkit.privacy.consent.ContactDecision;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.privacy.erasure.Retention;
import io.crmkit.privacy.erasure.RetentionRule;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of erasure on a whole store: {@link Eraser} over the base ports and the lifecycle,
 * dedup, metric and privacy extensions of one technology, which together must forget every
 * personal value of the erased customer and keep everything else. Extend it with a store of your
 * technology and its extensions; a store that can scan its storage directly (every text column of
 * every table) adds that scan in {@link #storedText}.
 *
 * <p>Each property try and example uses a fresh, empty store ({@link #newStore()}).
 */
public abstract class ErasureContract {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final ObjectMapper JSON = CrmJson.newMapper();

  /** A fresh, empty store of the technology under test. */
  protected abstract CrmStore newStore();

  protected abstract StoreExtension<LifecycleStore> lifecycle();

  protected abstract StoreExtension<DedupStore> dedup();

  protected abstract StoreExtension<MetricStore> metrics();

  protected abstract StoreExtension<PrivacyStore> privacy();

  /**
   * Everything the store holds about the {@code customers} (and everything it holds in general),
   * as text to search for values. This default reads every port: customers, activities, lifecycle
   * history, merge lineage, blocking keys, pending reviews, metrics, the consent ledger and the audit log. A JDBC store
   * adds a scan of every text and JSON column of every table, the outbox included.
   */
  protected String storedText(CrmStore store, Set<CustomerId> customers) {
    StringBuilder text = new StringBuilder();
    try (Stream<Customer> all = store.customers().stream(io.crmkit.core.customer.Criteria.all())) {
      all.forEach(c -> text.append(c).append('\n'));
    }
    try (Stream<Purchase> purchases = store.purchases().stream(TimeRange.all())) {
      purchases.forEach(p -> text.append(p).append('\n'));
    }
    try (Stream<Interaction> interactions = store.interactions().stream(TimeRange.all())) {
      interactions.forEach(i -> text.append(i).append('\n'));
    }
    LifecycleStore lifecycle = store.attach(lifecycle());
    try (Stream<HistoryEntry> history = lifecycle.lifecycleHistory().stream(TimeRange.all())) {
      history.forEach(h -> text.append(h).append('\n'));
    }
    DedupStore dedup = store.attach(dedup());
    MetricStore metrics = store.attach(metrics());
    for (CustomerId id : customers) {
      dedup.mergeLineage().involving(id).forEach(m -> text.append(m).append('\n'));
      text.append(dedup.blockingKeys().keysOf(id)).append('\n');
      text.append(metrics.customerMetrics().allOf(id)).append('\n');
      store.attach(privacy()).consents().history(id).forEach(r -> text.append(r).append('\n'));
    }
    dedup.reviewQueue().pending(1000).forEach(r -> text.append(r).append('\n'));
    store.attach(privacy()).auditLog().inRange(TimeRange.all()).forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  private ConsentLedger ledger(CrmStore store) {
    return ConsentLedger.builder().store(store.attach(privacy())).clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
  }

  private Eraser eraser(CrmStore store) {
    return Eraser.builder().privacy(store.attach(privacy())).lifecycle(store.attach(lifecycle()))
        .dedup(store.attach(dedup())).metrics(store.attach(metrics()))
        .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
  }

  @Property(tries = 10)
  public void afterErasureNoPersonalValueOfTheCustomerIsStoredAnywhereAndOthersAreUntouched(
      @ForAll("scenarios") Scenario scenario) {
    CrmStore store = newStore();
    Stored stored = setUp(store, scenario);
    List<CustomerId> ids = stored.customers().stream().map(Customer::id).toList();
    CustomerId target = ids.get(scenario.target());
    Set<CustomerId> erased = stored.merged().contains(target) ? stored.merged() : Set.of(target);
    List<Customer> others = stored.customers().stream().filter(c -> !erased.contains(c.id())).toList();
    Map<CustomerId, Object> othersBefore = others.stream()
        .collect(Collectors.toMap(Customer::id, c -> everythingAbout(store, c.id())));
    List<Purchase> erasedPurchases = erased.stream().flatMap(id -> purchasesOf(store, id).stream()).toList();
    String before = storedText(store, Set.copyOf(ids));
    String othersText = others.stream().map(c -> personalValues(scenario, c).toString())
        .collect(Collectors.joining("\n")) + othersBefore.values()
        + erased.stream().map(id -> keptValues(scenario, scenarioCustomer(scenario, id)))
            .collect(Collectors.joining("\n"));
    Set<String> mustVanish = erased.stream()
        .flatMap(id -> personalValues(scenario, scenarioCustomer(scenario, id)).stream())
        .filter(value -> meaningful(value) && found(before, value) && !othersText.contains(value))
        .collect(Collectors.toCollection(LinkedHashSet::new));

    // Random scenarios may give the target only values another customer shares (which stay):
    // such a try proves nothing, so it is discarded rather than passed.
    Assume.that(!mustVanish.isEmpty());

    Eraser.Result result = eraser(store).erase(target, "dpo", "erasure request under GDPR art. 17");

    assertThat(result.erased()).containsExactlyInAnyOrderElementsOf(erased);
    String after = storedText(store, Set.copyOf(ids));
    assertThat(mustVanish).as("personal values of the erased customer still stored")
        .filteredOn(value -> found(after, value)).isEmpty();
    for (Customer other : others) {
      assertThat(everythingAbout(store, other.id())).as("customer %s is not erased", other.id())
          .isEqualTo(othersBefore.get(other.id()));
    }
    List<Purchase> kept = erased.stream().flatMap(id -> purchasesOf(store, id).stream()).toList();
    assertThat(kept).as("amounts, currencies and categories are kept").map(Kept::of)
        .containsExactlyInAnyOrderElementsOf(erasedPurchases.stream().map(Kept::of).toList());
    assertThat(kept).allSatisfy(p -> {
      assertThat(p.orderReference()).isEmpty();
      assertThat(p.occurredAt().atOffset(ZoneOffset.UTC).getDayOfMonth()).isEqualTo(1);
    });
    for (CustomerId id : erased) {
      assertThat(interactionsOf(store, id)).allSatisfy(i -> {
        assertThat(i.subject()).isEmpty();
        assertThat(i.outcome()).isEmpty();
      });
      assertThat(store.attach(privacy()).auditLog().forCustomer(id, TimeRange.all()))
          .as("the consent granted in the scenario is withdrawn, then the erasure recorded")
          .extracting(r -> r.entry().action()).containsExactly(AuditAction.CONSENT_CHANGE, AuditAction.ERASURE);
      assertThat(ledger(store).mayContact(id, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).allowed()).isFalse();
    }
    for (Customer other : others) {
      assertThat(ledger(store).mayContact(other.id(), Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).allowed())
          .isTrue();
    }
    assertThat(store.attach(privacy()).auditLog().verify().intact()).isTrue();
  }

  @Example
  void erasingOneSideOfAnUndoneMergeLeavesTheOtherPersonsSnapshotAsItWas() {
    CrmStore store = newStore();
    List<Customer> people = CrmArbitraries.customerLists(2, 2)
        .filter(two -> two.stream().allMatch(c -> c.kind() == CustomerKind.PERSON)).sample();
    Customer erased = store.customers().save(people.get(0));
    Customer other = store.customers().save(people.get(1));
    DedupStore dedup = store.attach(dedup());
    Merger merger = Merger.builder().store(dedup).lifecycle(store.attach(lifecycle()))
        .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
    UUID mergeId = merger.merge(erased.id(), List.of(other.id()), "steward").merge().id();
    merger.unmerge(mergeId, "steward");
    Customer otherBefore = dedup.mergeLineage().find(mergeId).orElseThrow().records().get(1).before();

    Eraser.Result result = eraser(store).erase(erased.id(), "dpo", "erasure request under GDPR art. 17");

    assertThat(result.erased()).containsExactly(erased.id());
    Merge redacted = dedup.mergeLineage().find(mergeId).orElseThrow();
    assertThat(redacted.records().get(1).before()).isEqualTo(otherBefore);
    assertThat(redacted.records().get(0).before().displayName()).isNotEqualTo(erased.displayName());
  }

  @Example
  void anErasureWithdrawsEveryGrantedConsentThroughTheLedgerSoNobodyMayContactThePerson() {
    CrmStore store = newStore();
    List<Customer> two = CrmArbitraries.customerLists(2, 2).sample();
    Customer customer = store.customers().save(two.get(0));
    Customer other = store.customers().save(two.get(1));
    ConsentLedger ledger = ledger(store);
    Instant yesterday = AT.minusSeconds(86_400);
    ledger.record(ConsentEntry.granted(customer.id(), Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, "form-v3",
        yesterday, "web"));
    ledger.record(ConsentEntry.granted(customer.id(), Purpose.PROFILING, ConsentSource.MOBILE_APP, "app-v2",
        yesterday, "app"));
    ledger.record(ConsentEntry.granted(customer.id(), Purpose.MARKETING_SMS, ConsentSource.IN_PERSON, "paper-118",
        yesterday, "agent-7"));
    ledger.record(ConsentEntry.withdrawn(customer.id(), Purpose.MARKETING_SMS, ConsentSource.MESSAGE_LINK, "stop-9",
        AT.minusSeconds(3600), "sms-gateway"));
    ledger.record(ConsentEntry.granted(other.id(), Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, "form-v3",
        yesterday, "web"));
    List<ConsentRecord> before = ledger.history(customer.id());

    Eraser.Result result = eraser(store).erase(customer.id(), "dpo", "erasure request under GDPR art. 17");

    assertThat(result.consentsWithdrawn()).isEqualTo(2);
    List<ConsentRecord> after = ledger.history(customer.id());
    assertThat(after).as("the ledger keeps its records as proof").startsWith(before.toArray(ConsentRecord[]::new))
        .hasSize(before.size() + 2);
    assertThat(after.subList(before.size(), after.size())).extracting(r -> r.entry().purpose())
        .containsExactly(Purpose.MARKETING_EMAIL, Purpose.PROFILING);
    assertThat(after.subList(before.size(), after.size())).allSatisfy(r -> {
      assertThat(r.entry().status()).isEqualTo(ConsentStatus.WITHDRAWN);
      assertThat(r.entry().source()).isEqualTo(Eraser.CONSENT_SOURCE);
      assertThat(r.entry().evidence()).isEqualTo(Eraser.CONSENT_EVIDENCE);
      assertThat(r.entry().actor()).isEqualTo("dpo");
      assertThat(r.entry().occurredAt()).isEqualTo(AT);
    });
    assertThat(ledger.stateOf(customer.id()).granted()).isEmpty();
    assertThat(ledger.mayContact(customer.id(), Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).outcome())
        .isEqualTo(ContactDecision.Outcome.WITHDRAWN);
    assertThat(ledger.mayContact(other.id(), Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).allowed()).isTrue();
    List<AuditRecord> audit = store.attach(privacy()).auditLog().forCustomer(customer.id(), TimeRange.all());
    assertThat(audit.subList(audit.size() - 3, audit.size()))
        .extracting(r -> r.entry().action(), r -> r.entry().target(), r -> r.entry().actor())
        .containsExactly(tuple(AuditAction.CONSENT_CHANGE, "consent.marketing_email", "dpo"),
            tuple(AuditAction.CONSENT_CHANGE, "consent.profiling", "dpo"),
            tuple(AuditAction.ERASURE, Eraser.AUDIT_TARGET, "dpo"));
  }

  @Example
  void anErasureIsOneTransactionSoAFailureAfterItLeavesEverythingAsItWasConsentIncluded() {
    CrmStore store = newStore();
    Customer customer = store.customers().save(CrmArbitraries.customers().sample());
    Purchase purchase = CrmArbitraries.purchases(Arbitraries.just(customer.id()), Arbitraries.just(AT)).sample();
    store.purchases().record(purchase);
    ConsentRecord granted = store.attach(privacy()).consents().append(ConsentEntry.granted(customer.id(),
        Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, "form-v3", AT.minusSeconds(60), "web"));
    Eraser eraser = eraser(store);

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      eraser.erase(customer.id(), "dpo", "erasure request");
      throw new IllegalStateException("the host's work failed after the erasure");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.customers().findById(customer.id())).contains(customer);
    assertThat(purchasesOf(store, customer.id())).containsExactly(purchase);
    assertThat(store.attach(privacy()).consents().history(customer.id())).containsExactly(granted);
    assertThat(store.attach(privacy()).auditLog().inRange(TimeRange.all())).isEmpty();
  }

  @Example
  void erasingAgainChangesNothingPersonalAndIsAuditedAgain() {
    CrmStore store = newStore();
    Customer customer = store.customers().save(CrmArbitraries.customers().sample());
    Eraser eraser = eraser(store);
    eraser.erase(customer.id(), "dpo", "erasure request");
    Customer once = store.customers().findById(customer.id()).orElseThrow();

    eraser.erase(customer.id(), "dpo", "erasure request, repeated");

    Customer twice = store.customers().findById(customer.id()).orElseThrow();
    assertThat(twice.withVersion(0)).isEqualTo(once.withVersion(0));
    assertThat(store.attach(privacy()).auditLog().forCustomer(customer.id(), TimeRange.all())).hasSize(2);
  }

  @Example
  void retentionErasesTheDueCustomersOnceAndReportsThemThenSkipsThem() {
    CrmStore store = newStore();
    LifecycleStore lifecycle = store.attach(lifecycle());
    Instant longAgo = AT.atOffset(ZoneOffset.UTC).minusYears(4).toInstant();
    Instant lately = AT.atOffset(ZoneOffset.UTC).minusMonths(6).toInstant();
    List<Customer> generated = CrmArbitraries.customerLists(4, 4).sample();
    Customer churnedLongAgo = store.customers().save(registered(generated.get(0), longAgo, LifecycleStage.CHURNED));
    Customer churnedLately = store.customers().save(registered(generated.get(1), longAgo, LifecycleStage.CHURNED));
    Customer inactive = store.customers().save(registered(generated.get(2), longAgo, LifecycleStage.ACTIVE));
    Customer active = store.customers().save(registered(generated.get(3), longAgo, LifecycleStage.ACTIVE));
    lifecycle.lifecycleHistory().append(new HistoryEntry(churnedLongAgo.id(), 1, LifecycleStage.ACTIVE,
        LifecycleStage.CHURNED, Trigger.MANUAL, longAgo, "contract", Optional.empty()));
    lifecycle.lifecycleHistory().append(new HistoryEntry(churnedLately.id(), 1, LifecycleStage.ACTIVE,
        LifecycleStage.CHURNED, Trigger.MANUAL, lately, "contract", Optional.empty()));
    store.purchases().record(CrmArbitraries.purchases(Arbitraries.just(inactive.id()), Arbitraries.just(longAgo))
        .sample());
    store.purchases().record(CrmArbitraries.purchases(Arbitraries.just(active.id()), Arbitraries.just(lately))
        .sample());
    store.interactions().record(CrmArbitraries.interactions(Arbitraries.just(churnedLately.id()),
        Arbitraries.just(lately)).sample());
    Retention retention = Retention.of(eraser(store),
        List.of(RetentionRule.churnedFor(Period.ofYears(3)), RetentionRule.inactiveFor(Period.ofYears(2))));

    Retention.Report first = retention.run("retention-job");
    Retention.Report second = retention.run("retention-job");

    assertThat(first.checked()).isEqualTo(4);
    assertThat(first.erased()).containsExactlyInAnyOrder(churnedLongAgo.id(), inactive.id());
    assertThat(first.skipped()).isEmpty();
    assertThat(second.checked()).isEqualTo(4);
    assertThat(second.erased()).isEmpty();
    assertThat(second.skipped()).containsExactlyInAnyOrder(churnedLongAgo.id(), inactive.id());
    assertThat(store.customers().findById(churnedLately.id())).contains(churnedLately);
    assertThat(store.customers().findById(active.id())).contains(active);
    List<AuditRecord> audit = store.attach(privacy()).auditLog().inRange(TimeRange.all());
    assertThat(audit).extracting(r -> r.entry().customer().orElseThrow())
        .containsExactlyInAnyOrder(churnedLongAgo.id(), inactive.id());
    assertThat(audit).allSatisfy(r -> assertThat(r.entry().reason()).startsWith("retention rule "));
  }

  private static Customer registered(Customer customer, Instant at, LifecycleStage stage) {
    return new Customer.Builder().from(customer).createdAt(at).updatedAt(at).stage(stage).build();
  }

  /** Saves the scenario with activities, history, blocking keys, metrics and review pairs, and merges. */
  private Stored setUp(CrmStore store, Scenario scenario) {
    List<Customer> saved = scenario.customers().stream().map(store.customers()::save).toList();
    store.purchases().recordAll(scenario.purchases());
    store.interactions().recordAll(scenario.interactions());
    LifecycleStore lifecycle = store.attach(lifecycle());
    DedupStore dedup = store.attach(dedup());
    MetricStore metrics = store.attach(metrics());
    for (Customer customer : saved) {
      lifecycle.lifecycleHistory().append(new HistoryEntry(customer.id(), 1, LifecycleStage.PROSPECT,
          LifecycleStage.NEW, Trigger.MANUAL, AT.minusSeconds(3600), "contract",
          Optional.of("registered by phone, said " + customer.displayName())));
      dedup.blockingKeys().replace(customer.id(), blockingKeys(customer));
      metrics.customerMetrics().record(CustomerMetric.number(customer.id(), "rfm.score", 3, AT));
      metrics.customerMetrics().record(CustomerMetric.text(customer.id(), "tier.name", "gold", AT));
      store.attach(privacy()).consents().append(ConsentEntry.granted(customer.id(), Purpose.MARKETING_EMAIL,
          ConsentSource.WEB_FORM, "signup-form-v3", AT.minusSeconds(7200), "web"));
    }
    for (int i = 1; i < saved.size(); i++) {
      dedup.reviewQueue().enqueue(new ReviewItem(saved.get(0).id().toString(), saved.get(i).id().toString(), 0.7,
          List.of(new FieldScore("name", "close", 1.5)), AT));
    }
    int[] pair = sameKindPair(saved);
    Set<CustomerId> merged = Set.of(saved.get(pair[0]).id(), saved.get(pair[1]).id());
    Merger.builder().store(dedup).lifecycle(lifecycle).clock(Clock.fixed(AT, ZoneOffset.UTC)).build()
        .merge(saved.get(pair[0]).id(), List.of(saved.get(pair[1]).id()), "contract");
    return new Stored(saved, merged);
  }

  /** What erasure keeps of a purchase. */
  private record Kept(io.crmkit.core.activity.ActivityId id, org.joda.money.Money amount, Optional<String> category,
      int quantity, String channel) {
    static Kept of(Purchase purchase) {
      return new Kept(purchase.id(), purchase.amount(), purchase.category(), purchase.quantity(), purchase.channel());
    }
  }

  private record Stored(List<Customer> customers, Set<CustomerId> merged) {}

  /** The first two customers of the same kind (among three or more there always are two). */
  private static int[] sameKindPair(List<Customer> customers) {
    for (int i = 0; i < customers.size(); i++) {
      for (int j = i + 1; j < customers.size(); j++) {
        if (customers.get(i).kind() == customers.get(j).kind()) {
          return new int[] {i, j};
        }
      }
    }
    throw new IllegalStateException("no two customers of the same kind among " + customers.size());
  }

  private static Set<String> blockingKeys(Customer customer) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(cut("name:" + customer.displayName()));
    customer.contactPoints().forEach(c -> keys.add(cut(c.channel().name().toLowerCase() + ":" + c.value())));
    return keys;
  }

  private static String cut(String key) {
    if (key.length() <= 200) {
      return key;
    }
    return key.substring(0, Character.isHighSurrogate(key.charAt(199)) ? 199 : 200);
  }

  /** What the store holds about a customer, through its ports, for comparing before and after. */
  private List<Object> everythingAbout(CrmStore store, CustomerId id) {
    DedupStore dedup = store.attach(dedup());
    return List.of(store.customers().findById(id), purchasesOf(store, id), interactionsOf(store, id),
        store.attach(lifecycle()).lifecycleHistory().forCustomer(id), dedup.blockingKeys().keysOf(id),
        dedup.mergeLineage().involving(id).stream().map(Merge::id).toList(),
        store.attach(metrics()).customerMetrics().allOf(id), store.attach(privacy()).consents().history(id));
  }

  /**
   * Every personal value of the customer as the scenario wrote it, and the free text written about
   * it (interaction subjects and outcomes, order references, history reasons, need descriptions).
   */
  private static List<String> personalValues(Scenario scenario, Customer customer) {
    List<String> values = new ArrayList<>();
    customer.personName().ifPresent(n -> {
      n.familyName().ifPresent(values::add);
      n.givenName().ifPresent(values::add);
    });
    if (customer.personName().isPresent()) {
      values.add(customer.displayName());
    }
    customer.contactPoints().stream().map(ContactPoint::value).forEach(values::add);
    customer.personIdentifiers().forEach(i -> values.add(i.value()));
    customer.organisationIdentifiers().forEach(i -> values.add(i.value()));
    customer.externalReferences().forEach(r -> values.add(r.id()));
    for (PostalAddress address : customer.addresses()) {
      address.street().ifPresent(values::add);
      address.line().ifPresent(values::add);
      address.district().ifPresent(values::add);
    }
    customer.needs().stream().map(Need::description).flatMap(Optional::stream).forEach(values::add);
    scenario.purchases().stream().filter(p -> p.customerId().equals(customer.id()))
        .forEach(p -> p.orderReference().ifPresent(values::add));
    scenario.interactions().stream().filter(i -> i.customerId().equals(customer.id())).forEach(i -> {
      i.subject().ifPresent(values::add);
      i.outcome().ifPresent(values::add);
    });
    values.add("registered by phone, said " + customer.displayName());
    return values;
  }

  /**
   * What erasure keeps of the customer (tags, codes, owner, unclassified attributes, need types, a
   * public legal name, the coarse address, activity channels, categories and agents): a personal
   * value that happens to be part of one of these is not looked for.
   */
  private static String keptValues(Scenario scenario, Customer customer) {
    StringBuilder kept = new StringBuilder();
    kept.append(customer.tags()).append(customer.dimensionCodes()).append(customer.owner())
        .append(customer.attributes()).append(customer.legalName()).append(customer.stage()).append(customer.tier());
    customer.needs().forEach(n -> kept.append(n.type()).append('\n'));
    customer.addresses().forEach(a -> kept.append(a.country()).append(a.region()).append(a.city())
        .append(a.regionCode()).append('\n'));
    scenario.purchases().stream().filter(p -> p.customerId().equals(customer.id()))
        .forEach(p -> kept.append(p.channel()).append(p.category()).append(p.amount()).append('\n'));
    scenario.interactions().stream().filter(i -> i.customerId().equals(customer.id()))
        .forEach(i -> kept.append(i.agent()).append('\n'));
    return kept.toString();
  }

  private static Customer scenarioCustomer(Scenario scenario, CustomerId id) {
    return scenario.customers().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /** Long enough not to occur by chance in field names, codes and enum names. */
  /**
   * Long enough to be told apart from other stored text, and not one character repeated: a value
   * such as {@code 000000000} also stands in every id of a shrunk scenario's zero UUIDs.
   */
  private static boolean meaningful(String value) {
    String stripped = value.strip();
    boolean ascii = stripped.chars().allMatch(c -> c < 0x80);
    boolean longEnough = ascii ? stripped.length() >= 4 : stripped.codePointCount(0, stripped.length()) >= 2;
    return longEnough && stripped.codePoints().distinct().count() > 1;
  }

  /** The value as written, or as a JSON document escapes it. */
  private static boolean found(String text, String value) {
    if (text.contains(value)) {
      return true;
    }
    try {
      String escaped = JSON.writeValueAsString(value);
      return text.contains(escaped.substring(1, escaped.length() - 1));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Purchase> purchasesOf(CrmStore store, CustomerId id) {
    return store.purchases().forCustomer(id, TimeRange.all());
  }

  private static List<Interaction> interactionsOf(CrmStore store, CustomerId id) {
    return store.interactions().forCustomer(id, TimeRange.all());
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return CrmArbitraries.customerLists(3, 5).flatMap(customers -> {
      Arbitrary<CustomerId> owners = Arbitraries.of(customers.stream().map(Customer::id).toList());
      return Combinators.combine(
              CrmArbitraries.purchases(owners, CrmArbitraries.instants()).list().ofMaxSize(8)
                  .uniqueElements(Purchase::id),
              CrmArbitraries.interactions(owners, CrmArbitraries.instants()).list().ofMaxSize(8)
                  .uniqueElements(Interaction::id),
              Arbitraries.integers().between(0, customers.size() - 1))
          .as((purchases, interactions, target) -> new Scenario(customers, purchases, interactions, target));
    });
  }

  /**
   * Customers with activities, and which of them to erase.
   *
   * @param customers customers at version 0 that can be saved together
   * @param purchases their purchases
   * @param interactions their interactions
   * @param target the index of the customer to erase
   */
  public record Scenario(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
      int target) {}
}
