package io.crmkit.core.dedup.review;

import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;

/** The checks and the one order of a pair's record ids, shared by the review queue's values. */
final class PairIds {
  private PairIds() {}

  /** Checks a record id: 1 to {@value ReviewQueue#MAX_ID_LENGTH} printable characters, not blank. */
  static String check(String id, String name) {
    Require.notBlank(id, name);
    Require.argument(id.length() <= ReviewQueue.MAX_ID_LENGTH && PrintableText.Validator.isPrintable(id, false),
        "%s must be 1-%s printable characters, got '%s'", name, ReviewQueue.MAX_ID_LENGTH, id);
    return id;
  }

  /** Whether {@code left} and {@code right} are in the pair's one order (the smaller id first). */
  static boolean ordered(String left, String right) {
    Require.argument(!left.equals(right), "a pair needs two different records, got %s twice", left);
    return left.compareTo(right) < 0;
  }
}
