package io.crmkit.io.export;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.privacy.anonymise.Hierarchies;
import io.crmkit.privacy.anonymise.Hierarchy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The customer facts an anonymised export may keep, generalised, because others could link a row to
 * a person by them; each comes with its hierarchy (top level {@code *}). Direct identifiers (id,
 * names, contact points, identifiers, references, street) are never part of an anonymised export.
 */
public enum QuasiIdentifier {
  /**
   * The GB/T 2260 region code: the {@code region} dimension code, or the first address's region
   * code; district, prefecture, province, {@code *} ({@link Hierarchies#regionCodes()}).
   */
  REGION("region_code", QuasiIdentifier::regionCode,
      new OpenHierarchy(Hierarchies.regionCodes(), v -> v.matches("[0-9]{6}"))),

  /** The year of birth, in bands of 5, 10 and 20 years ({@code 1980-1984}), then {@code *}. */
  BIRTH_YEAR("birth_year", c -> c.birthDate().map(d -> Integer.toString(d.getYear())).orElse(""),
      new OpenHierarchy(Hierarchies.ageBands(5, 10, 20), v -> v.matches("[0-9]{1,4}"))),

  /** Gender as stated, then {@code *}. */
  GENDER("gender", c -> c.gender().map(Enum::name).orElse(""), new OpenHierarchy(genders(), v -> true)),

  /**
   * The first address's postcode with one more trailing character hidden per level
   * ({@code 100020}, {@code 10002*}, ... {@code ******}), then {@code *}.
   */
  POSTCODE("postcode", c -> c.addresses().stream().findFirst().flatMap(PostalAddress::postcode).orElse(""),
      new OpenHierarchy(new PostcodePrefixes(6), v -> true));

  private final String column;
  private final Function<Customer, String> value;
  private final Hierarchy hierarchy;

  QuasiIdentifier(String column, Function<Customer, String> value, Hierarchy hierarchy) {
    this.column = column;
    this.value = value;
    this.hierarchy = hierarchy;
  }

  /** The column's name in an anonymised export. */
  public String column() {
    return column;
  }

  /** The value of a customer as recorded (level 0); empty when unknown. */
  public String valueOf(Customer customer) {
    return value.apply(customer);
  }

  /** How the values generalise; takes any value, an empty one included. */
  public Hierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * The quasi-identifier a name stands for: its constant or its column, any case, {@code -} for
   * {@code _} ({@code region}, {@code birth-year}, {@code region_code}).
   *
   * @throws IllegalArgumentException naming the choices if there is none
   */
  public static QuasiIdentifier named(String name) {
    String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (QuasiIdentifier candidate : values()) {
      if (candidate.name().equals(key) || candidate.column.toUpperCase(Locale.ROOT).equals(key)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no quasi-identifier " + name + "; choose from "
        + Arrays.stream(values()).map(q -> q.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .collect(Collectors.joining(", ")));
  }

  private static String regionCode(Customer customer) {
    String code = customer.dimensionCodes().get("region");
    if (code != null) {
      return code;
    }
    return customer.addresses().stream().findFirst().flatMap(PostalAddress::regionCode).orElse("");
  }

  private static Hierarchy genders() {
    return Hierarchy.of(Arrays.stream(Gender.values())
        .collect(Collectors.toMap(Gender::name, g -> List.of(g.name(), Hierarchies.ANY))));
  }

  /** Trailing characters hidden one per level, up to {@code levels}; values of any length. */
  private record PostcodePrefixes(int levels) implements Hierarchy {
    @Override
    public int height() {
      return levels + 2;
    }

    @Override
    public String generalise(String value, int level) {
      int hidden = Math.min(level, value.length());
      return value.substring(0, value.length() - hidden) + Hierarchies.ANY.repeat(hidden);
    }
  }

  static Map<String, Hierarchy> hierarchies(List<QuasiIdentifier> chosen) {
    return chosen.stream().collect(Collectors.toMap(QuasiIdentifier::column, QuasiIdentifier::hierarchy,
        (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
