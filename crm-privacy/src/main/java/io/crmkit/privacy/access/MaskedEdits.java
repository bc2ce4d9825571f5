package io.crmkit.privacy.access;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a customer a caller edited from a masked view back into the change they meant. A caller
 * who may not read some categories in clear edits a masked copy; saving that copy as it is would
 * overwrite the stored values with their masks. So every part the caller left as the view showed
 * it is put back to the stored value, element by element in lists and sets, and only what they
 * really changed is written (and checked against their WRITE permissions).
 *
 * <p>A part set to exactly its masked form counts as left alone. Parts the view withheld (gender,
 * numeric and yes/no attributes of masked categories) cannot be seen, so they stay as stored unless
 * the caller sets them.
 */
final class MaskedEdits {
  private MaskedEdits() {}

  /**
   * @param current the customer as stored
   * @param view what the caller was shown of {@code current}
   * @param changed what the caller sent back
   */
  static Customer restore(Customer current, Customer view, Customer changed) {
    Customer.Builder out = new Customer.Builder();
    out.from(changed);
    if (changed.personName().equals(view.personName())) {
      out.personName(current.personName());
    }
    if (changed.legalName().equals(view.legalName())) {
      out.legalName(current.legalName());
    }
    if (changed.displayName().equals(view.displayName())) {
      out.displayName(current.displayName());
    }
    out.contactPoints(Contacts.restore(current, view, changed));
    out.addresses(Elements.restore(current.addresses(), view.addresses(), changed.addresses()));
    if (changed.birthDate().equals(view.birthDate())) {
      out.birthDate(current.birthDate());
    }
    if (changed.gender().equals(view.gender())) {
      out.gender(current.gender());
    }
    out.personIdentifiers(Elements.restore(List.copyOf(current.personIdentifiers()),
        List.copyOf(view.personIdentifiers()), List.copyOf(changed.personIdentifiers())));
    out.organisationIdentifiers(Elements.restore(List.copyOf(current.organisationIdentifiers()),
        List.copyOf(view.organisationIdentifiers()), List.copyOf(changed.organisationIdentifiers())));
    out.externalReferences(Elements.restore(List.copyOf(current.externalReferences()),
        List.copyOf(view.externalReferences()), List.copyOf(changed.externalReferences())));
    out.attributes(restoreAttributes(current.attributes(), view.attributes(), changed.attributes()));
    return out.build();
  }

  private static Map<String, AttributeValue> restoreAttributes(Map<String, AttributeValue> current,
      Map<String, AttributeValue> view, Map<String, AttributeValue> changed) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    current.forEach((key, value) -> {
      if (!view.containsKey(key)) {
        out.put(key, value); // withheld from the view: the caller could not have meant to change it
      }
    });
    changed.forEach((key, value) -> out.put(key,
        value.equals(view.get(key)) ? current.getOrDefault(key, value) : value));
    return out;
  }
}
