package io.crmkit.jdbc;

import java.util.List;

/**
 * What a bulk operation did. Bad rows never fail the batch: they are listed in {@link #rejected()}
 * with their row number and reasons, and every good row is written (atomically, all good rows or,
 * if the database itself fails, none).
 *
 * @param inserted new customers written
 * @param updated existing customers changed (upsert only)
 * @param unchanged rows that matched a customer with exactly the same details (upsert only)
 * @param rejected rows not written, in row order
 */
public record BulkReport(int inserted, int updated, int unchanged, List<RejectedRow> rejected) {
  public BulkReport {
    rejected = List.copyOf(rejected);
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
