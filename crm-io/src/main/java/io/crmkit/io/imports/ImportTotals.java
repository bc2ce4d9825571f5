package io.crmkit.io.imports;

import io.crmkit.core.common.Require;

/**
 * What an import did to the rows it read, counted over the whole file (a resumed import adds to
 * the counts its checkpoint kept). Every row read is exactly one of inserted, updated, unchanged,
 * merged or rejected; a row queued for review was also inserted.
 *
 * @param read data rows read from the source (the header and blank lines are not rows)
 * @param inserted new customers written
 * @param updated stored customers changed (found by their external reference)
 * @param unchanged rows whose customer was stored with exactly these details
 * @param merged new customers merged into a stored customer they matched (kept in the lineage)
 * @param queued new customers queued for a person to decide whether they are a stored customer
 * @param rejected rows not written, each in the report with its reasons
 */
public record ImportTotals(long read, long inserted, long updated, long unchanged, long merged, long queued,
    long rejected) {

  /** Nothing read yet. */
  public static final ImportTotals NONE = new ImportTotals(0, 0, 0, 0, 0, 0, 0);

  /** @throws IllegalArgumentException if a count is negative */
  public ImportTotals {
    Require.atLeast(read, 0, "read");
    Require.atLeast(inserted, 0, "inserted");
    Require.atLeast(updated, 0, "updated");
    Require.atLeast(unchanged, 0, "unchanged");
    Require.atLeast(merged, 0, "merged");
    Require.atLeast(queued, 0, "queued");
    Require.atLeast(rejected, 0, "rejected");
  }

  /** These counts and {@code other}'s, added. */
  public ImportTotals plus(ImportTotals other) {
    Require.notNull(other, "other");
    return new ImportTotals(read + other.read, inserted + other.inserted, updated + other.updated,
        unchanged + other.unchanged, merged + other.merged, queued + other.queued, rejected + other.rejected);
  }
}
