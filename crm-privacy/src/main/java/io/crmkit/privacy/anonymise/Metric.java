package io.crmkit.privacy.anonymise;

/**
 * What the search minimises among the transformations that satisfy the privacy model. Both have a
 * lower bound that only grows as levels rise (classes merge, suppressed records only get fewer and
 * each costs at least what it cost in its class), which is what lets the search prune a node and
 * everything above it once the bound reaches the best value found.
 */
public enum Metric {
  /**
   * Discernibility: the sum of squared class sizes, plus the table size n for each suppressed
   * record. It penalises large classes, so it favours many small classes.
   */
  DISCERNIBILITY,

  /**
   * Generalisation loss: the mean over every quasi-identifier cell of (leaves covered by the
   * generalised value − 1) / (leaves of the column − 1), a suppressed record losing 1 in each cell.
   * Leaves are the distinct values of the column in the table. 0 is the data as recorded, 1 is all
   * {@code *}. It follows Iyengar's loss metric, which ARX uses by default.
   */
  GENERALISATION_LOSS
}
