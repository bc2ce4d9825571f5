package io.crmkit.io.export;

import io.crmkit.privacy.anonymise.Hierarchies;
import io.crmkit.privacy.anonymise.Hierarchy;
import java.util.function.Predicate;

/**
 * A hierarchy that takes every value a store can hold: a value its rule does not cover (an empty
 * cell, a foreign region code) stays itself on every level below the top, which is {@code *}. The
 * result is still a tree: a value the rule covers never generalises to one it does not.
 */
final class OpenHierarchy implements Hierarchy {
  private final Hierarchy rule;
  private final Predicate<String> covers;

  OpenHierarchy(Hierarchy rule, Predicate<String> covers) {
    this.rule = rule;
    this.covers = covers;
  }

  @Override
  public int height() {
    return rule.height();
  }

  @Override
  public String generalise(String value, int level) {
    if (level < 0 || level >= height()) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + (height() - 1));
    }
    if (level == height() - 1) {
      return Hierarchies.ANY;
    }
    return value.isEmpty() || !covers.test(value) ? value : rule.generalise(value, level);
  }
}
