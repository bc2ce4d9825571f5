package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.Map;

/** How a bulk method names what it worked on in its storage errors: the customer when there is one. */
final class Subjects {
  private Subjects() {}

  /** {@code customer <id>} for one customer, {@code <n> customers} for more. */
  static String customers(Collection<CustomerId> ids) {
    return ids.size() == 1 ? "customer " + ids.iterator().next() : ids.size() + " customers";
  }

  /** {@code customer <from> to <to>} for one move, {@code <n> customers} for more. */
  static String moves(Map<CustomerId, CustomerId> moves) {
    return moves.size() == 1 ? customers(moves.keySet()) + " to " + moves.values().iterator().next()
        : customers(moves.keySet());
  }
}
