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
   * {@code changed}'s contact points with each point the caller sent as {@code view} showed it put
   * back to the stored point it stood for, channel by channel (the view masks positionally within
   * a channel; see {@link Elements}).
   */
  static List<ContactPoint> restore(CustomerDetails current, CustomerDetails view, CustomerDetails changed) {
    Map<ContactPoint.Channel, Iterator<ContactPoint>> restored = new EnumMap<>(ContactPoint.Channel.class);
    for (ContactPoint.Channel channel : ContactPoint.Channel.values()) {
      restored.put(channel, Elements.restore(of(current, channel), of(view, channel), of(changed, channel)).iterator());
    }
    List<ContactPoint> out = new ArrayList<>();
    for (ContactPoint contact : changed.contactPoints()) {
      out.add(restored.get(contact.channel()).next());
    }
    return out;
  }
}
