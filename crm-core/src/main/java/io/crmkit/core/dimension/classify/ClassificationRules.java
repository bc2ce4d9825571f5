package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.dimension.Resolution;
import io.crmkit.core.dimension.classify.ClassificationRule.Outcome;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classification rules crmkit ships. Each checks the code it derives against the rule's
 * scheme; a retired code becomes its successor when there is exactly one in force, and is
 * rejected (with the candidates named) when there are several or none.
 */
public final class ClassificationRules {

  /**
   * The default customer type per USCC prefix (registration authority, or authority and
   * organisation type, GB 32100-2015): {@code 11} organs of state → GOV, {@code 12}/{@code 19}
   * public institutions and {@code A1} military public institutions → PUB, {@code 13}, {@code 5},
   * {@code 7}, {@code 8} mass organisations, social organisations, religious bodies, trade unions
   * → NGO, {@code 91} enterprises and {@code 93} farmers' cooperatives → B2B, {@code 92}
   * individual businesses → IND.
   */
  public static final Map<String, String> USCC_TYPES = Map.of(
      "11", "GOV", "12", "PUB", "19", "PUB", "A1", "PUB", "13", "NGO",
      "5", "NGO", "7", "NGO", "8", "NGO", "91", "B2B", "93", "B2B");

  private static final Map<String, String> USCC_INDIVIDUAL = Map.of("92", "IND");
  private static final Pattern SECTION_AND_CODE = Pattern.compile("([A-Z])([0-9]{2,4})");

  private ClassificationRules() {}

  /**
   * The region from the customer's primary address (or its only address) in {@code country}:
   * the address's {@code regionCode}, checked against {@code scheme}.
   */
  public static ClassificationRule regionFromAddress(String dimension, DimensionScheme scheme, String country) {
    Objects.requireNonNull(country, "country");
    return rule(dimension, "region-from-address", scheme, customer -> {
      List<PostalAddress> addresses = customer.addresses();
      Optional<PostalAddress> address = addresses.stream().filter(PostalAddress::primary).findFirst()
          .or(() -> addresses.size() == 1 ? Optional.of(addresses.get(0)) : Optional.empty());
      if (address.isEmpty()) {
        return Outcome.notApplicable(addresses.isEmpty() ? "no address"
            : "no primary address among " + addresses.size() + " addresses");
      }
      if (!address.get().country().equals(country)) {
        return Outcome.notApplicable("the address is in " + address.get().country() + ", not " + country);
      }
      return address.get().regionCode()
          .map(code -> outcome(scheme.resolve(code.strip()), "address region code"))
          .orElseGet(() -> Outcome.notApplicable("the address has no region code"));
    });
  }

  /**
   * The region from a Unified Social Credit Code's registration region (characters 3 to 8),
   * checked against {@code scheme} (normally {@link io.crmkit.core.dimension.BuiltInSchemes#gbt2260()}).
   * An invalid USCC is rejected; it says nothing reliable.
   */
  public static ClassificationRule regionFromUscc(String dimension, DimensionScheme scheme) {
    return rule(dimension, "region-from-uscc", scheme, customer -> {
      Optional<String> uscc = uscc(customer);
      if (uscc.isEmpty()) {
        return Outcome.notApplicable("no USCC");
      }
      return UnifiedSocialCreditCode.parse(uscc.get())
          .map(code -> outcome(scheme.resolve(code.regionCode()), "USCC registration region"))
          .orElseGet(() -> Outcome.rejected("the USCC is not valid: "
              + UnifiedSocialCreditCode.validate(uscc.get()).get(0).message()));
    });
  }

  /**
   * The customer type from kind and identifiers with the default codes of {@link
   * io.crmkit.core.dimension.BuiltInSchemes#customerTypes()}: persons are B2C; organisations are
   * typed by their USCC prefix ({@link #USCC_TYPES}, and {@code 92} → IND), otherwise B2B.
   *
   * @throws IllegalArgumentException if {@code scheme} lacks one of those codes
   */
  public static ClassificationRule customerType(String dimension, DimensionScheme scheme) {
    Map<String, String> prefixes = new LinkedHashMap<>(USCC_TYPES);
    prefixes.putAll(USCC_INDIVIDUAL);
    return customerType(dimension, scheme, "B2C", "B2B", prefixes);
  }

