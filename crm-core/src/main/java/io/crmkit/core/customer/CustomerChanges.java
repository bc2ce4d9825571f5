package io.crmkit.core.customer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Which attributes differ between two versions of a customer, named as in {@link CustomerDetails}. */
public final class CustomerChanges {
  private static final Map<String, Function<CustomerDetails, Object>> ATTRIBUTES = attributes();

  private CustomerChanges() {}

  /** The names of the attributes whose values differ, in declaration order. */
  public static Set<String> between(CustomerDetails before, CustomerDetails after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Set<String> changed = new LinkedHashSet<>();
    ATTRIBUTES.forEach((name, read) -> {
      if (!Objects.equals(read.apply(before), read.apply(after))) {
        changed.add(name);
      }
    });
    return changed;
  }

  private static Map<String, Function<CustomerDetails, Object>> attributes() {
    Map<String, Function<CustomerDetails, Object>> all = new LinkedHashMap<>();
    all.put("kind", CustomerDetails::kind);
    all.put("personName", CustomerDetails::personName);
    all.put("legalName", CustomerDetails::legalName);
    all.put("displayName", CustomerDetails::displayName);
    all.put("contactPoints", CustomerDetails::contactPoints);
    all.put("addresses", CustomerDetails::addresses);
    all.put("birthDate", CustomerDetails::birthDate);
    all.put("gender", CustomerDetails::gender);
    all.put("organisationIdentifiers", CustomerDetails::organisationIdentifiers);
    all.put("personIdentifiers", CustomerDetails::personIdentifiers);
    all.put("owner", CustomerDetails::owner);
    all.put("tags", CustomerDetails::tags);
    all.put("dimensionCodes", CustomerDetails::dimensionCodes);
    all.put("stage", CustomerDetails::stage);
    all.put("tier", CustomerDetails::tier);
    all.put("attributes", CustomerDetails::attributes);
    all.put("externalReferences", CustomerDetails::externalReferences);
    all.put("needs", CustomerDetails::needs);
    return Collections.unmodifiableMap(all);
  }
}
