package io.crmkit.io.imports;

import io.crmkit.core.common.Require;
import java.time.Instant;

/**
 * How far an import got: written in the same transaction as each batch of rows, so after a crash
 * at any point it names exactly the last row whose batch was committed, and a new run resumes
 * after it with no row lost and none written twice.
 *
 * @param importId the import's identity: given by the user, or derived from the source's name,
 *     size, content hash and read settings
 * @param source what the source was when the import began (name, size, hash of its content, hash
 *     of its read settings), so that resuming with another file or settings under the same id is
 *     refused
 * @param lastRow the last data row (1-based) whose batch is committed; 0 before the first batch
 * @param finished whether every row of the source was processed
 * @param totals the counts of every committed batch so far
 * @param updatedAt when this checkpoint was written
 */
public record ImportCheckpoint(String importId, String source, long lastRow, boolean finished, ImportTotals totals,
    Instant updatedAt) {

  /** The longest import id a store must keep. */
  public static final int MAX_ID_LENGTH = 200;
  /** The longest source description a store must keep. */
  public static final int MAX_SOURCE_LENGTH = 500;

  /**
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if the id is blank or too long, the source too long, or
   *     {@code lastRow} negative
   */
  public ImportCheckpoint {
    checkId(importId);
    Require.notNull(source, "source");
    Require.argument(source.length() <= MAX_SOURCE_LENGTH, "source is longer than %s characters",
        MAX_SOURCE_LENGTH);
    Require.atLeast(lastRow, 0, "lastRow");
    Require.notNull(totals, "totals");
    Require.notNull(updatedAt, "updatedAt");
  }

  /**
   * Checks an import id: not blank, at most {@value #MAX_ID_LENGTH} characters.
   *
   * @return the id
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank or too long
   */
  public static String checkId(String importId) {
    Require.notBlank(importId, "importId");
    Require.argument(importId.length() <= MAX_ID_LENGTH, "importId is longer than %s characters", MAX_ID_LENGTH);
    return importId;
  }
}
