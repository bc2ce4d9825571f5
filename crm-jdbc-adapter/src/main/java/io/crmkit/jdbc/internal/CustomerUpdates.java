package io.crmkit.jdbc.internal;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces stored customer rows at their expected versions and rewrites side rows only where they
 * changed. Each customer is first written with {@code AND side_digest = ?}: that succeeds when the
 * version is as expected and the side rows stay as stored, the common case of a lifecycle move or a
 * tier, and writes one row. A customer that missed is written again without the digest condition;
 * if that succeeds, its side rows changed: those that went are deleted and those that came inserted
 * ({@link SideRows}), or all are rewritten where the stored row does not say exactly which it has.
 * Several copies of one customer at consecutive versions (a chain of moves) are one write: the last
 * copy, at its version, expecting the version the first was read at, so a chain whose customer
 * changed meanwhile writes nothing.
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

  /** Checks customers about to be written with new side rows, before they are; may throw to stop the write. */
  @FunctionalInterface
  interface SideRowsCheck {
    void check(List<Customer> customers) throws SQLException;
  }

  /** One customer's write: the copy to store (at its new version) and the version expected in the database. */
  record Write(Customer stored, long expected) {}

  /**
   * The writes of {@code stored}, copies carrying their new versions, one per customer: a chain's last
   * copy expecting the version its first was read at.
   *
   * @throws IllegalArgumentException if copies of one customer are not at consecutive versions
   */
  static List<Write> writesOf(List<Customer> stored) {
    Map<CustomerId, Write> writes = new LinkedHashMap<>();
    for (Customer copy : stored) {
      Write earlier = writes.get(copy.id());
      Require.argument(earlier == null || copy.version() == earlier.stored().version() + 1,
          "customer %s comes at version %s after version %s; copies of one customer must be at consecutive versions",
          copy.id(), copy.version() - 1, earlier == null ? 0 : earlier.stored().version() - 1);
      writes.put(copy.id(), new Write(copy, earlier == null ? copy.version() - 1 : earlier.expected()));
    }
    return List.copyOf(writes.values());
  }

  /**
   * Makes {@code writes} ({@link #writesOf}); {@code check} sees the customers whose side rows may
   * change before they are written.
   *
   * @return the customers written
   * @throws SQLException if a statement fails, for example an external reference taken by another
   *     customer (a unique violation) when side rows are rewritten
   */
  Set<CustomerId> write(Connection connection, List<Write> writes, SideRowsCheck check) throws SQLException {
    List<String> digests = new ArrayList<>(writes.size());
    for (Write write : writes) {
      digests.add(SideDigest.of(codec, write.stored()));
    }
    boolean[] sameSideRows = run(connection, writes, digests, true);
    List<Write> missed = new ArrayList<>();
    List<String> missedDigests = new ArrayList<>();
    Set<CustomerId> written = new HashSet<>();
    for (int i = 0; i < writes.size(); i++) {
      if (sameSideRows[i]) {
        written.add(writes.get(i).stored().id());
      } else {
        missed.add(writes.get(i));
        missedDigests.add(digests.get(i));
      }
    }
    if (!missed.isEmpty()) {
      check.check(missed.stream().map(Write::stored).toList());
      Map<CustomerId, Set<SideRows.Row>> before = storedSideRows(connection, missed);
      boolean[] newSideRows = run(connection, missed, missedDigests, false);
      List<Customer> rewrite = new ArrayList<>();
      Map<CustomerId, SideRows.Change> changes = new LinkedHashMap<>();
      for (int i = 0; i < missed.size(); i++) {
        if (newSideRows[i]) {
          Customer customer = missed.get(i).stored();
          written.add(customer.id());
          Set<SideRows.Row> stored = before.get(customer.id());
          if (stored == null) {
            rewrite.add(customer);
          } else {
            changes.put(customer.id(), new SideRows.Change(stored, SideRows.of(codec, dialect, customer)));
          }
        }
      }
      // Every delete before any insert, so that a reference one customer gives up is free for another.
      SideRows.deleteGone(connection, tables, changes);
      if (!rewrite.isEmpty()) {
        CustomerRows.deleteSideRows(connection, tables, dialect, rewrite.stream().map(Customer::id).toList());
        CustomerRows.insertSideRows(connection, tables, dialect, codec, rewrite);
      }
      SideRows.insertCome(connection, tables, changes);
    }
    return written;
  }

  /**
   * The side rows the side tables hold for each customer, known from its stored row where that row is
   * at the version the write expects and carries the digest of its own side rows; customers stored
   * before base version 3 (no digest) or at another version are left out, and get all their side
   * rows rewritten. A write that succeeds after this read found the row unchanged, so what was read
   * is what it replaced.
   */
  private Map<CustomerId, Set<SideRows.Row>> storedSideRows(Connection connection, List<Write> writes)
      throws SQLException {
    Map<CustomerId, Set<SideRows.Row>> rows = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT " + CustomerCodec.COLUMNS + ", "
        + SideDigest.COLUMN + " FROM " + tables.customer() + " WHERE id = ?")) {
      for (Write write : writes) {
        select.setObject(1, write.stored().id().value());
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            Customer stored = codec.read(rs);
            String digest = rs.getString(SideDigest.COLUMN);
            if (stored.version() == write.expected() && SideDigest.of(codec, stored).equals(digest)) {
              rows.put(stored.id(), SideRows.of(codec, dialect, stored));
            }
          }
        }
      }
    }
    return rows;
  }

  /** Runs every write as batches, with or without the side digest condition; whether each wrote its row. */
  private boolean[] run(Connection connection, List<Write> writes, List<String> digests, boolean sameSideRows)
      throws SQLException {
    boolean[] written = new boolean[writes.size()];
    try (PreparedStatement update = connection.prepareStatement(CustomerRows.updateSql(tables, dialect, sameSideRows))) {
      int id = CustomerRows.DIGEST_PARAMETER + 1;
      for (int from = 0; from < writes.size(); from += CustomerRows.BATCH) {
        int to = Math.min(writes.size(), from + CustomerRows.BATCH);
        for (int i = from; i < to; i++) {
          Customer stored = writes.get(i).stored();
          codec.bind(update, stored, stored.version());
          update.setString(CustomerRows.DIGEST_PARAMETER, digests.get(i));
          update.setObject(id, stored.id().value());
          update.setLong(id + 1, writes.get(i).expected());
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
}
