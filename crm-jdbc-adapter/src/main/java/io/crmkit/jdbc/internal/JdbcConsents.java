package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.consent.Purpose;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@link Consents} over the {@code consent_entry} table, one row per record, its sequence an
 * identity column (a rolled-back append leaves a gap, never a row). {@link #deciding} reads one
 * chunk of {@value ReferenceLookup#CHUNK} customers per query: the newest row per customer of the
 * purpose at or before the instant, by {@code ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY
 * occurred_at DESC, occurred_nanos DESC, entry_seq DESC)}, from the index on {@code (customer_id,
 * purpose, occurred_at, occurred_nanos, entry_seq)}.
 */
final class JdbcConsents implements Consents {
  private static final String COLUMNS = "entry_seq, customer_id, purpose, status, source, evidence, occurred_at,"
      + " occurred_nanos, actor";

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcConsents(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public ConsentRecord append(ConsentEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return connections.write("append a consent entry for customer " + entry.customer(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.consentEntry()
          + " (customer_id, purpose, status, source, evidence, occurred_at, occurred_nanos, actor)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        insert.setObject(1, entry.customer().value());
        insert.setString(2, entry.purpose().name());
        insert.setString(3, entry.status().name());
        insert.setString(4, entry.source().name());
        insert.setString(5, entry.evidence());
        Values.setInstant(insert, 6, entry.occurredAt());
        insert.setString(8, entry.actor());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          if (!keys.next()) {
            throw new CrmStorageException("the database returned no sequence for the consent entry appended to "
                + tables.consentEntry());
          }
          return new ConsentRecord(keys.getLong("entry_seq"), entry);
        }
      }
    });
  }

  @Override
  public List<ConsentRecord> history(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return connections.read("read the consent history of customer " + customer, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
          + tables.consentEntry() + " WHERE customer_id = ? ORDER BY entry_seq")) {
        select.setObject(1, customer.value());
        return list(select);
      }
    });
  }

  @Override
  public Map<CustomerId, ConsentRecord> deciding(Collection<CustomerId> customers, Purpose purpose, Instant at) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
    Set<UUID> distinct = new LinkedHashSet<>();
    for (CustomerId id : customers) {
      distinct.add(Objects.requireNonNull(id, "customer id").value());
    }
    if (distinct.isEmpty() || at.isBefore(Values.MIN_INSTANT)) {
      return Map.of();
    }
    return connections.read("read the " + purpose + " consent of " + distinct.size() + " customers", connection -> {
      Map<CustomerId, ConsentRecord> found = new HashMap<>();
      List<UUID> all = List.copyOf(distinct);
      for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
        List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        try (PreparedStatement select = decidingSql((statement, index) -> statement.setArray(index, array), purpose,
            at).prepare(connection)) {
          list(select).forEach(record -> found.put(record.entry().customer(), record));
        } finally {
          array.free();
        }
      }
      return found;
    });
  }

  /** The query of one chunk of {@link #deciding}: the customers' ids as one array parameter. */
  SqlBuilder decidingSql(Binder ids, Purpose purpose, Instant at) {
    SqlBuilder sql = new SqlBuilder().append("SELECT " + COLUMNS + " FROM (SELECT c.*, ROW_NUMBER() OVER"
        + " (PARTITION BY c.customer_id ORDER BY c.occurred_at DESC, c.occurred_nanos DESC, c.entry_seq DESC)"
        + " AS newest");
    dialect.fromCustomers(sql, tables.consentEntry(), "c", ids);
    sql.append(" AND c.purpose = ").param(Values.text(purpose.name()));
    if (at.isBefore(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "c.occurred_at", "c.occurred_nanos", at.plusNanos(1));
    }
    return sql.append(") deciding WHERE newest = 1");
  }

  /**
   * The records of a query: a row that no longer makes an entry (an unknown status, a blank
   * evidence) is a {@link CrmStorageException} naming its sequence.
   */
  private static List<ConsentRecord> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<ConsentRecord> out = new ArrayList<>();
      while (rs.next()) {
        long sequence = rs.getLong("entry_seq");
        try {
          ConsentEntry entry = new ConsentEntry(CustomerId.of(Values.uuid(rs, "customer_id")),
              Purpose.of(rs.getString("purpose")), ConsentStatus.valueOf(rs.getString("status")),
              ConsentSource.of(rs.getString("source")), rs.getString("evidence"),
              Values.instant(rs, "occurred_at", "occurred_nanos"), rs.getString("actor"));
          out.add(new ConsentRecord(sequence, entry));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new CrmStorageException("consent record " + sequence + " cannot be read as an entry: "
              + e.getMessage(), e);
        }
      }
      return out;
    }
  }
}
