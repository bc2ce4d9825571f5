package io.crmkit.jdbc;

import io.crmkit.core.common.Require;

/**
 * What {@link JdbcCrmStore#reencrypt} did: how many rows it read and how many held a ciphertext
 * under an old key and were rewritten under the current one.
 *
 * @param customersExamined stored customers read
 * @param customersReencrypted customers rewritten
 * @param mergesExamined recorded merges read (0 when the dedup capability is not attached)
 * @param mergesReencrypted merges rewritten
 */
public record ReencryptionReport(long customersExamined, long customersReencrypted, long mergesExamined,
    long mergesReencrypted) {

  public ReencryptionReport {
    Require.argument(customersExamined >= 0 && mergesExamined >= 0, "counts must not be negative");
    Require.argument(customersReencrypted >= 0 && customersReencrypted <= customersExamined,
        "customers re-encrypted must be in 0..%s, got %s", customersExamined, customersReencrypted);
    Require.argument(mergesReencrypted >= 0 && mergesReencrypted <= mergesExamined,
        "merges re-encrypted must be in 0..%s, got %s", mergesExamined, mergesReencrypted);
  }

  /** Rows rewritten in all. */
  public long reencrypted() {
    return customersReencrypted + mergesReencrypted;
  }
}
