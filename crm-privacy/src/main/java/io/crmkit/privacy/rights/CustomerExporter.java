package io.crmkit.privacy.rights;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Access and portability: writes everything a store holds about one customer as one JSON document
 * (UTF-8), streamed section by section, and records the export as an {@link AuditAction#EXPORT}
 * entry. The layout, schema {@value #SCHEMA} version {@value #VERSION}:
 *
 * <pre>{@code
 * { "schema": "crmkit.customer-export", "version": 1,
 *   "exportedAt": "2026-12-01T10:00:00Z", "customerId": "0190...",
 *   "sections": ["profile", "needs", ...],          // what follows, in order
 *   "profile": { the customer as crm-core's CrmJson writes it },
 *   "needs": [...], "dimensionCodes": {...}, "purchases": [...], "interactions": [...],
 *   "lifecycleHistory": [...], "churnSignal": {...} | null, "metrics": [...], "segments": [...],
 *   "mergeLineage": [...], "matchReviews": [...],   // each only if its store was given
 *   "consent": { "asOf": ..., "history": [...], "current": [...] },   // the privacy store's ledger
 *   ...host sections...,
 *   "auditEntries": [...] }                          // last: includes this export's entry
 * }</pre>
 *
 * A section missing from {@code sections} was not configured (its store was not given); an empty
 * array means the store holds nothing about the customer. Readers must ignore fields they do not
 * know: a new section is not a new version; a changed meaning or shape of a field is.
 *
 * <p>The audit entry is appended before the first byte is written, so an export that fails half
 * way is recorded too: what may have left the system is in the log. Thread-safe.
 */
public final class CustomerExporter {
  /** The document's {@code schema} value. */
  public static final String SCHEMA = "crmkit.customer-export";
  /** The document's {@code version} value; raised when a field changes its meaning or shape. */
  public static final int VERSION = 1;
  /** The audit target an export records. */
  public static final String AUDIT_TARGET = "export:customer-data v" + VERSION;
  private static final Set<String> HEADER = Set.of("schema", "version", "exportedAt", "customerId", "sections");
  private static final Pattern SECTION_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  private final CrmStore base;
  private final PrivacyStore privacy;
  private final List<ExportSection> sections;
  private final Clock clock;
  private final ObjectMapper mapper;

  private CustomerExporter(Builder builder) {
    this.base = builder.privacy.base();
    this.privacy = builder.privacy;
    this.clock = builder.clock;
    this.mapper = CrmJson.newMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    List<ExportSection> all = new ArrayList<>();
    all.add(ExportSections.needs());
    all.add(ExportSections.dimensionCodes());
    all.add(ExportSections.purchases(base.purchases()));
    all.add(ExportSections.interactions(base.interactions()));
    builder.lifecycle.ifPresent(l -> {
      all.add(ExportSections.lifecycleHistory(l.lifecycleHistory()));
      all.add(ExportSections.churnSignal(l.churnSignals(), clock));
    });
    builder.metrics.ifPresent(m -> all.add(ExportSections.metrics(m.customerMetrics())));
    builder.segments.ifPresent(s -> all.add(ExportSections.segments(base.customers(), s)));
    builder.dedup.ifPresent(d -> {
      all.add(ExportSections.mergeLineage(d.mergeLineage()));
      all.add(ExportSections.matchReviews(d.reviewQueue(), Optional.of(d.mergeLineage())));
    });
    all.add(ExportSections.consent(privacy.consents(), clock));
    all.addAll(builder.extra);
    all.add(ExportSections.auditEntries(privacy.auditLog()));
    Set<String> names = new HashSet<>(HEADER);
    names.add("profile");
    for (ExportSection section : all) {
      Require.argument(names.add(section.name()), "section name %s is used twice or by the header", section.name());
    }
    this.sections = List.copyOf(all);
  }

  /**
   * A builder over {@code privacy} (its base store gives the customer and activities, its audit
   * log receives the export's entry).
   *
   * @throws NullPointerException if {@code privacy} is null
   */
  public static Builder builder(PrivacyStore privacy) {
    return new Builder(privacy);
  }

  /**
   * The privacy store this exporter reads from (its base store) and audits to, so that a facade
   * handing requests to it can check that both work on the same store.
   */
  public PrivacyStore privacy() {
    return privacy;
  }

  /** The sections after {@code profile}, in document order. */
  public List<String> sectionNames() {
    return sections.stream().map(ExportSection::name).toList();
  }

  /**
   * Writes the export of {@code customer} to {@code out} (UTF-8; flushed, not closed) and records
   * it in the audit log.
   *
   * @param actor who asked for the export, as the audit log names actors
   * @param reason why: the request or ticket it answers
   * @return what was written
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the actor or reason is blank or too long for an audit entry
   * @throws CustomerNotFoundException if there is no such customer (nothing is recorded)
   * @throws UncheckedIOException if writing to {@code out} fails (the audit entry stays)
   */
  public Receipt export(CustomerId customer, String actor, String reason, OutputStream out) {
    Require.notNull(customer, "customer");
    Require.notNull(out, "out");
    Instant now = clock.instant();
    AuditEntry entry = AuditEntry.about(customer, actor, AuditAction.EXPORT, AUDIT_TARGET, now, reason);
    Customer stored = base.customers().findById(customer).orElseThrow(() -> new CustomerNotFoundException(customer));
    AuditRecord recorded = privacy.auditLog().append(entry);
    try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("schema", SCHEMA);
      json.writeNumberField("version", VERSION);
      json.writeFieldName("exportedAt");
      mapper.writeValue(json, now);
      json.writeStringField("customerId", customer.toString());
      json.writeArrayFieldStart("sections");
      json.writeString("profile");
      for (ExportSection section : sections) {
        json.writeString(section.name());
      }
      json.writeEndArray();
      json.writeFieldName("profile");
      mapper.writeValue(json, stored);
      for (ExportSection section : sections) {
        json.writeFieldName(section.name());
        section.write(stored, json, mapper);
      }
      json.writeEndObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the export of customer " + customer, e);
    }
    List<String> written = new ArrayList<>();
    written.add("profile");
    written.addAll(sectionNames());
    return new Receipt(customer, now, written, recorded.sequence());
  }

  /**
   * What an export wrote.
   *
   * @param customer whose data
   * @param exportedAt the document's {@code exportedAt}
   * @param sections the sections written, in order
   * @param auditSequence the sequence of the export's audit record
   */
  public record Receipt(CustomerId customer, Instant exportedAt, List<String> sections, long auditSequence) {
    /** @throws NullPointerException if an argument is null */
    public Receipt {
      Require.notNull(customer, "customer");
      Require.notNull(exportedAt, "exportedAt");
      sections = List.copyOf(sections);
    }
  }

  /** Configures which stores an export reads beyond the base store and the audit log. */
  public static final class Builder {
    private final PrivacyStore privacy;
    private Optional<LifecycleStore> lifecycle = Optional.empty();
    private Optional<DedupStore> dedup = Optional.empty();
    private Optional<MetricStore> metrics = Optional.empty();
    private Optional<Supplier<? extends Map<String, Criteria>>> segments = Optional.empty();
    private final List<ExportSection> extra = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder(PrivacyStore privacy) {
      this.privacy = Require.notNull(privacy, "privacy");
    }

    /** Adds {@code lifecycleHistory} and {@code churnSignal}. */
    public Builder lifecycle(LifecycleStore store) {
      this.lifecycle = Optional.of(Require.notNull(store, "store"));
      return this;
    }

    /** Adds {@code mergeLineage} and {@code matchReviews}. */
    public Builder dedup(DedupStore store) {
      this.dedup = Optional.of(Require.notNull(store, "store"));
      return this;
    }

    /** Adds {@code metrics}. */
    public Builder metrics(MetricStore store) {
      this.metrics = Optional.of(Require.notNull(store, "store"));
      return this;
    }

    /**
     * Adds {@code segments}: the named segments (name to criteria, read at each export) the
     * customer belongs to; see {@link ExportSections#segments}.
     */
    public Builder segments(Supplier<? extends Map<String, Criteria>> definitions) {
      this.segments = Optional.of(Require.notNull(definitions, "definitions"));
      return this;
    }

    /**
     * Adds a section of the host's or another module's port, written after crmkit's and before
     * {@code auditEntries}, in the order added.
     *
     * @throws IllegalArgumentException if its name is not lower camel case (letters and digits,
     *     at most 64)
     */
    public Builder section(ExportSection section) {
      Require.notNull(section, "section");
      String name = Require.notNull(section.name(), "section name");
      Require.argument(SECTION_NAME.matcher(name).matches(),
          "a section name is lower camel case, letters and digits, at most 64, got '%s'", name);
      extra.add(section);
      return this;
    }

    /** The clock of {@code exportedAt}, the audit entry and the churn signal's as-of (default: UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Require.notNull(clock, "clock");
      return this;
    }

    /**
     * @throws IllegalArgumentException if two sections share a name
     */
    public CustomerExporter build() {
      return new CustomerExporter(this);
    }
  }
}
