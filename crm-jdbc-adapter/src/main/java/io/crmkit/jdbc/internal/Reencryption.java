package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Key rotation for stored ciphertexts: walks a table in id order, a page at a time, each page in a
 * transaction of its own with its rows locked ({@code FOR UPDATE}), and re-encrypts every row that
 * holds a ciphertext not under its field's current key. Versions and timestamps stay: re-encryption
 * changes how a value is kept, not the customer. Running it again re-encrypts nothing.
 */
final class Reencryption {
  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;
  private final CustomerCodec codec;

  Reencryption(Connections connections, Tables tables, Dialect dialect, CustomerCodec codec) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
    this.codec = codec;
  }

  /** What one page did, and where the next starts ({@code last}, null when the table is done). */
  record Page(int examined, int reencrypted, UUID last) {}

  /** Counts over every page of {@link #customers} and, if asked, {@link #merges}. */
  JdbcAdapters.ReencryptionCounts run(int batchSize, boolean merges) {
    Require.inRange(batchSize, 1, 10_000, "batchSize");
    long[] customers = all(after -> customers(after, batchSize));
    long[] lineage = merges ? all(after -> merges(after, batchSize)) : new long[2];
    return new JdbcAdapters.ReencryptionCounts(customers[0], customers[1], lineage[0], lineage[1]);
  }

  private interface PageWork {
    Page next(UUID after);
  }

  private static long[] all(PageWork work) {
    long[] counts = new long[2];
    UUID after = null;
    do {
      Page page = work.next(after);
      counts[0] += page.examined();
      counts[1] += page.reencrypted();
      after = page.last();
    } while (after != null);
    return counts;
  }

  /** One page of customers after {@code after} (from the start if null). */
  Page customers(UUID after, int batchSize) {
    String select = "SELECT id, details FROM " + tables.customer() + (after == null ? "" : " WHERE id > ?")
        + " ORDER BY id LIMIT " + batchSize + " FOR UPDATE";
    return connections.write("re-encrypt a page of " + batchSize + " customers", connection -> {
      List<UUID> ids = new ArrayList<>();
      List<String> documents = new ArrayList<>();
      read(connection, select, after, "id", ids, documents);
      int reencrypted = 0;
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.customer()
          + " SET details = " + dialect.jsonParameter() + " WHERE id = ?")) {
        for (int i = 0; i < ids.size(); i++) {
          CustomerId id = CustomerId.of(ids.get(i));
          ObjectNode details = codec.storedDetails(documents.get(i), id);
          if (codec.protection().reseal(details, id)) {
            update.setString(1, codec.json(details));
            update.setObject(2, id.value());
            update.executeUpdate();
            reencrypted++;
          }
        }
      }
      return new Page(ids.size(), reencrypted, ids.size() < batchSize ? null : ids.get(ids.size() - 1));
    });
  }

  /** One page of recorded merges after {@code after} (from the start if null). */
  Page merges(UUID after, int batchSize) {
    String select = "SELECT merge_id, document FROM " + tables.mergeLineage()
        + (after == null ? "" : " WHERE merge_id > ?") + " ORDER BY merge_id LIMIT " + batchSize + " FOR UPDATE";
    return connections.write("re-encrypt a page of " + batchSize + " merges", connection -> {
      List<UUID> ids = new ArrayList<>();
      List<String> documents = new ArrayList<>();
      read(connection, select, after, "merge_id", ids, documents);
      int reencrypted = 0;
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + tables.mergeLineage() + " SET document = ? WHERE merge_id = ?")) {
        for (int i = 0; i < ids.size(); i++) {
          Optional<String> resealed = JdbcMergeLineage.reseal(documents.get(i), codec.protection());
          if (resealed.isPresent()) {
            update.setString(1, resealed.get());
            update.setObject(2, ids.get(i));
            update.executeUpdate();
            reencrypted++;
          }
        }
      }
      return new Page(ids.size(), reencrypted, ids.size() < batchSize ? null : ids.get(ids.size() - 1));
    });
  }

  private static void read(Connection connection, String select, UUID after, String idColumn, List<UUID> ids,
      List<String> documents) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      if (after != null) {
        statement.setObject(1, after);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(Values.uuid(rs, idColumn));
          documents.add(rs.getString(2));
        }
      }
    }
  }
}
