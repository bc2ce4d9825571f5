package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Base migration 2.1: writes the lookup keys of the customers stored before version 2 created the
 * lookup table. The keys are {@code LookupKey.of(customer)} (Unicode normalisation, libphonenumber),
 * which SQL cannot compute, so this migration is Java: it reads the customers in id order, a page of
 * {@value #PAGE} at a time, and inserts the keys of each one that has none yet, in the migration's
 * transaction. Running it again does nothing, and a customer written by a version 2 crmkit meanwhile
 * keeps the keys it has.
 */
final class LookupKeyBackfill implements JavaMigration {
  static final MigrationVersion VERSION = MigrationVersion.fromVersion("2.1");
  private static final int PAGE = 1000;

  private final Tables tables;
  private final CustomerCodec codec;

  /** The migration's backfill: customers stored at version 1 predate field protection, so all is clear. */
  LookupKeyBackfill(Tables tables) {
    this(tables, new CustomerCodec());
  }

  /** A backfill that reads and keys customers as {@code codec} does (blind indexes where it protects). */
  LookupKeyBackfill(Tables tables, CustomerCodec codec) {
    this.tables = tables;
    this.codec = codec;
  }

  @Override
  public MigrationVersion getVersion() {
    return VERSION;
  }

  @Override
  public String getDescription() {
    return "customer lookup keys of customers stored before version 2";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    backfill(context.getConnection());
  }

  /** Writes the keys of every customer without any; returns how many customers got keys. */
  int backfill(Connection connection) throws SQLException {
    String select = "SELECT " + CustomerCodec.columns(CriteriaSql.ALIAS) + " FROM " + tables.customer() + " "
        + CriteriaSql.ALIAS + " WHERE " + CriteriaSql.ALIAS + ".id > ? AND NOT EXISTS (SELECT 1 FROM "
        + tables.lookup() + " k WHERE k.customer_id = " + CriteriaSql.ALIAS + ".id) ORDER BY "
        + CriteriaSql.ALIAS + ".id LIMIT " + PAGE;
    String first = select.replace(CriteriaSql.ALIAS + ".id > ? AND ", "");
    int written = 0;
    CustomerId after = null;
    while (true) {
      List<Customer> page = new ArrayList<>(PAGE);
      try (PreparedStatement statement = connection.prepareStatement(after == null ? first : select)) {
        if (after != null) {
          statement.setObject(1, after.value());
        }
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            page.add(codec.read(rs));
          }
        }
      }
      CustomerRows.insertLookupKeys(connection, tables, codec, page);
      written += page.size();
      if (page.size() < PAGE) {
        return written;
      }
      after = page.get(page.size() - 1).id();
    }
  }
}