  /**
   * The customer type from kind and identifiers: {@code personCode} for persons; for
   * organisations the code of the longest matching prefix of their USCC in {@code usccPrefixes},
   * else {@code organisationCode}.
   *
   * @throws IllegalArgumentException if a code is not in force in {@code scheme}
   */
  public static ClassificationRule customerType(String dimension, DimensionScheme scheme, String personCode,
      String organisationCode, Map<String, String> usccPrefixes) {
    Map<String, String> prefixes = Map.copyOf(usccPrefixes);
    requireInForce(scheme, personCode);
    requireInForce(scheme, organisationCode);
    prefixes.values().forEach(code -> requireInForce(scheme, code));
    int longest = prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
    return rule(dimension, "type-from-kind-and-identifiers", scheme, customer -> {
      if (customer.kind() == CustomerKind.PERSON) {
        return Outcome.assigned(personCode, "a person");
      }
      Optional<UnifiedSocialCreditCode> uscc = uscc(customer).flatMap(UnifiedSocialCreditCode::parse);
      if (uscc.isPresent()) {
        String value = uscc.get().value();
        for (int length = Math.min(longest, value.length()); length >= 1; length--) {
          String code = prefixes.get(value.substring(0, length));
          if (code != null) {
            return Outcome.assigned(code, "USCC type " + value.substring(0, 2));
          }
        }
        return Outcome.assigned(organisationCode, "an organisation; USCC type " + value.substring(0, 2)
            + " has no more specific type");
      }
      return Outcome.assigned(organisationCode, "an organisation without a valid USCC");
    });
  }

  /**
   * The code held in a custom attribute (text, or a whole number written as text), checked
   * against {@code scheme}.
   */
  public static ClassificationRule fromAttribute(String dimension, DimensionScheme scheme, String attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return rule(dimension, "from-attribute-" + attribute, scheme, customer -> attribute(customer, attribute)
        .map(code -> outcome(scheme.resolve(code), "attribute " + attribute))
        .orElseGet(() -> Outcome.notApplicable("no attribute " + attribute)));
  }

  /**
   * A GB/T 4754 industry code held in a custom attribute, as the standard writes it ({@code 3511})
   * or with its section letter in front ({@code C3511}, as registers often do); a letter that is
   * not the code's section is rejected.
   */
  public static ClassificationRule industryFromAttribute(String dimension, DimensionScheme scheme, String attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return rule(dimension, "industry-from-attribute-" + attribute, scheme, customer -> {
      Optional<String> value = attribute(customer, attribute);
      if (value.isEmpty()) {
        return Outcome.notApplicable("no attribute " + attribute);
      }
      String code = value.get();
      Matcher withSection = SECTION_AND_CODE.matcher(code);
      if (withSection.matches() && scheme.find(code).isEmpty()) {
        code = withSection.group(2);
        Optional<DimensionCode> section = scheme.find(code).flatMap(found -> scheme.ancestors(found.code()).stream()
            .filter(a -> a.depth() == 0).findFirst());
        if (section.isPresent() && !section.get().code().equals(withSection.group(1))) {
          return Outcome.rejected("attribute " + attribute + ": " + value.get() + " names section "
              + withSection.group(1) + ", but " + code + " is in section " + section.get().code());
        }
      }
      return outcome(scheme.resolve(code), "attribute " + attribute);
    });
  }

  private static Outcome outcome(Resolution resolution, String source) {
    if (resolution instanceof Resolution.Current current) {
      return Outcome.assigned(current.dimensionCode().code(), "from the " + source);
    }
    if (resolution instanceof Resolution.Replaced replaced) {
      return Outcome.assigned(replaced.successor().code(), "from the " + source + ": " + resolution.describe());
    }
    return Outcome.rejected(source + ": " + resolution.describe());
  }

  private static Optional<String> uscc(CustomerDetails customer) {
    return customer.organisationIdentifiers().stream()
        .filter(id -> id.scheme().equals(OrganisationIdentifier.CN_USCC))
        .map(OrganisationIdentifier::value)
        .findFirst();
  }

  private static Optional<String> attribute(CustomerDetails customer, String name) {
    AttributeValue value = customer.attributes().get(name);
    if (value instanceof AttributeValue.Text text) {
      return Optional.of(text.value().strip()).filter(s -> !s.isEmpty());
    }
    if (value instanceof AttributeValue.Number number && number.value().signum() >= 0
        && number.value().stripTrailingZeros().scale() <= 0) {
      return Optional.of(number.value().toBigInteger().toString());
    }
    return Optional.empty();
  }

  private static void requireInForce(DimensionScheme scheme, String code) {
    if (!scheme.check(Objects.requireNonNull(code, "code")).isValid()) {
      throw new IllegalArgumentException(scheme.check(code).describe() + " in scheme " + scheme.id());
    }
  }

  private static ClassificationRule rule(String dimension, String name, DimensionScheme scheme,
      Function<CustomerDetails, Outcome> body) {
    Require.notBlank(dimension, "dimension");
    Objects.requireNonNull(scheme, "scheme");
    return new ClassificationRule() {
      @Override
      public String dimension() {
        return dimension;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public Outcome apply(CustomerDetails customer) {
        return body.apply(Objects.requireNonNull(customer, "customer"));
      }

      @Override
      public String toString() {
        return name + "→" + dimension + " (" + scheme.id() + " " + scheme.version() + ")";
      }
    };
  }
}
