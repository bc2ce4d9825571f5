package io.crmkit.jdbc.internal;

import io.crmkit.core.common.Require;
import io.crmkit.core.dimension.code.CodeSequences;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@link CodeSequences} over the {@code code_sequence} table: one row per key, advanced by {@link
 * Dialect#addToSequence} under the row's lock in the current transaction (or a transaction of its
 * own). Two allocations of one key never overlap, and a rolled-back transaction gives its numbers
 * back, so committed numbers have no gaps.
 *
 * <p>Besides the port's key rules, a key with an unpaired surrogate character is rejected with
 * {@link IllegalArgumentException}: the database cannot store it, and its driver would silently
 * turn it into another key.
 */
final class JdbcCodeSequences implements CodeSequences {
  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcCodeSequences(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public long nextBlock(String key, int count) {
    requireStorableKey(key);
    CodeSequences.requireValidCount(count);
    OptionalLong last = connections.write("allocate " + count + " number(s) of sequence '" + key + "'",
        connection -> dialect.addToSequence(connection, tables, key, count));
    if (last.isEmpty()) {
      throw new CodeSequences.SequenceExhaustedException(key, Long.MAX_VALUE);
    }
    return last.getAsLong() - count + 1;
  }

  @Override
  public long current(String key) {
    requireStorableKey(key);
    return connections.read("read sequence '" + key + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(currentSql())) {
        select.setString(1, key);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /** The query of {@link #current}, for EXPLAIN tests. */
  String currentSql() {
    return "SELECT last_value FROM " + tables.codeSequence() + " WHERE sequence_key = ?";
  }

  private static void requireStorableKey(String key) {
    CodeSequences.requireValidKey(key);
    int bad = StorageGuard.unstorableAt(Objects.requireNonNull(key, "key"));
    Require.argument(bad < 0, "a sequence key must not contain unpaired surrogate characters (position %s);"
        + " the database cannot store them", bad);
  }

  @Override
  public Map<String, Long> all() {
    return connections.read("read every sequence", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT sequence_key, last_value FROM " + tables.codeSequence()); ResultSet rs = select.executeQuery()) {
        Map<String, Long> found = new HashMap<>();
        while (rs.next()) {
          found.put(rs.getString(1), rs.getLong(2));
        }
        return Map.copyOf(found);
      }
    });
  }
}
