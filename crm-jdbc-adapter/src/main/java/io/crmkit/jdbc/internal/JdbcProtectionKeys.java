package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.privacy.crypto.KeyPurpose;
import io.crmkit.privacy.crypto.ProtectionKey;
import io.crmkit.privacy.crypto.ProtectionKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ProtectionKeys} over the {@code protection_key} table (primary key field, purpose, key
 * id). A write first locks the one row of {@code protection_key_lock} ({@code SELECT ... FOR
 * UPDATE}) in the caller's transaction, so writes queue behind each other's commit; then it reads
 * the keys (at read committed, a statement after the lock sees what the writer it waited for
 * committed), applies the rules of {@link ProtectionKey} in Java and writes the rows that changed.
 * One lock row, not the key rows, because rotations insert rows: writers locking key rows took
 * them in different orders and deadlocked, and H2 2.4 cannot roll back to a savepoint in a
 * deadlock victim that another transaction chose. {@code is_primary} is TRUE or NULL under a
 * unique constraint, a second guard against two primaries. Under PostgreSQL's repeatable read or
 * serializable, a writer that waited still reads its older snapshot and fails with a storage error
 * instead (a serialization failure, or the unique constraint): the host retries it.
 */
final class JdbcProtectionKeys implements ProtectionKeys {
  private static final String COLUMNS = "field_name, key_purpose, key_id, is_primary, created_at, created_nanos,"
      + " rotated_at, rotated_nanos, retired_at, retired_nanos";

  private final Connections connections;
  private final Tables tables;

  JdbcProtectionKeys(Connections connections, Tables tables) {
    this.connections = connections;
    this.tables = tables;
  }

  @Override
  public ProtectionKey recordAdded(ProtectedField field, KeyPurpose purpose, int keyId, Instant at) {
    ProtectionKey added = ProtectionKey.created(field, purpose, keyId, false, at);
    return connections.write("record protection key " + keyId + " of " + field + "/" + purpose,
        connection -> {
          Optional<ProtectionKey> known = find(lock(connection, field, purpose), keyId);
          if (known.isPresent()) {
            return known.get();
          }
          insert(connection, added);
          return added;
        });
  }

  @Override
  public ProtectionKey recordPrimary(ProtectedField field, KeyPurpose purpose, int keyId, Instant at) {
    ProtectionKey created = ProtectionKey.created(field, purpose, keyId, true, at);
    return connections.write("record protection key " + keyId + " of " + field + "/" + purpose + " as primary",
        connection -> {
          List<ProtectionKey> keys = lock(connection, field, purpose);
          Optional<ProtectionKey> known = find(keys, keyId);
          if (known.isPresent() && known.get().primary()) {
            return known.get();
          }
          ProtectionKey promoted = known.map(ProtectionKey::asPrimary).orElse(created);
          Optional<ProtectionKey> former = keys.stream().filter(ProtectionKey::primary).findFirst()
              .map(k -> k.rotatedAway(at));
          if (former.isPresent()) {
            update(connection, former.get());
          }
          if (known.isPresent()) {
            update(connection, promoted);
          } else {
            insert(connection, promoted);
          }
          return promoted;
        });
  }

  @Override
  public ProtectionKey recordRetired(ProtectedField field, KeyPurpose purpose, int keyId, Instant at) {
    Objects.requireNonNull(at, "at");
    return connections.write("retire protection key " + keyId + " of " + field + "/" + purpose,
        connection -> {
          ProtectionKey known = find(lock(connection, Objects.requireNonNull(field, "field"),
              Objects.requireNonNull(purpose, "purpose")), keyId).orElseThrow(() -> new IllegalArgumentException(
                  "no key " + keyId + " is recorded for " + field + "/" + purpose));
          ProtectionKey retired = known.retired(at);
          if (!retired.equals(known)) {
            update(connection, retired);
          }
          return retired;
        });
  }

