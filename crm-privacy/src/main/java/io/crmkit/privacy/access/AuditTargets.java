package io.crmkit.privacy.access;

import io.crmkit.privacy.audit.AuditEntry;
import java.util.Collection;
import java.util.Iterator;

/** Audit targets that fit {@link AuditEntry#MAX_TARGET_LENGTH}, listing names and counting what did not fit. */
final class AuditTargets {
  private AuditTargets() {}

  /** {@code prefix} followed by the names, comma-separated; names that do not fit become {@code +n more}. */
  static String listing(String prefix, Collection<?> names) {
    StringBuilder out = new StringBuilder(prefix);
    Iterator<?> it = names.iterator();
    int left = names.size();
    boolean first = true;
    while (it.hasNext()) {
      String name = String.valueOf(it.next());
      String more = " +" + left + " more";
      int room = AuditEntry.MAX_TARGET_LENGTH - out.length() - (first ? 0 : 1);
      boolean lastOne = left == 1;
      if (name.length() > room || (!lastOne && name.length() + (" +" + (left - 1) + " more").length() > room)) {
        return out.append(more).toString();
      }
      out.append(first ? "" : ",").append(name);
      first = false;
      left--;
    }
    return out.toString();
  }

  /** {@code text} cut to fit, ending with {@code …} where it was cut. */
  static String fitted(String text) {
    return text.length() <= AuditEntry.MAX_TARGET_LENGTH
        ? text : text.substring(0, AuditEntry.MAX_TARGET_LENGTH - 1) + "…";
  }
}
