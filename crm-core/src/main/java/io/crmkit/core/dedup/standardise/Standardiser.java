package io.crmkit.core.dedup.standardise;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a record as its source wrote it into one that compares like with like, the first step of
 * record linkage: text folded (NFKC, half-width, lower case, single spaces), person names split
 * into family and given name (Chinese compound surnames, Western particles), organisation names
 * without legal form and with their branch apart, phones in E.164, e-mails with a lower-case
 * domain, Chinese addresses resolved to GB/T 2260 division codes, identifiers without separators.
 *
 * <p>Garbage in yields warnings in {@link MatchRecord#warnings()} and a usable record, never an
 * exception: only a null input or a blank id is a programming error. A standardiser is immutable
 * and thread-safe; one instance serves a whole run, on as many threads as the caller likes. It is
 * a pure function of the input and its configuration: the same input gives the same record.
 *
 * <pre>{@code
 * Standardiser standardiser = Standardiser.withDefaultRegion("CN");
 * MatchRecord record = standardiser.standardise(new MatchInput.Builder().id("r1")
 *     .fullName("欧阳娜娜").addPhone("138-1234-5678").region("广西").build());
 * // familyName 欧阳, givenName 娜娜, phones [+8613812345678], regionCode 450000
 * }</pre>
 */
public final class Standardiser {
  /** The region a phone number without country code is read in, unless configured: mainland China. */
  public static final String DEFAULT_REGION = "CN";
  /** The longest standardised value unless configured, in code points; longer values are cut with a warning. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 200;
  private static final int MIN_FIELD_LENGTH = 16;
  private static final int MAX_FIELD_LENGTH = 10_000;
  private static final Predicate<String> IS_PLACE = name -> RegionGazetteer.instance().isPlaceName(name);

  private final String defaultRegion;
  private final int maxFieldLength;
  private final Phones phones;

  private Standardiser(Builder builder) {
    this.defaultRegion = builder.defaultRegion;
    this.maxFieldLength = builder.maxFieldLength;
    this.phones = new Phones(defaultRegion);
  }

  /** A standardiser with the defaults: phones read in {@value #DEFAULT_REGION}. */
  public static Standardiser defaults() {
    return builder().build();
  }

  /**
   * A standardiser that reads phone numbers without country code in {@code region}.
   *
   * @param region an ISO 3166-1 alpha-2 region libphonenumber knows, for example {@code CN} or {@code AU}
   * @throws NullPointerException if {@code region} is null
   * @throws IllegalArgumentException if libphonenumber does not know the region
   */
  public static Standardiser withDefaultRegion(String region) {
    return builder().defaultRegion(region).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The region phone numbers without country code are read in. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** The longest standardised text value, in code points. */
  public int maxFieldLength() {
    return maxFieldLength;
  }

  /**
   * The record standardised. Values that cannot be standardised (an invalid phone, an implausible
   * e-mail, a blank name) are left out and a warning names them; the input's own warnings come
   * first.
   *
   * @throws NullPointerException if {@code input} is null
   * @throws IllegalArgumentException if its id is blank
   */
  public MatchRecord standardise(MatchInput input) {
    Require.notNull(input, "input");
    Require.notBlank(input.id(), "input id");
    List<String> warnings = new ArrayList<>(input.warnings());
    MatchRecord.Builder record = new MatchRecord.Builder().id(input.id());
    fold(input.source(), "source", warnings).ifPresent(record::source);
    String legalName = fold(input.legalName(), "legalName", warnings).orElse("");
    String fullName = fold(input.fullName(), "fullName", warnings).orElse("");
    String familyName = fold(input.familyName(), "familyName", warnings).orElse("");
    String givenName = fold(input.givenName(), "givenName", warnings).orElse("");
    CustomerKind kind = input.kind().orElseGet(() -> inferKind(legalName, fullName));
    record.kind(kind);
    if (kind == CustomerKind.ORGANISATION) {
      organisationName(legalName, fullName, familyName, givenName, record, warnings);
    } else {
      personName(legalName, fullName, familyName, givenName, record, warnings);
    }
    input.birthDate().ifPresent(record::birthDate);
    input.identifier().map(raw -> Identifiers.standardise(raw, kind, warnings)).filter(id -> !id.isEmpty())
        .ifPresent(record::identifier);
    Set<String> phoneNumbers = new LinkedHashSet<>();
    phones.standardise(input.phones(), phoneNumbers, warnings);
    Set<String> emails = new LinkedHashSet<>();
    Emails.standardise(input.emails(), emails, warnings);
    record.phones(phoneNumbers).emails(emails);
    address(input, record, warnings);
    return record.warnings(warnings).build();
  }

  /** A legal name, or a name with a legal form or an institution word, is an organisation's. */
  private static CustomerKind inferKind(String legalName, String fullName) {
    return !legalName.isEmpty() || OrganisationNames.looksLikeOrganisation(fullName)
        ? CustomerKind.ORGANISATION : CustomerKind.PERSON;
  }

  private static void organisationName(String legalName, String fullName, String familyName, String givenName,
      MatchRecord.Builder record, List<String> warnings) {
    String name = !legalName.isEmpty() ? legalName
        : !fullName.isEmpty() ? fullName : (familyName + " " + givenName).strip();
    if (name.isEmpty()) {
      warnings.add("name: an organisation without a name");
      return;
    }
    OrganisationNames.Parts parts = OrganisationNames.standardise(name, IS_PLACE);
    if (parts.name().isEmpty()) {
      warnings.add("name: no letters or digits in the organisation name '" + Phones.shown(name) + "'");
    } else {
      record.organisationName(parts.name());
    }
    if (!parts.branch().isEmpty()) {
      record.branch(parts.branch());
    }
  }

  private static void personName(String legalName, String fullName, String familyName, String givenName,
      MatchRecord.Builder record, List<String> warnings) {
    NameSplitter.Parts parts;
    if (!familyName.isEmpty() || !givenName.isEmpty()) {
      parts = new NameSplitter.Parts(NameSplitter.family(familyName), NameSplitter.given(givenName));
    } else if (!fullName.isEmpty() || !legalName.isEmpty()) {
      parts = NameSplitter.split(fullName.isEmpty() ? legalName : fullName);
    } else {
      warnings.add("name: a person without a name");
      return;
    }
    if (parts.family().isEmpty() && parts.given().isEmpty()) {
      warnings.add("name: no letters in the person's name");
    }
    if (!parts.family().isEmpty()) {
      record.familyName(parts.family());
    }
    if (!parts.given().isEmpty()) {
      record.givenName(parts.given());
    }
  }

  private void address(MatchInput input, MatchRecord.Builder record, List<String> warnings) {
    boolean any = input.addressLine().isPresent() || input.region().isPresent() || input.city().isPresent()
        || input.district().isPresent() || input.street().isPresent() || input.postcode().isPresent();
    if (!any) {
      return;
    }
    Addresses.Parts parts = Addresses.standardise(input, RegionGazetteer::instance, maxFieldLength, warnings);
    present(parts.regionCode()).ifPresent(record::regionCode);
    present(parts.region()).ifPresent(record::region);
    present(parts.locality()).ifPresent(record::locality);
    present(parts.street()).ifPresent(record::street);
    present(parts.postcode()).ifPresent(record::postcode);
  }

  private Optional<String> fold(Optional<String> value, String field, List<String> warnings) {
    if (value.isEmpty()) {
      return value;
    }
    String folded = TextFolding.fold(value.get(), field, maxFieldLength, warnings);
    if (folded.isEmpty()) {
      warnings.add(field + ": blank, ignored");
    }
    return present(folded);
  }

  private static Optional<String> present(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "Standardiser[defaultRegion=" + defaultRegion + ", maxFieldLength=" + maxFieldLength + "]";
  }

  /** Configures a {@link Standardiser}; every setting has a default. Not thread-safe, unlike what it builds. */
  public static final class Builder {
    private String defaultRegion = DEFAULT_REGION;
    private int maxFieldLength = DEFAULT_MAX_FIELD_LENGTH;

    private Builder() {}

    /**
     * The region phone numbers without country code are read in; {@value #DEFAULT_REGION} unless set.
     *
     * @throws NullPointerException if {@code region} is null
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public Builder defaultRegion(String region) {
      Require.notNull(region, "region");
      String upper = region.strip().toUpperCase(Locale.ROOT);
      Require.argument(PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper),
          "region must be an ISO 3166-1 alpha-2 region libphonenumber knows, got '%s'", region);
      this.defaultRegion = upper;
      return this;
    }

    /**
     * The longest standardised text value, in code points; {@value #DEFAULT_MAX_FIELD_LENGTH} unless set.
     *
     * @throws IllegalArgumentException if it is outside 16..10000
     */
    public Builder maxFieldLength(int length) {
      Require.inRange(length, MIN_FIELD_LENGTH, MAX_FIELD_LENGTH, "maxFieldLength");
      this.maxFieldLength = length;
      return this;
    }

    public Standardiser build() {
      return new Standardiser(this);
    }
  }
}
