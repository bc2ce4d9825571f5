package io.crmkit.privacy.access;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerDetails;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A customer's contact points of one channel, in order: masking and access treat channels apart. */
final class Contacts {
  private Contacts() {}

  static List<ContactPoint> of(CustomerDetails customer, ContactPoint.Channel channel) {
    return customer.contactPoints().stream().filter(c -> c.channel() == channel).toList();
  }

  /**
   * {@code changed}'s contact points with each channel that the caller left as {@code view} showed
   * it put back to {@code current}'s values. The view masks positionally, so an untouched channel
   * has as many points in {@code current} as in {@code changed}.
   */
  static List<ContactPoint> restore(CustomerDetails current, CustomerDetails view, CustomerDetails changed) {
    List<ContactPoint> out = new ArrayList<>();
    Map<ContactPoint.Channel, Iterator<ContactPoint>> originals = new EnumMap<>(ContactPoint.Channel.class);
    for (ContactPoint.Channel channel : ContactPoint.Channel.values()) {
      if (of(changed, channel).equals(of(view, channel))) {
        originals.put(channel, of(current, channel).iterator());
      }
    }
    for (ContactPoint contact : changed.contactPoints()) {
      Iterator<ContactPoint> original = originals.get(contact.channel());
      out.add(original != null && original.hasNext() ? original.next() : contact);
    }
    return out;
  }
}
