package io.crmkit.privacy.erasure;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergedRecord;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.CustomerErased;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentState;
import io.crmkit.privacy.consent.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Erases a customer's personal data from every port of a store, in one transaction: the right to
 * erasure (GDPR art. 17, PIPL art. 47) without losing the facts a business must keep for its
 * accounts. Nothing is deleted that other records point to; what is personal is overwritten
 * irreversibly instead, so ids stay valid and amounts still add up:
 *
 * <ul>
 *   <li>the customer record: names become placeholders; personal contacts, identifiers, external
 *       references, birth date, gender and personal custom attributes (per the {@link
 *       PersonalDataCatalogue}) go; addresses keep country, region and city; needs lose their text;
 *   <li>purchases keep amount, currency, channel, category and quantity, dated to their month,
 *       without order reference; interactions keep channel, direction and agent, dated to their
 *       month, without subject and outcome;
 *   <li>lifecycle history keeps its moves but loses their free-text reasons;
 *   <li>merge lineage keeps who was merged with whom, but its snapshots are anonymised and their
 *       blocking keys dropped; the blocking-key index forgets the customer; its metrics are removed;
 *   <li>the consent ledger keeps its records (no personal data: the evidence is a reference, the
 *       actor an employee or system; and the proof of consent and withdrawal is a legal record),
 *       but every purpose granted at the erasure's instant gets a {@code WITHDRAWN} record from
 *       source {@link #CONSENT_SOURCE}, recorded through {@link ConsentLedger} (with its
 *       {@code CONSENT_CHANGE} audit entry and {@code ConsentChanged} event), so that nobody may
 *       contact the person afterwards;
 *   <li>the audit log gets one {@link AuditAction#ERASURE} entry naming the customer by id, and
 *       {@link CustomerErased} is published through the store's events.
 * </ul>
 *
 * <p>A merge makes several records one person: erasing a customer erases every customer joined to
 * it by merges not undone (the survivor and every record it absorbed), and reports them all.
 *
 * <p>The extension stores given to the builder must be attached to the privacy store's base; a
 * port not given is not touched, so give every extension the host attached. The audit log holds
 * no personal data by design and is left as it is; segment membership names ids only. Erasing
 * again is harmless (anonymising an anonymised customer changes nothing but its time stamps) and
 * is audited again.
 */
public final class Eraser {
  /** The audit target of an erasure. */
  public static final String AUDIT_TARGET = "customer:erasure";
  /** The source of the consent withdrawals an erasure records. */
  public static final ConsentSource CONSENT_SOURCE = ConsentSource.of("erasure");
  /**
   * The evidence of the consent withdrawals an erasure records: a reference to the erasure's audit
   * entry (same customer, same instant), never the caller's reason, which may name more.
   */
  public static final String CONSENT_EVIDENCE = "audit " + AUDIT_TARGET;

  private final PrivacyStore privacy;
  private final Optional<LifecycleStore> lifecycle;
  private final Optional<DedupStore> dedup;
  private final Optional<MetricStore> metrics;
  private final Redactor redactor;
  private final ConsentLedger consents;
  private final Clock clock;
  private final IdGenerator ids;

  private Eraser(Builder builder) {
    this.privacy = Require.notNull(builder.privacy, "privacy store");
    CrmStore base = privacy.base();
    this.lifecycle = Optional.ofNullable(builder.lifecycle);
    this.dedup = Optional.ofNullable(builder.dedup);
    this.metrics = Optional.ofNullable(builder.metrics);
    lifecycle.ifPresent(l -> sameBase(base, l.base(), "lifecycle"));
    dedup.ifPresent(d -> sameBase(base, d.base(), "dedup"));
    metrics.ifPresent(m -> sameBase(base, m.base(), "metrics"));
    this.redactor = new Redactor(builder.catalogue);
    this.clock = builder.clock;
    this.ids = builder.ids;
    this.consents = ConsentLedger.builder().store(privacy).clock(clock).ids(ids).build();
  }

  private static void sameBase(CrmStore base, CrmStore other, String name) {
    Require.argument(base == other, "the %s store must be attached to the privacy store's base %s, not to %s",
        name, base, other);
  }

  /** A builder; only the privacy store is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Erases the customer (and every customer merged with it) in one transaction, joining the
   * caller's if there is one.
   *
   * @param customer the customer to erase; it need not be stored any more (an absorbed record)
   * @param actor who erases, for the audit log (at most {@value AuditEntry#MAX_ACTOR_LENGTH})
   * @param reason why, for the audit log: write the legal ground, never the person's data
   * @throws IllegalArgumentException if actor or reason are not valid audit texts
   */
  public Result erase(CustomerId customer, String actor, String reason) {
    Require.notNull(customer, "customer");
    Require.notBlank(actor, "actor");
    Require.notBlank(reason, "reason");
    CrmStore base = privacy.base();
    return base.transactions().inTransaction(() -> {
      Instant now = clock.instant();
      Set<CustomerId> joined = joinedByMerges(customer);
      // Built before any write, so an actor or reason the audit log cannot hold fails the erasure early.
      List<AuditEntry> entries = joined.stream()
          .map(id -> AuditEntry.about(id, actor, AuditAction.ERASURE, AUDIT_TARGET, now, reason)).toList();
      Counts counts = new Counts();
      for (CustomerId id : joined) {
        eraseOne(base, id, now, counts);
      }
      dedup.ifPresent(d -> {
        for (Merge merge : mergesOf(joined)) {
          d.mergeLineage().redact(redactor.merge(merge, joined));
          counts.merges++;
        }
      });
      for (CustomerId id : joined) {
        counts.consentsWithdrawn += withdrawConsents(id, actor, now);
      }
      long sequence = 0;
      for (AuditEntry entry : entries) {
        sequence = privacy.auditLog().append(entry).sequence();
        base.events().publish(new CustomerErased(ids.newId(), now, entry.customer().orElseThrow()));
      }
      return new Result(customer, List.copyOf(joined), now, counts.records, counts.purchases,
          counts.interactions, counts.historyReasons, counts.merges, counts.metrics, counts.consentsWithdrawn,
          sequence);
    });
  }

  private void eraseOne(CrmStore base, CustomerId id, Instant now, Counts counts) {
    Optional<Customer> stored = base.customers().findById(id);
    if (stored.isPresent()) {
      base.customers().save(redactor.customer(stored.get(), now));
      counts.records++;
    }
    List<Purchase> purchases = base.purchases().forCustomer(id, TimeRange.all()).stream()
        .map(redactor::purchase).toList();
    counts.purchases += base.purchases().redact(purchases);
    List<Interaction> interactions = base.interactions().forCustomer(id, TimeRange.all()).stream()
        .map(redactor::interaction).toList();
    counts.interactions += base.interactions().redact(interactions);
    lifecycle.ifPresent(l -> counts.historyReasons += l.lifecycleHistory().redactReasons(id));
    dedup.ifPresent(d -> d.blockingKeys().replace(id, Set.of()));
    metrics.ifPresent(m -> {
      for (String name : m.customerMetrics().allOf(id).keySet()) {
        if (m.customerMetrics().remove(id, name)) {
          counts.metrics++;
        }
      }
    });
  }

  /**
   * Withdraws every purpose the customer has granted at {@code now}, in purpose-name order, through
   * the ledger (audited, with its event). A grant dated after {@code now} is not known yet to the
   * ledger's state and is left as recorded.
   */
  private int withdrawConsents(CustomerId id, String actor, Instant now) {
    ConsentState state = consents.stateOf(id, now);
    TreeMap<String, Purpose> granted = new TreeMap<>();
    state.granted().forEach(purpose -> granted.put(purpose.name(), purpose));
    for (Purpose purpose : granted.values()) {
      consents.record(ConsentEntry.withdrawn(id, purpose, CONSENT_SOURCE, CONSENT_EVIDENCE, now, actor));
    }
    return granted.size();
  }

  /**
   * The privacy store this eraser erases from (its base and extensions) and audits to, so that a
   * facade handing erasures to it can check that both work on the same store.
   */
  public PrivacyStore privacy() {
    return privacy;
  }

  Optional<LifecycleStore> lifecycle() {
    return lifecycle;
  }

  Clock clock() {
    return clock;
  }

  /** The customer and every customer joined to it through merges not undone, the customer first. */
  private Set<CustomerId> joinedByMerges(CustomerId customer) {
    Set<CustomerId> joined = new LinkedHashSet<>();
    joined.add(customer);
    if (dedup.isEmpty()) {
      return joined;
    }
    Deque<CustomerId> open = new ArrayDeque<>(joined);
    while (!open.isEmpty()) {
      for (Merge merge : dedup.get().mergeLineage().involving(open.pop())) {
        if (merge.undone().isEmpty()) {
          for (MergedRecord record : merge.records()) {
            if (joined.add(record.before().id())) {
              open.push(record.before().id());
            }
          }
        }
      }
    }
    return joined;
  }

  /** Every merge (undone ones too) that holds a snapshot of one of the customers, each once. */
  private List<Merge> mergesOf(Set<CustomerId> customers) {
    Set<Merge> merges = new LinkedHashSet<>();
    for (CustomerId id : customers) {
      merges.addAll(dedup.orElseThrow().mergeLineage().involving(id));
    }
    return List.copyOf(merges);
  }

  private static final class Counts {
    int records;
    int purchases;
    int interactions;
    int historyReasons;
    int merges;
    int metrics;
    int consentsWithdrawn;
  }

  /**
   * What one erasure changed.
   *
   * @param requested the customer asked for
   * @param erased every customer erased: the one asked for first, then those merged with it
   * @param erasedAt when
   * @param customerRecords stored customer records anonymised
   * @param purchases purchases redacted
   * @param interactions interactions redacted
   * @param historyReasons lifecycle history entries that lost their reason
   * @param merges merge lineage documents anonymised
   * @param metrics computed metrics removed
   * @param consentsWithdrawn consent purposes that were granted and are now withdrawn
   * @param auditSequence the sequence of the last audit record written (the last {@code ERASURE} entry)
   */
  public record Result(CustomerId requested, List<CustomerId> erased, Instant erasedAt, int customerRecords,
      int purchases, int interactions, int historyReasons, int merges, int metrics, int consentsWithdrawn,
      long auditSequence) {
    public Result {
      Objects.requireNonNull(requested, "requested");
      erased = List.copyOf(erased);
      Objects.requireNonNull(erasedAt, "erasedAt");
    }
  }

  /** Configures an {@link Eraser}. */
  public static final class Builder {
    private PrivacyStore privacy;
    private LifecycleStore lifecycle;
    private DedupStore dedup;
    private MetricStore metrics;
    private PersonalDataCatalogue catalogue = PersonalDataCatalogue.defaults();
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.timeOrdered();

    private Builder() {}

    /** The privacy store: its base is the store erased, its audit log records the erasure. */
    public Builder privacy(PrivacyStore privacy) {
      this.privacy = Require.notNull(privacy, "privacy");
      return this;
    }

    /** The lifecycle store attached to the same base, whose history reasons erasure drops. */
    public Builder lifecycle(LifecycleStore lifecycle) {
      this.lifecycle = Require.notNull(lifecycle, "lifecycle");
      return this;
    }

    /** The dedup store attached to the same base: merge snapshots, blocking keys, merged customers. */
    public Builder dedup(DedupStore dedup) {
      this.dedup = Require.notNull(dedup, "dedup");
      return this;
    }

    /** The metric store attached to the same base, whose metrics of the customer are removed. */
    public Builder metrics(MetricStore metrics) {
      this.metrics = Require.notNull(metrics, "metrics");
      return this;
    }

    /** Which parts of a customer are personal; {@link PersonalDataCatalogue#defaults()} unless set. */
    public Builder catalogue(PersonalDataCatalogue catalogue) {
      this.catalogue = Require.notNull(catalogue, "catalogue");
      return this;
    }

    /** The clock of erasure times; the system's UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Require.notNull(clock, "clock");
      return this;
    }

    /** The ids of published events; time-ordered UUIDs unless set. */
    public Builder ids(IdGenerator ids) {
      this.ids = Require.notNull(ids, "ids");
      return this;
    }

    /**
     * @throws NullPointerException if no privacy store was given
     * @throws IllegalArgumentException if an extension store is attached to another base
     */
    public Eraser build() {
      return new Eraser(this);
    }
  }
}
