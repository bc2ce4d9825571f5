package io.crmkit.jdbc.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Set-at-a-time lookups of keys that already exist, with array parameters ({@code = ANY(?)}). */
final class ReferenceLookup {
  /** Keys per lookup query. */
  static final int CHUNK = 10_000;

  private ReferenceLookup() {}

  /** Which of {@code ids} (references in {@code system}) are held, and by which customer. */
  static Map<String, UUID> holders(Connection connection, Tables tables, Dialect dialect, String system,
      Collection<String> ids) throws SQLException {
    Map<String, UUID> found = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement select = connection.prepareStatement(dialect.referenceHoldersSql(tables.externalRef()))) {
        Array array = connection.createArrayOf("VARCHAR", chunk.toArray());
        select.setArray(1, array);
        select.setString(2, system);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getString(1), rs.getObject(2, UUID.class));
          }
        } finally {
          array.free();
        }
      }
    }
    return found;
  }

  /** Which of {@code ids} exist in {@code table}'s {@code id} column. */
  static Set<UUID> existingIds(Connection connection, String table, Collection<UUID> ids) throws SQLException {
    Set<UUID> found = new HashSet<>();
    List<UUID> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id FROM " + table + " WHERE id = ANY(?)")) {
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        select.setArray(1, array);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getObject(1, UUID.class));
          }
        } finally {
          array.free();
        }
      }
    }
    return found;
  }
}
