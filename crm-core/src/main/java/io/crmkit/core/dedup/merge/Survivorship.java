package io.crmkit.core.dedup.merge;

/**
 * How a golden record's attribute is chosen from the merged records. The records are ranked
 * survivor first, then the others in the order the merge names them; every rule breaks ties by
 * that rank, so a merge is deterministic.
 */
public enum Survivorship {
  /** The survivor's value, even if it has none: for what belongs to the record that stays (owner, kind). */
  SURVIVOR,
  /** The value of the most recently updated record that has one: what was typed last is usually current. */
  MOST_RECENT,
  /**
   * The value of the most complete record that has one, completeness being how many of its
   * attributes are filled in: a carefully kept record beats a quick entry.
   */
  MOST_COMPLETE,
  /**
   * The value of the record from the most trusted source that has one, by the rules' priority list
   * of sources; a customer's sources are the systems of its external references, and one without a
   * listed source ranks after every listed one.
   */
  SOURCE_PRIORITY,
  /**
   * Every record's values together, without repeats, in rank order; for maps the highest-ranked
   * record's value of each key. For lists, sets and maps only: nothing of the duplicates is lost.
   */
  COLLECT_ALL
}
