package io.crmkit.privacy.access;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.catalog.CatalogueEntry;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.privacy.mask.Masker;
import io.crmkit.privacy.mask.MaskingPolicy;
import io.crmkit.privacy.rights.CustomerExporter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link Crm} as one caller may use it: every read, query, change, activity, export and merge is
 * checked against the {@link AccessPolicy} for the caller the host's {@link CallerContext} names,
 * customers come back masked in every category the caller may not read in clear, and every
 * clear-text read, change, export and merge is written to the audit log in the same transaction
 * as the work. One instance serves every user of the host.
 *
 * <p><b>Reads</b> ({@link #get}, {@link #find(CustomerId)}, {@link #findByExternalReference},
 * {@link #find(Criteria, Sort, PageRequest)}, {@link #stream}) need READ_MASKED on the non-personal
 * scope and on every category the catalogue uses (READ_CLEAR on a category will do); a customer the
 * caller may not read makes the whole call fail with {@link AccessDeniedException}, so a page is
 * never silently short. Each customer shown with personal values of some category in clear adds one
 * {@code CLEAR_TEXT_READ} entry naming those categories (target {@code clear:CONTACT,IDENTIFIER}).
 *
 * <p><b>Changes</b> need WRITE on the non-personal scope and on the category of every personal
 * field changed; the refusal names the category and action, never the value. A caller edits what
 * they were shown: parts they left as their masked view showed them keep the stored values (see
 * {@code MaskedEdits}), so saving a masked customer never writes masks. Each change adds one {@code
 * CHANGE} entry naming the changed attributes; a refused or rolled-back change leaves none.
 *
 * <p><b>Exports</b> ({@link #export}) need EXPORT on every scope whatever the customer, and show
 * clear values only where the caller may also READ_CLEAR; one {@code EXPORT} entry records the
 * query's shape (values written {@code ?}) and the number of customers.
 *
 * <p><b>People's rights</b>: {@link #exportCustomerData} (access and portability) needs EXPORT on
 * every scope and READ_CLEAR on every category, {@link #erase} needs ERASE on every scope; by the
 * default policy only the data-protection officer has both. They delegate to a {@link
 * CustomerExporter} and an {@link Eraser}, which write their own audit entries ({@code EXPORT};
 * {@code ERASURE} and the consent withdrawals), so the facade adds none.
 *
 * <p>Audit entries take the caller's actor and purpose, and never hold personal values. The facade
 * is thread-safe if the caller context, policy and crm are.
 */
public final class ProtectedCrm {
  private final Crm crm;
  private final PrivacyStore privacy;
  private final PersonalDataCatalogue catalogue;
  private final Masker masker;
  private final AccessPolicy policy;
  private final CallerContext callers;
  private final Merger merger;
  private final Eraser eraser;
  private final CustomerExporter exporter;
  private final Set<PersonalDataCategory> catalogued;

  private ProtectedCrm(Builder builder) {
    this.crm = Require.notNull(builder.crm, "crm");
    this.privacy = Require.notNull(builder.privacy, "privacy");
    Require.argument(privacy.base() == crm.store(),
        "the privacy store must be attached to the crm's store, so that audit entries commit with the work");
    this.catalogue = builder.catalogue;
    this.masker = Masker.of(builder.catalogue, builder.maskingPolicy);
    this.policy = builder.policy;
    this.callers = Require.notNull(builder.callers, "callers");
    this.merger = builder.merger;
    this.eraser = builder.eraser;
    Require.argument(eraser == null || eraser.privacy().base() == crm.store(),
        "the eraser must erase the crm's store, so that what the facade checks is what it erases");
    this.exporter = builder.exporter != null ? builder.exporter
        : CustomerExporter.builder(privacy).clock(crm.clock()).build();
    Require.argument(exporter.privacy().base() == crm.store(),
        "the exporter must export the crm's store, so that what the facade checks is what it exports");
    Set<PersonalDataCategory> used = EnumSet.noneOf(PersonalDataCategory.class);
    catalogue.entries().values().stream().map(CatalogueEntry::category).forEach(used::add);
    this.catalogued = used;
  }

  /** A builder; the crm, its privacy store and the caller context are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The customer with {@code id}, as the caller may see it.
   *
   * @throws CustomerNotFoundException if there is none
   * @throws AccessDeniedException if the caller may not read it
   */
  public Customer get(CustomerId id) {
    return find(id).orElseThrow(() -> new CustomerNotFoundException(id));
  }

  /**
   * The customer with {@code id}, as the caller may see it.
   *
   * @throws AccessDeniedException if the caller may not read it
   */
  public Optional<Customer> find(CustomerId id) {
    Caller caller = caller();
    return inTransaction(() -> crm.find(id).map(c -> shown(caller, c)));
  }

  /**
   * The customer known in another system under {@code reference}, as the caller may see it.
   *
   * @throws AccessDeniedException if the caller may not read it
   */
  public Optional<Customer> findByExternalReference(ExternalReference reference) {
    Caller caller = caller();
    return inTransaction(() -> crm.findByExternalReference(reference).map(c -> shown(caller, c)));
  }

  /**
   * One page of the customers matching {@code criteria}, each as the caller may see it.
   *
   * @throws AccessDeniedException if the caller may not read one of them; nothing is audited
   */
  public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
    Caller caller = caller();
    return inTransaction(() -> {
      Page<Customer> found = crm.find(criteria, sort, page);
      return new Page<>(shownAll(caller, found.items()), found.request(), found.hasNext());
    });
  }

  /**
   * The first {@code limit} customers matching {@code criteria}, in id order, as the caller may see them.
   *
   * @throws AccessDeniedException if the caller may not read one of them; nothing is audited
   */
  public List<Customer> find(Criteria criteria, int limit) {
    return find(criteria, Sort.byId(), PageRequest.first(limit)).items();
  }

  /**
   * How many customers match {@code criteria}: needs READ_MASKED on the non-personal scope whatever
   * the customer. Reveals no personal value, so it is not audited.
   *
   * @throws AccessDeniedException if the caller may not read customers
   */
  public long count(Criteria criteria) {
    Caller caller = caller();
    require(caller, FieldAction.READ_MASKED, FieldScope.NON_PERSONAL, Optional.empty(), Optional.empty());
    return crm.count(criteria);
  }

  /**
   * Every customer matching {@code criteria}, lazily, in id order, each as the caller may see it
   * and audited as it is read. Close the stream.
   *
   * @throws AccessDeniedException from the stream, at the first customer the caller may not read
   */
  public Stream<Customer> stream(Criteria criteria) {
    Caller caller = caller();
    return crm.stream(criteria).map(c -> inTransaction(() -> shown(caller, c)));
  }

  /**
   * Registers a new customer: needs WRITE on the non-personal scope and on the category of every
   * personal field it has a value in (a sales rep registers customers they own).
   *
   * @return the customer as stored, as the caller may see it
   * @throws AccessDeniedException if the caller may not write one of its scopes; nothing is written
   * @throws CrmValidationException as {@link Crm#register}
   */
  public Customer register(NewCustomer customer) {
    Require.notNull(customer, "customer");
    Caller caller = caller();
    Set<PersonalField> fields = PersonalParts.present(customer);
    requireWrite(caller, fields, customer, Optional.empty());
    return inTransaction(() -> {
      Customer saved = crm.register(customer);
      audit(caller, AuditAction.CHANGE, saved.id(), AuditTargets.listing("registered:", fields));
      return shown(caller, saved);
    });
  }

  /**
   * Saves the caller's change of a customer they read through this facade. Parts left as the
   * caller's view showed them keep their stored values; what remains must be WRITE-permitted (the
   * non-personal scope, and the category of every personal field changed) for the customer as
   * stored. A change that changes nothing writes nothing and audits no change.
   *
   * @return the customer as stored, as the caller may see it
   * @throws AccessDeniedException naming the category and action refused; nothing is written
   * @throws CustomerNotFoundException if there is no such customer
   * @throws CrmValidationException as {@link Crm#update}
   * @throws ConcurrentUpdateException if the stored version is not {@code changed.version()}
   */
  public Customer update(Customer changed) {
    Require.notNull(changed, "changed");
    Caller caller = caller();
    return inTransaction(() -> {
      Customer current = crm.get(changed.id());
      Customer view = Visibility.decide(policy, caller, FieldAction.READ_MASKED, current, catalogued)
          .show(masker, current);
      Customer meant = MaskedEdits.restore(current, view, changed);
      Set<String> attributes = CustomerChanges.between(current, meant);
      if (attributes.isEmpty()) {
        return shown(caller, current);
      }
      requireWrite(caller, PersonalParts.changed(current, meant), current, Optional.of(current.id()));
      Customer saved = crm.update(meant);
      audit(caller, AuditAction.CHANGE, saved.id(),
          AuditTargets.listing("customer.", CustomerChanges.between(current, saved)));
      return shown(caller, saved);
    });
  }

  /**
   * Records a purchase of a customer the caller may write (non-personal scope).
   *
   * @throws AccessDeniedException if the caller may not; nothing is recorded
   * @throws CustomerNotFoundException if its customer does not exist
   * @throws CrmValidationException as {@link Crm#recordPurchase}
   */
  public Purchase recordPurchase(Purchase purchase) {
    Require.notNull(purchase, "purchase");
    Caller caller = caller();
    return inTransaction(() -> {
      requireWrite(caller, Set.of(), crm.get(purchase.customerId()), Optional.of(purchase.customerId()));
      Purchase recorded = crm.recordPurchase(purchase);
      audit(caller, AuditAction.CHANGE, purchase.customerId(), "purchase:" + purchase.id());
      return recorded;
    });
  }

  /**
   * Records an interaction with a customer the caller may write (non-personal scope).
   *
   * @throws AccessDeniedException if the caller may not; nothing is recorded
   * @throws CustomerNotFoundException if its customer does not exist
   * @throws CrmValidationException as {@link Crm#recordInteraction}
   */
  public Interaction recordInteraction(Interaction interaction) {
    Require.notNull(interaction, "interaction");
    Caller caller = caller();
    return inTransaction(() -> {
      requireWrite(caller, Set.of(), crm.get(interaction.customerId()), Optional.of(interaction.customerId()));
      Interaction recorded = crm.recordInteraction(interaction);
      audit(caller, AuditAction.CHANGE, interaction.customerId(), "interaction:" + interaction.id());
      return recorded;
    });
  }

  /**
   * The customer's purchases in {@code range}, oldest first, if the caller may read the customer
   * (non-personal scope).
   *
   * @throws CustomerNotFoundException if there is no such customer
   * @throws AccessDeniedException if the caller may not read it
   */
  public List<Purchase> purchases(CustomerId customerId, TimeRange range) {
    Caller caller = caller();
    return inTransaction(() -> {
      requireActivityRead(caller, customerId);
      return crm.purchases(customerId, range);
    });
  }

  /**
   * The customer's interactions in {@code range}, oldest first, if the caller may read the
   * customer (non-personal scope).
   *
   * @throws CustomerNotFoundException if there is no such customer
   * @throws AccessDeniedException if the caller may not read it
   */
  public List<Interaction> interactions(CustomerId customerId, TimeRange range) {
    Caller caller = caller();
    return inTransaction(() -> {
      requireActivityRead(caller, customerId);
      return crm.interactions(customerId, range);
    });
  }

  /**
   * Every customer matching {@code criteria}, lazily, in id order, for taking out of the system:
   * each clear in the categories the caller may also READ_CLEAR for it, masked in the others. The
   * {@code EXPORT} entry (the query's shape and the number of customers matching when the export
   * starts) is written before the stream is returned, so an export is on record even if its
   * consumer fails. Close the stream.
   *
   * @throws AccessDeniedException if the caller may not EXPORT every scope whatever the customer
   *     (from the stream: if the policy refuses one customer)
   */
  public Stream<Customer> export(Criteria criteria) {
    Require.notNull(criteria, "criteria");
    Caller caller = caller();
    for (FieldScope scope : everyScope()) {
      require(caller, FieldAction.EXPORT, scope, Optional.empty(), Optional.empty());
    }
    inTransaction(() -> {
      long count = crm.count(criteria);
      audit(caller, AuditAction.EXPORT, null, AuditTargets.fitted("export " + count + " customers: "
          + CriteriaDescription.of(criteria)));
      return count;
    });
    return crm.stream(criteria).map(c -> Visibility.decide(policy, caller, FieldAction.EXPORT, c, catalogued).show(masker, c));
  }

  /**
   * Merges {@code absorbed} into {@code survivor} with the configured {@link Merger}: needs WRITE on
   * every scope of every customer merged (a merge rewrites them all). One {@code MERGE} entry per
   * customer merged names the merge.
   *
   * @return the merge's id and the golden record as the caller may see it
   * @throws IllegalStateException if the facade was built without a merger
   * @throws AccessDeniedException if the caller may not write one of them; nothing is merged
   * @throws CustomerNotFoundException and the other exceptions of {@link Merger#merge}
   */
  public Merged merge(CustomerId survivor, Collection<CustomerId> absorbed) {
    Require.notNull(survivor, "survivor");
    Require.notNull(absorbed, "absorbed");
    Require.state(merger != null, "this ProtectedCrm was built without a merger; set Builder.merger(...)");
    Caller caller = caller();
    List<CustomerId> merged = new ArrayList<>();
    merged.add(survivor);
    merged.addAll(absorbed);
    return inTransaction(() -> {
      for (CustomerId id : merged) {
        Customer customer = crm.get(id);
        for (FieldScope scope : everyScope()) {
          require(caller, FieldAction.WRITE, scope, Optional.of(customer), Optional.of(id));
        }
      }
      Merger.Result result = merger.merge(survivor, absorbed, caller.actor());
      UUID mergeId = result.merge().id();
      for (CustomerId id : merged) {
        audit(caller, AuditAction.MERGE, id, "merge:" + mergeId + " into " + survivor);
      }
      return new Merged(mergeId, shown(caller, result.golden()));
    });
  }

  /**
   * Erases the customer (and every customer merged with it) with the configured {@link Eraser}, in
   * one transaction: the right to erasure. Needs ERASE on every scope (not only the personal
   * categories: erasure also coarsens activities and drops history reasons) for the customer as
   * stored, or, if it is not stored any more (an absorbed record), whatever the customer. The
   * eraser audits the erasure (with {@code reason}) and withdraws every granted consent.
   *
   * @param reason the legal ground, for the audit log; never the person's data
   * @return what the eraser changed
   * @throws AccessDeniedException if the caller may not erase it, or the facade was built without
   *     an eraser (for every caller: erasure is not offered); nothing is changed
   * @throws IllegalArgumentException if the reason is blank or too long for an audit entry
   */
  public Eraser.Result erase(CustomerId customerId, String reason) {
    Require.notNull(customerId, "customerId");
    Require.notBlank(reason, "reason");
    Caller caller = caller();
    return inTransaction(() -> {
      Optional<Customer> stored = crm.find(customerId);
      for (FieldScope scope : everyScope()) {
        require(caller, FieldAction.ERASE, scope, stored, Optional.of(customerId));
      }
      if (eraser == null) {
        throw new AccessDeniedException(caller.actor(), FieldAction.ERASE, FieldScope.NON_PERSONAL,
            Optional.of(customerId), "this ProtectedCrm was built without an eraser (Builder.eraser)");
      }
      return eraser.erase(customerId, caller.actor(), reason);
    });
  }

  /**
   * Writes everything held about the customer as one JSON document with the configured {@link
   * CustomerExporter} (the caller's access or portability request): needs EXPORT on every scope and
   * READ_CLEAR on every category, since the document is the data in clear. The exporter records one
   * {@code EXPORT} entry (the caller's actor and purpose) before writing; it is not part of a
   * transaction, so an export that fails half way stays on record.
   *
   * @param out where the document goes (UTF-8; flushed, not closed)
   * @return what was written
   * @throws AccessDeniedException if the caller may not; nothing is written or audited
   * @throws CustomerNotFoundException if there is no such customer
   * @throws UncheckedIOException if writing fails (the audit entry stays)
   */
  public CustomerExporter.Receipt exportCustomerData(CustomerId customerId, OutputStream out) {
    Require.notNull(customerId, "customerId");
    Require.notNull(out, "out");
    Caller caller = caller();
    Customer stored = crm.get(customerId);
    for (FieldScope scope : everyScope()) {
      require(caller, FieldAction.EXPORT, scope, Optional.of(stored), Optional.of(customerId));
    }
    for (FieldScope scope : everyScope()) {
      if (scope.isPersonal()) {
        require(caller, FieldAction.READ_CLEAR, scope, Optional.of(stored), Optional.of(customerId));
      }
    }
    return exporter.export(customerId, caller.actor(), caller.purpose(), out);
  }

  /** The facade this one protects, for what it does not wrap; using it bypasses every check. */
  public Crm unprotected() {
    return crm;
  }

  /**
   * A merge done through the facade.
   *
   * @param mergeId the merge, for {@code Merger.unmerge} and the lineage
   * @param golden the golden record as stored, as the caller may see it
   */
  public record Merged(UUID mergeId, Customer golden) {
    public Merged {
      Objects.requireNonNull(mergeId, "mergeId");
      Objects.requireNonNull(golden, "golden");
    }
  }

  private Caller caller() {
    Caller caller = callers.current();
    Require.state(caller != null, "the CallerContext answered no caller; it must name who is calling, or throw");
    return caller;
  }

  private Customer shown(Caller caller, Customer customer) {
    Visibility visibility = Visibility.decide(policy, caller, FieldAction.READ_MASKED, customer, catalogued);
    Set<PersonalDataCategory> clearHeld = EnumSet.noneOf(PersonalDataCategory.class);
    clearHeld.addAll(PersonalParts.categoriesHeld(customer, catalogue));
    clearHeld.retainAll(visibility.clear());
    if (!clearHeld.isEmpty()) {
      audit(caller, AuditAction.CLEAR_TEXT_READ, customer.id(), AuditTargets.listing("clear:", clearHeld));
    }
    return visibility.show(masker, customer);
  }

  private List<Customer> shownAll(Caller caller, List<Customer> customers) {
    List<Customer> shown = new ArrayList<>(customers.size());
    for (Customer customer : customers) {
      shown.add(shown(caller, customer));
    }
    return shown;
  }

  private void requireActivityRead(Caller caller, CustomerId customerId) {
    Customer customer = crm.get(customerId);
    require(caller, FieldAction.READ_MASKED, FieldScope.NON_PERSONAL, Optional.of(customer), Optional.of(customerId));
  }

  /** Checks WRITE on the non-personal scope and on the scope of each of {@code fields}. */
  private void requireWrite(Caller caller, Set<PersonalField> fields, CustomerDetails subject,
      Optional<CustomerId> id) {
    Set<FieldScope> scopes = new LinkedHashSet<>();
    scopes.add(FieldScope.NON_PERSONAL);
    for (PersonalField field : fields) {
      scopes.add(PersonalParts.scopeOf(field, catalogue));
    }
    for (FieldScope scope : scopes) {
      require(caller, FieldAction.WRITE, scope, Optional.of(subject), id);
    }
  }

  private void require(Caller caller, FieldAction action, FieldScope scope, Optional<? extends CustomerDetails> subject,
      Optional<CustomerId> id) {
    if (!policy.permits(caller, action, scope, subject)) {
      throw new AccessDeniedException(caller.actor(), action, scope, id);
    }
  }

  /** The non-personal scope and the scope of every category the catalogue uses. */
  private List<FieldScope> everyScope() {
    List<FieldScope> scopes = new ArrayList<>();
    scopes.add(FieldScope.NON_PERSONAL);
    catalogued.forEach(category -> scopes.add(FieldScope.of(category)));
    return scopes;
  }

  private void audit(Caller caller, AuditAction action, CustomerId customer, String target) {
    privacy.auditLog().append(new AuditEntry(caller.actor(), action, Optional.ofNullable(customer), target,
        crm.clock().instant(), caller.purpose()));
  }

  private <T> T inTransaction(Supplier<T> work) {
    CrmStore store = crm.store();
    return store.transactions().inTransaction(work);
  }

  /** Builds a {@link ProtectedCrm}. */
  public static final class Builder {
    private Crm crm;
    private PrivacyStore privacy;
    private PersonalDataCatalogue catalogue = PersonalDataCatalogue.defaults();
    private MaskingPolicy maskingPolicy = MaskingPolicy.defaults();
    private AccessPolicy policy = RoleBasedAccessPolicy.defaults();
    private CallerContext callers;
    private Merger merger;
    private Eraser eraser;
    private CustomerExporter exporter;

    private Builder() {}

    /** The facade to protect. */
    public Builder crm(Crm crm) {
      this.crm = Objects.requireNonNull(crm, "crm");
      return this;
    }

    /** The privacy ports attached to the crm's store, where audit entries go. */
    public Builder privacy(PrivacyStore privacy) {
      this.privacy = Objects.requireNonNull(privacy, "privacy");
      return this;
    }

    /** What is personal and of which category; {@link PersonalDataCatalogue#defaults()} unless set. */
    public Builder catalogue(PersonalDataCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /** How values are masked; {@link MaskingPolicy#defaults()} unless set. */
    public Builder maskingPolicy(MaskingPolicy maskingPolicy) {
      this.maskingPolicy = Objects.requireNonNull(maskingPolicy, "maskingPolicy");
      return this;
    }

    /** Who may do what; {@link RoleBasedAccessPolicy#defaults()} unless set. */
    public Builder accessPolicy(AccessPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The host's security context, asked on every call. */
    public Builder callers(CallerContext callers) {
      this.callers = Objects.requireNonNull(callers, "callers");
      return this;
    }

    /**
     * The merger {@link #merge} delegates to, built on the dedup store of the same base store (so a
     * merge and its audit entries are one transaction); no merges unless set.
     */
    public Builder merger(Merger merger) {
      this.merger = Objects.requireNonNull(merger, "merger");
      return this;
    }

    /**
     * The eraser {@link #erase} delegates to, built on the privacy store of the crm's store with
     * every extension the host attached (a port not given to it is not erased); no erasure
     * through the facade unless set.
     */
    public Builder eraser(Eraser eraser) {
      this.eraser = Objects.requireNonNull(eraser, "eraser");
      return this;
    }

    /**
     * The exporter {@link #exportCustomerData} delegates to, built on the privacy store of the
     * crm's store with the stores the host wants exported; unless set, one over the base store,
     * the consent ledger and the audit log only (its document lists the sections it holds).
     */
    public Builder exporter(CustomerExporter exporter) {
      this.exporter = Objects.requireNonNull(exporter, "exporter");
      return this;
    }

    /**
     * @throws NullPointerException if the crm, privacy store or caller context is missing
     * @throws IllegalArgumentException if the privacy store, eraser or exporter works on another
     *     store than the crm's
     */
    public ProtectedCrm build() {
      return new ProtectedCrm(this);
    }
  }
}
