package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.io.imports.ImportCheckpoint;
import io.crmkit.io.imports.ImportCheckpoints;
import io.crmkit.io.imports.ImportTotals;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * {@link ImportCheckpoints} over the {@code import_checkpoint} table: one row per import id,
 * replaced by an upsert ({@link Dialect#upsertSql}) in the caller's transaction, which is the
 * batch's, so a checkpoint commits or rolls back with the rows it counts.
 */
final class JdbcImportCheckpoints implements ImportCheckpoints {
  private static final List<String> COLUMNS = List.of("import_id", "source", "last_row", "finished", "rows_read",
      "inserted", "updated", "unchanged", "merged", "queued", "rejected", "updated_at", "updated_nanos");
  private static final List<String> KEY = List.of("import_id");

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcImportCheckpoints(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public Optional<ImportCheckpoint> find(String importId) {
    Require.notNull(importId, "importId");
    return connections.read("read the checkpoint of import '" + importId + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", COLUMNS) + " FROM "
          + tables.importCheckpoint() + " WHERE import_id = ?")) {
        select.setString(1, importId);
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          ImportTotals totals = new ImportTotals(rs.getLong("rows_read"), rs.getLong("inserted"),
              rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("merged"), rs.getLong("queued"),
              rs.getLong("rejected"));
          return Optional.of(new ImportCheckpoint(rs.getString("import_id"), rs.getString("source"),
              rs.getLong("last_row"), rs.getBoolean("finished"), totals,
              Values.instant(rs, "updated_at", "updated_nanos")));
        }
      }
    });
  }

  @Override
  public void save(ImportCheckpoint checkpoint) {
    Require.notNull(checkpoint, "checkpoint");
    if (!Values.storable(checkpoint.updatedAt())) {
      throw new CrmValidationException("ImportCheckpoint", List.of(new Violation("updatedAt", "storable-instant",
          "must be between years 1 and 9999")));
    }
    connections.write("save the checkpoint of import '" + checkpoint.importId() + "'", connection -> {
      try (PreparedStatement upsert = connection.prepareStatement(
          dialect.upsertSql(tables.importCheckpoint(), COLUMNS, KEY))) {
        ImportTotals totals = checkpoint.totals();
        upsert.setString(1, checkpoint.importId());
        upsert.setString(2, checkpoint.source());
        upsert.setLong(3, checkpoint.lastRow());
        upsert.setBoolean(4, checkpoint.finished());
        upsert.setLong(5, totals.read());
        upsert.setLong(6, totals.inserted());
        upsert.setLong(7, totals.updated());
        upsert.setLong(8, totals.unchanged());
        upsert.setLong(9, totals.merged());
        upsert.setLong(10, totals.queued());
        upsert.setLong(11, totals.rejected());
        Values.setInstant(upsert, 12, checkpoint.updatedAt());
        upsert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean remove(String importId) {
    Require.notNull(importId, "importId");
    return connections.write("remove the checkpoint of import '" + importId + "'", connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.importCheckpoint()
          + " WHERE import_id = ?")) {
        delete.setString(1, importId);
        return delete.executeUpdate() > 0;
      }
    });
  }
}
