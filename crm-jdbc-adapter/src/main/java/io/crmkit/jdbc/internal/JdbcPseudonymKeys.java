package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.privacy.pseudonym.PseudonymKey;
import io.crmkit.privacy.pseudonym.PseudonymKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@link PseudonymKeys} over the {@code pseudonym_key} table: one row per key, primary key {@code
 * key_name}, the wrapped material as bytes. Retiring updates the row only while {@code retired_at}
 * is null, so concurrent retirements keep the first.
 */
final class JdbcPseudonymKeys implements PseudonymKeys {
  private static final String COLUMNS = "key_name, created_at, created_nanos, retired_at, retired_nanos, wrapped_key";

  private final Connections connections;
  private final Tables tables;

  JdbcPseudonymKeys(Connections connections, Tables tables) {
    this.connections = connections;
    this.tables = tables;
  }

  @Override
  public void add(PseudonymKey key) {
    Require.notNull(key, "key");
    connections.write("add pseudonymisation key " + key.name(), connection -> {
      if (byName(connection, key.name()).isPresent()) {
        throw duplicate(key.name());
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.pseudonymKey() + " ("
          + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, key.name());
        Values.setInstant(insert, 2, key.createdAt());
        if (key.retiredAt().isPresent()) {
          Values.setInstant(insert, 4, key.retiredAt().get());
        } else {
          insert.setObject(4, null);
          insert.setObject(5, null);
        }
        insert.setBytes(6, key.wrappedMaterial());
        insert.executeUpdate();
      } catch (SQLException e) {
        if (Dialect.isUniqueViolation(e)) {
          throw duplicate(key.name());
        }
        throw e;
      }
      return null;
    });
  }

  @Override
  public Optional<PseudonymKey> find(String name) {
    PseudonymKey.checkName(name);
    return connections.read("find pseudonymisation key " + name, connection -> byName(connection, name));
  }

  @Override
  public List<PseudonymKey> all() {
    return connections.read("read pseudonymisation keys", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
          + tables.pseudonymKey() + " ORDER BY key_name")) {
        return list(select);
      }
    });
  }

  @Override
  public PseudonymKey retire(String name, Instant at) {
    PseudonymKey.checkName(name);
    Require.notNull(at, "at");
    return connections.write("retire pseudonymisation key " + name, connection -> {
      PseudonymKey stored = byName(connection, name)
          .orElseThrow(() -> new NoSuchElementException("no pseudonymisation key named " + name));
      if (stored.retired()) {
        return stored;
      }
      PseudonymKey retired = stored.retire(at);
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.pseudonymKey()
          + " SET retired_at = ?, retired_nanos = ? WHERE key_name = ? AND retired_at IS NULL")) {
        Values.setInstant(update, 1, at);
        update.setString(3, name);
        if (update.executeUpdate() == 1) {
          return retired;
        }
      }
      // Retired concurrently between the read and the update: the first retirement stands.
      return byName(connection, name).orElseThrow(() -> new NoSuchElementException(
          "pseudonymisation key " + name + " was deleted while being retired"));
    });
  }

  private Optional<PseudonymKey> byName(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
        + tables.pseudonymKey() + " WHERE key_name = ?")) {
      select.setString(1, name);
      List<PseudonymKey> found = list(select);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /** The keys of a query; a row that no longer makes a key is a {@link CrmStorageException} naming it. */
  private static List<PseudonymKey> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<PseudonymKey> out = new ArrayList<>();
      while (rs.next()) {
        String name = rs.getString("key_name");
        try {
          Optional<Instant> retiredAt = rs.getObject("retired_at") == null ? Optional.empty()
              : Optional.of(Values.instant(rs, "retired_at", "retired_nanos"));
          out.add(new PseudonymKey(name, Values.instant(rs, "created_at", "created_nanos"), retiredAt,
              rs.getBytes("wrapped_key")));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new CrmStorageException("pseudonymisation key row " + name + " cannot be read as a key: "
              + e.getMessage(), e);
        }
      }
      return out;
    }
  }

  private static DuplicateKeyException duplicate(String name) {
    return new DuplicateKeyException(name, "a pseudonymisation key named " + name + " exists");
  }
}
