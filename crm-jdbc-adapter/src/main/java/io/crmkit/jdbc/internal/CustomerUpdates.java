package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces stored customer rows at their expected versions and rewrites side rows only where they
 * changed. Each copy is first written with {@code AND side_digest = ?}: that succeeds when the
 * version is as expected and the side rows stay as stored, the common case of a lifecycle move or a
 * tier, and writes one row. A copy that missed is written again without the digest condition; if
 * that succeeds, its side rows changed and are rewritten. One customer may have several copies at
 * consecutive versions (a chain of moves): they are written in order, and the side rows are
 * rewritten once, from the last copy.
 */
final class CustomerUpdates {
  private final Tables tables;
  private final Dialect dialect;
  private final CustomerCodec codec;

  CustomerUpdates(Tables tables, Dialect dialect, CustomerCodec codec) {
    this.tables = tables;
    this.dialect = dialect;
    this.codec = codec;
  }

  /** Checks copies about to be written with new side rows, before they are; may throw to stop the write. */
  @FunctionalInterface
  interface SideRowsCheck {
    void check(List<Customer> copies) throws SQLException;
  }

  /**
   * Writes {@code stored}, each copy carrying its new version (one above the version expected in
   * the database), in order; {@code check} sees the copies whose side rows may change before they
   * are written.
   *
   * @return for each copy, in order, whether it was written
   * @throws SQLException if a statement fails, for example an external reference taken by another
   *     customer (a unique violation) when side rows are rewritten
   */
  boolean[] write(Connection connection, List<Customer> stored, SideRowsCheck check) throws SQLException {
    List<String> digests = new ArrayList<>(stored.size());
    for (Customer customer : stored) {
      digests.add(SideDigest.of(codec, customer));
    }
    boolean[] written = run(connection, stored, digests, true, new boolean[stored.size()]);
    boolean[] sideRowsChanged = new boolean[stored.size()];
    List<Customer> missed = new ArrayList<>();
    List<String> missedDigests = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      if (!written[i]) {
        missed.add(stored.get(i));
        missedDigests.add(digests.get(i));
        positions.add(i);
      }
    }
    if (!missed.isEmpty()) {
      check.check(missed);
      boolean[] second = run(connection, missed, missedDigests, false, new boolean[missed.size()]);
      for (int i = 0; i < missed.size(); i++) {
        written[positions.get(i)] = second[i];
        sideRowsChanged[positions.get(i)] = second[i];
      }
    }
    rewriteSideRows(connection, stored, written, sideRowsChanged);
    return written;
  }

  /** Runs the update of every copy as batches, with or without the side digest condition. */
  private boolean[] run(Connection connection, List<Customer> copies, List<String> digests, boolean sameSideRows,
      boolean[] written) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(CustomerRows.updateSql(tables, dialect, sameSideRows))) {
      int id = CustomerRows.DIGEST_PARAMETER + 1;
      for (int from = 0; from < copies.size(); from += CustomerRows.BATCH) {
        int to = Math.min(copies.size(), from + CustomerRows.BATCH);
        for (int i = from; i < to; i++) {
          Customer copy = copies.get(i);
          codec.bind(update, copy, copy.version());
          update.setString(CustomerRows.DIGEST_PARAMETER, digests.get(i));
          update.setObject(id, copy.id().value());
          update.setLong(id + 1, copy.version() - 1);
          if (sameSideRows) {
            update.setString(id + 2, digests.get(i));
          }
          update.addBatch();
        }
        int[] counts = update.executeBatch();
        for (int i = from; i < to; i++) {
          written[i] = counts[i - from] != 0;
        }
      }
    }
    return written;
  }

  /** Rewrites the side rows of every customer with a written copy whose side rows changed, from its last written copy. */
  private void rewriteSideRows(Connection connection, List<Customer> stored, boolean[] written,
      boolean[] sideRowsChanged) throws SQLException {
    Map<CustomerId, Customer> last = new LinkedHashMap<>();
    Map<CustomerId, Boolean> changed = new LinkedHashMap<>();
    for (int i = 0; i < stored.size(); i++) {
      if (written[i]) {
        last.put(stored.get(i).id(), stored.get(i));
        changed.merge(stored.get(i).id(), sideRowsChanged[i], Boolean::logicalOr);
      }
    }
    last.keySet().removeIf(id -> !changed.get(id));
    if (last.isEmpty()) {
      return;
    }
    CustomerRows.deleteSideRows(connection, tables, dialect, List.copyOf(last.keySet()));
    CustomerRows.insertSideRows(connection, tables, dialect, codec, last.values());
  }
}