  @Override
  public List<ProtectionKey> keys(ProtectedField field, KeyPurpose purpose) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(purpose, "purpose");
    return connections.read("read the protection keys of " + field + "/" + purpose, connection -> select(connection,
        " WHERE field_name = ? AND key_purpose = ?", field, purpose));
  }

  @Override
  public Optional<ProtectionKey> primary(ProtectedField field, KeyPurpose purpose) {
    return keys(field, purpose).stream().filter(ProtectionKey::primary).findFirst();
  }

  @Override
  public List<ProtectionKey> all() {
    return connections.read("read the protection keys", connection -> select(connection, ""));
  }

  /**
   * Takes the key writers' lock until the transaction ends and reads the keys of {@code field} and
   * {@code purpose} as they are once it is held.
   */
  private List<ProtectionKey> lock(Connection connection, ProtectedField field, KeyPurpose purpose)
      throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT lock_id FROM " + tables.protectionKeyLock()
        + " WHERE lock_id = 1 FOR UPDATE"); ResultSet rs = lock.executeQuery()) {
      if (!rs.next()) {
        throw new CrmStorageException("The protection keys' lock row is missing from " + tables.protectionKeyLock()
            + "; was the privacy schema migrated?");
      }
    }
    return select(connection, " WHERE field_name = ? AND key_purpose = ?", field, purpose);
  }

  private static Optional<ProtectionKey> find(List<ProtectionKey> keys, int keyId) {
    return keys.stream().filter(k -> k.keyId() == keyId).findFirst();
  }

  /** The keys a query selects, in {@link ProtectionKey#ORDER} (sorted here: SQL collations differ). */
  private List<ProtectionKey> select(Connection connection, String where, Object... fieldAndPurpose)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
        + tables.protectionKey() + where)) {
      for (int i = 0; i < fieldAndPurpose.length; i++) {
        select.setString(i + 1, ((Enum<?>) fieldAndPurpose[i]).name());
      }
      try (ResultSet rs = select.executeQuery()) {
        List<ProtectionKey> out = new ArrayList<>();
        while (rs.next()) {
          out.add(read(rs));
        }
        out.sort(ProtectionKey.ORDER);
        return out;
      }
    }
  }

  private void insert(Connection connection, ProtectionKey key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.protectionKey() + " ("
        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, key.field().name());
      insert.setString(2, key.purpose().name());
      insert.setInt(3, key.keyId());
      setPrimary(insert, 4, key.primary());
      Values.setInstant(insert, 5, key.createdAt());
      setOptionalInstant(insert, 7, key.rotatedAt());
      setOptionalInstant(insert, 9, key.retiredAt());
      insert.executeUpdate();
    }
  }

  /** Writes what can change: primary, rotated and retired (the creation instant stays). */
  private void update(Connection connection, ProtectionKey key) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.protectionKey()
        + " SET is_primary = ?, rotated_at = ?, rotated_nanos = ?, retired_at = ?, retired_nanos = ?"
        + " WHERE field_name = ? AND key_purpose = ? AND key_id = ?")) {
      setPrimary(update, 1, key.primary());
      setOptionalInstant(update, 2, key.rotatedAt());
      setOptionalInstant(update, 4, key.retiredAt());
      update.setString(6, key.field().name());
      update.setString(7, key.purpose().name());
      update.setInt(8, key.keyId());
      update.executeUpdate();
    }
  }

  /** TRUE for the primary, NULL for the others (the unique constraint counts only TRUE). */
  private static void setPrimary(PreparedStatement statement, int index, boolean primary) throws SQLException {
    if (primary) {
      statement.setBoolean(index, true);
    } else {
      statement.setNull(index, Types.BOOLEAN);
    }
  }

  private static void setOptionalInstant(PreparedStatement statement, int index, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      Values.setInstant(statement, index, at.get());
    } else {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
      statement.setNull(index + 1, Types.INTEGER);
    }
  }

  /** A row as a key; a row that no longer makes one (an unknown field or purpose) is a storage error. */
  private static ProtectionKey read(ResultSet rs) throws SQLException {
    String field = rs.getString("field_name");
    int keyId = rs.getInt("key_id");
    try {
      return new ProtectionKey(ProtectedField.valueOf(field), KeyPurpose.valueOf(rs.getString("key_purpose")), keyId,
          rs.getBoolean("is_primary") && !rs.wasNull(), Values.instant(rs, "created_at", "created_nanos"),
          optionalInstant(rs, "rotated_at", "rotated_nanos"), optionalInstant(rs, "retired_at", "retired_nanos"));
    } catch (IllegalArgumentException e) {
      throw new CrmStorageException("protection key " + keyId + " of " + field + " cannot be read as a key: "
          + e.getMessage(), e);
    }
  }

  private static Optional<Instant> optionalInstant(ResultSet rs, String column, String nanosColumn)
      throws SQLException {
    return rs.getObject(column) == null ? Optional.empty() : Optional.of(Values.instant(rs, column, nanosColumn));
  }
}
