package io.crmkit.core.quality;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.store.CrmStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Measures the quality of customer data in one pass over a stream of customers, in constant memory
 * apart from the bounded uniqueness keys, and reports it as a {@link QualityReport}.
 *
 * <pre>{@code
 * QualityReport report = DataQuality.builder().clock(crm.clock())
 *     .scheme("region", BuiltInSchemes.gbt2260()).build()
 *     .measure(crm.store());   // or measure(anyStreamOfCustomers)
 * String json = CrmJson.newMapper().writeValueAsString(report);
 * }</pre>
 *
 * <h2>What is measured</h2>
 * <ul>
 *   <li><b>Completeness</b>, per field: {@code name} (a person's name, an organisation's legal
 *       name), {@code phone}, {@code email}, {@code address}, {@code regionCode} (an address with a
 *       region code), {@code identifier} (a person's or an organisation's), {@code birthDate} and
 *       {@code gender} (persons only), {@code owner}, {@code tier}, {@code externalReference}, and
 *       {@code dimension:<name>} for each dimension configured or seen (at most
 *       {@value #MAX_DIMENSIONS} names; further names are not counted).</li>
 *   <li><b>Validity</b>, per rule, counting customers: {@code phone-e164} (libphonenumber via
 *       {@code PhoneNumbers.isValidE164}), {@code email-plausible}, {@code uscc-check} (GB 32100
 *       check character), {@code resident-id-check} (GB 11643, birth date not after the clock),
 *       {@code address-region-code} (a Chinese address's region code in force in GB/T 2260), and
 *       {@code dimension-code:<name>} for each configured scheme (a code the scheme does not
 *       accept as in force: malformed, bad check character, unknown or retired).</li>
 *   <li><b>Uniqueness</b> by exact keys of the dedup standardiser (first phone, first e-mail,
 *       identifier): see {@link QualityReport.KeyUniqueness} and, for the memory bound and the
 *       error of the estimate, {@link Builder#maxKeysPerKind}.</li>
 *   <li><b>Freshness</b>: days since {@code updatedAt} and, with {@link LastContacts}, since the
 *       last purchase or interaction, as nearest-rank percentiles and bands.</li>
 *   <li><b>Consistency</b>, per rule: {@code region-code-vs-address} (see the standardiser's
 *       gazetteer), {@code person-with-organisation-identifier},
 *       {@code organisation-with-person-identifier}, {@code birth-date-in-future},
 *       {@code birth-date-vs-resident-id} (the birth date a valid resident identity number encodes),
 *       {@code timestamp-in-future} (created or updated after the report's instant).</li>
 * </ul>
 *
 * <h2>Scores (0-100, one decimal)</h2>
 * <ul>
 *   <li>completeness: 100 × the mean share over the fields that applied to someone;</li>
 *   <li>validity and consistency: 100 × (1 − Σ failed / Σ checked) over their rules;</li>
 *   <li>uniqueness: 100 × (1 − estimated duplicate rate);</li>
 *   <li>freshness: 100 × the share of customers updated within the horizon (default 365 days);
 *       with last contacts, the mean of that and the share contacted within it;</li>
 *   <li>overall: the mean of the five.</li>
 * </ul>
 * A measure with nothing to look at (no customers, no value a rule applies to) scores 100.
 *
 * <p>An instance is immutable and may measure many times, on several threads; a measurement reads
 * {@code asOf} from the clock once, when it starts.
 */
public final class DataQuality {
  /** Failing customers named per rule, at most. */
  public static final int MAX_EXAMPLES = 5;
  /** Ages are counted per day up to 100 years; older ones count as this. */
  public static final int MAX_AGE_DAYS = 36_525;
  /** Dimension names counted for completeness, at most. */
  public static final int MAX_DIMENSIONS = 64;
  /** Distinct keys kept per key kind unless configured: exact up to this, sampled beyond. */
  public static final int DEFAULT_MAX_KEYS_PER_KIND = 1 << 18;
  /** Customers whose last contacts are read together. */
  static final int CONTACT_CHUNK = 500;

  private final Clock clock;
  private final Standardiser standardiser;
  private final Map<String, DimensionScheme> schemes;
  private final Set<String> dimensions;
  private final Optional<LastContacts> lastContacts;
  private final Duration freshnessHorizon;
  private final int maxKeysPerKind;

  private DataQuality(Builder builder) {
    this.clock = builder.clock;
    this.standardiser = builder.standardiser;
    this.schemes = Collections.unmodifiableMap(new TreeMap<>(builder.schemes));
    this.dimensions = Collections.unmodifiableSet(new TreeSet<>(builder.dimensions));
    this.lastContacts = Optional.ofNullable(builder.lastContacts);
    this.freshnessHorizon = builder.freshnessHorizon;
    this.maxKeysPerKind = builder.maxKeysPerKind;
  }

  /** A builder with the defaults, to set the clock, schemes and activity source of a measurement. */
  public static Builder builder() {
    return new Builder();
  }

  /** A measurer with the defaults: system clock (UTC), no schemes, no activity. */
  public static DataQuality defaults() {
    return builder().build();
  }

  /**
   * Measures {@code customers}, reading each once. The stream is consumed but not closed: it is
   * the caller's.
   *
   * @throws NullPointerException if {@code customers} or one of its elements is null
   */
  public QualityReport measure(Stream<Customer> customers) {
    Require.notNull(customers, "customers");
    Instant asOf = clock.instant();
    Measurement measurement = new Measurement(this, asOf);
    if (lastContacts.isEmpty()) {
      customers.forEach(customer -> measurement.add(Require.notNull(customer, "customer"), Optional.empty(), false));
    } else {
      List<Customer> chunk = new ArrayList<>(CONTACT_CHUNK);
      customers.forEach(customer -> {
        chunk.add(Require.notNull(customer, "customer"));
        if (chunk.size() == CONTACT_CHUNK) {
          addWithContacts(chunk, measurement, asOf);
        }
      });
      addWithContacts(chunk, measurement, asOf);
    }
    return measurement.report();
  }

  /**
   * Measures every customer of {@code store}, with the store's purchases and interactions as last
   * contacts unless the builder was given others.
   *
   * @throws NullPointerException if {@code store} is null
   */
  public QualityReport measure(CrmStore store) {
    Require.notNull(store, "store");
    DataQuality measurer = lastContacts.isPresent() ? this
        : new Builder().from(this).lastContacts(LastContacts.of(store)).build();
    try (Stream<Customer> customers = store.customers().stream(Criteria.all())) {
      return measurer.measure(customers);
    }
  }

  private void addWithContacts(List<Customer> chunk, Measurement measurement, Instant asOf) {
    if (chunk.isEmpty()) {
      return;
    }
    List<CustomerId> ids = chunk.stream().map(Customer::id).toList();
    Map<CustomerId, Instant> last = lastContacts.orElseThrow().lastContacts(ids, asOf);
    for (Customer customer : chunk) {
      measurement.add(customer, Optional.ofNullable(last.get(customer.id())), true);
    }
    chunk.clear();
  }

  Clock clock() {
    return clock;
  }

  Standardiser standardiser() {
    return standardiser;
  }

  Map<String, DimensionScheme> schemes() {
    return schemes;
  }

  Set<String> dimensions() {
    return dimensions;
  }

  boolean hasLastContacts() {
    return lastContacts.isPresent();
  }

  Duration freshnessHorizon() {
    return freshnessHorizon;
  }

  int maxKeysPerKind() {
    return maxKeysPerKind;
  }

  @Override
  public String toString() {
    return "DataQuality[schemes=" + schemes.keySet() + ", dimensions=" + dimensions + ", lastContacts="
        + lastContacts.isPresent() + ", freshnessHorizon=" + freshnessHorizon + ", maxKeysPerKind="
        + maxKeysPerKind + "]";
  }

  /** Configures a {@link DataQuality}; every setting has a default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Standardiser standardiser = Standardiser.defaults();
    private final Map<String, DimensionScheme> schemes = new TreeMap<>();
    private final Set<String> dimensions = new TreeSet<>();
    private LastContacts lastContacts;
    private Duration freshnessHorizon = Duration.ofDays(365);
    private int maxKeysPerKind = DEFAULT_MAX_KEYS_PER_KIND;

    private Builder() {}

    private Builder from(DataQuality quality) {
      clock = quality.clock;
      standardiser = quality.standardiser;
      schemes.putAll(quality.schemes);
      dimensions.addAll(quality.dimensions);
      lastContacts = quality.lastContacts.orElse(null);
      freshnessHorizon = quality.freshnessHorizon;
      maxKeysPerKind = quality.maxKeysPerKind;
      return this;
    }

    /** The clock ages and future dates are measured against: pass the {@code Crm}'s. */
    public Builder clock(Clock clock) {
      this.clock = Require.notNull(clock, "clock");
      return this;
    }

    /** The standardiser whose keys uniqueness counts and whose gazetteer reads address text. */
    public Builder standardiser(Standardiser standardiser) {
      this.standardiser = Require.notNull(standardiser, "standardiser");
      return this;
    }

    /**
     * Checks the codes of {@code dimension} against {@code scheme} (rule
     * {@code dimension-code:<dimension>}) and counts the dimension's completeness.
     *
     * @throws IllegalArgumentException if {@code dimension} is blank
     */
    public Builder scheme(String dimension, DimensionScheme scheme) {
      Require.notBlank(dimension, "dimension");
      schemes.put(dimension, Require.notNull(scheme, "scheme"));
      dimensions.add(dimension);
      return this;
    }

    /**
     * Counts the completeness of these dimensions even where no customer has them (dimensions
     * customers have are counted anyway).
     *
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder dimensions(String... names) {
      for (String name : Require.notNull(names, "names")) {
        dimensions.add(Require.notBlank(name, "dimension"));
      }
      return this;
    }

    /** Where last contacts come from; without, freshness measures updates only. */
    public Builder lastContacts(LastContacts lastContacts) {
      this.lastContacts = Require.notNull(lastContacts, "lastContacts");
      return this;
    }

    /**
     * The age up to which a record counts as fresh for the freshness score.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public Builder freshnessHorizon(Duration horizon) {
      Require.notNull(horizon, "horizon");
      Require.argument(!horizon.isNegative(), "horizon must not be negative, got %s", horizon);
      this.freshnessHorizon = horizon;
      return this;
    }

    /**
     * The memory bound of uniqueness: distinct keys kept per key kind (phone, e-mail, identifier).
     * Up to this many distinct keys the counts are exact; beyond it they come from a hash sample
     * of about half as many keys or more, with a relative standard error of about
     * 1/√(maxKeys / 2) (0.3% at the default {@value #DEFAULT_MAX_KEYS_PER_KIND}). Each key kept
     * costs 24 to 48 bytes (a hash table kept at most half full): at most 6 MB per kind at the default.
     *
     * @throws IllegalArgumentException if {@code maxKeys} is below 16
     */
    public Builder maxKeysPerKind(int maxKeys) {
      Require.atLeast(maxKeys, 16, "maxKeys");
      this.maxKeysPerKind = maxKeys;
      return this;
    }

    /**
     * The configured measurer.
     *
     * @throws IllegalStateException if more than {@value #MAX_DIMENSIONS} dimensions were named
     */
    public DataQuality build() {
      Require.state(dimensions.size() <= MAX_DIMENSIONS, "at most %s dimensions, got %s", MAX_DIMENSIONS,
          dimensions.size());
      return new DataQuality(this);
    }
  }
}
