package io.crmkit.core.imports;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import java.util.List;

/**
 * What an import did. Bad rows never fail the import: they are listed in {@link #rejected()} with
 * their row number and every reason, and every good row is written (all good rows together or, if
 * the storage itself fails, none).
 *
 * @param inserted new customers written
 * @param updated stored customers changed (upsert only)
 * @param unchanged rows that matched a stored customer with exactly the same details (upsert only)
 * @param rejected rows not written, in row order: position the 1-based row number, subject the
 *     row's external reference (upsert), the customer id (insert), or {@code row N}
 */
public record ImportReport(int inserted, int updated, int unchanged, List<Rejection> rejected) {

  /** @throws IllegalArgumentException if a count is negative */
  public ImportReport {
    rejected = List.copyOf(rejected);
    Require.atLeast(inserted, 0, "inserted");
    Require.atLeast(updated, 0, "updated");
    Require.atLeast(unchanged, 0, "unchanged");
  }

  /** Whether every row was written or already up to date. */
  public boolean allAccepted() {
    return rejected.isEmpty();
  }

  /** How many rows were looked at: written, unchanged or rejected. */
  public int rows() {
    return inserted + updated + unchanged + rejected.size();
  }
}
