package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditChain;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.audit.AuditVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link AuditLog} over the {@code audit_log} table (one row per record, primary key {@code
 * entry_seq}) and the one-row {@code audit_chain_head} (the last sequence and hash). An append
 * locks the head row ({@code SELECT ... FOR UPDATE}) in the caller's transaction, inserts the
 * record after it and moves the head: concurrent appends wait for each other's commit, so they
 * form one chain at read-committed isolation (the default of both databases; under PostgreSQL's
 * repeatable read or serializable a waiting append fails with a serialization error instead, and
 * the host retries it). A rollback undoes the row and the head together. Verification and {@link
 * #stream} read keyset pages by sequence, so they never hold the whole log in memory.
 */
final class JdbcAuditLog implements AuditLog {
  /** Records per page when verifying or streaming. */
  static final int PAGE = 1000;
  private static final String COLUMNS = "entry_seq, actor, action, customer_id, target, occurred_at, occurred_nanos,"
      + " reason, previous_hash, entry_hash";

  private final Connections connections;
  private final Tables tables;

  JdbcAuditLog(Connections connections, Tables tables) {
    this.connections = connections;
    this.tables = tables;
  }

  @Override
  public AuditRecord append(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return connections.write("append an audit entry", connection -> {
      Head head = lockHead(connection);
      AuditRecord record = AuditChain.next(entry, head.sequence(), head.hash());
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.auditLog() + " (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, record.sequence());
        insert.setString(2, entry.actor());
        insert.setString(3, entry.action().name());
        insert.setObject(4, entry.customer().map(CustomerId::value).orElse(null));
        insert.setString(5, entry.target());
        Values.setInstant(insert, 6, entry.occurredAt());
        insert.setString(8, entry.reason());
        insert.setString(9, record.previousHash());
        insert.setString(10, record.hash());
        insert.executeUpdate();
      }
      try (PreparedStatement move = connection.prepareStatement("UPDATE " + tables.auditChainHead()
          + " SET last_sequence = ?, last_hash = ? WHERE chain_id = 1")) {
        move.setLong(1, record.sequence());
        move.setString(2, record.hash());
        move.executeUpdate();
      }
      return record;
    });
  }

  /** The chain's head as its row holds it: 0 and the genesis hash for an empty chain. */
  private record Head(long sequence, String hash) {}

  /** Locks the head row until the transaction ends and reads it. */
  private Head lockHead(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT last_sequence, last_hash FROM "
        + tables.auditChainHead() + " WHERE chain_id = 1 FOR UPDATE"); ResultSet rs = lock.executeQuery()) {
      if (!rs.next()) {
        throw new CrmStorageException("The audit chain's head row is missing from " + tables.auditChainHead()
            + "; was the privacy schema migrated?");
      }
      return new Head(rs.getLong(1), rs.getString(2));
    }
  }

  @Override
  public Optional<AuditRecord> head() {
    return connections.read("read the audit chain's head", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.auditLog()
          + " ORDER BY entry_seq DESC LIMIT 1")) {
        List<AuditRecord> found = list(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public List<AuditRecord> forCustomer(CustomerId customer, TimeRange range) {
    Objects.requireNonNull(customer, "customer");
    return select("read the audit entries of customer " + customer,
        new SqlBuilder().append("customer_id = ").param(Values.uuid(customer.value())), range);
  }

  @Override
  public List<AuditRecord> inRange(TimeRange range) {
    return select("read audit entries", new SqlBuilder().append("1 = 1"), range);
  }

  @Override
  public Stream<AuditRecord> stream() {
    return KeysetPages.stream(PAGE, last -> page("read the audit log", last == null ? 0 : last.sequence()));
  }

  @Override
  public AuditVerification verify() {
    AuditChain.Verifier verifier = AuditChain.verifier();
    long after = 0;
    while (true) {
      List<AuditRecord> page = page("verify the audit chain", after);
      for (AuditRecord record : page) {
        // Read by ascending primary key: a sequence never comes back, so nothing appears later.
        if (verifier.accept(record, sequence -> false).isPresent()) {
          return verifier.result();
        }
      }
      if (page.size() < PAGE) {
        return verifier.result();
      }
      after = page.get(page.size() - 1).sequence();
    }
  }

  /** Up to {@link #PAGE} records after sequence {@code after}, in chain order. */
  private List<AuditRecord> page(String operation, long after) {
    return connections.read(operation, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.auditLog()
          + " WHERE entry_seq > ? ORDER BY entry_seq LIMIT " + PAGE)) {
        select.setLong(1, after);
        return list(select);
      }
    });
  }

  private List<AuditRecord> select(String operation, SqlBuilder condition, TimeRange range) {
    Objects.requireNonNull(range, "range");
    SqlBuilder sql = new SqlBuilder().append("SELECT " + COLUMNS + " FROM " + tables.auditLog() + " WHERE ")
        .append(condition);
    if (!range.from().isBefore(Values.MIN_INSTANT)) {
      InstantConditions.atOrAfter(sql.append(" AND "), "occurred_at", "occurred_nanos", range.from());
    }
    if (!range.to().isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "occurred_at", "occurred_nanos", range.to());
    }
    SqlBuilder ordered = sql.append(" ORDER BY entry_seq");
    return connections.read(operation, connection -> {
      try (PreparedStatement select = ordered.prepare(connection)) {
        return list(select);
      }
    });
  }

  /**
   * The records of a query, as stored: a row that no longer makes a valid entry (a blank actor, an
   * unknown action) is a {@link CrmStorageException} naming its sequence, since it was tampered with.
   */
  private static List<AuditRecord> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<AuditRecord> out = new ArrayList<>();
      while (rs.next()) {
        long sequence = rs.getLong("entry_seq");
        try {
          UUID customer = Values.uuid(rs, "customer_id");
          AuditEntry entry = new AuditEntry(rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
              Optional.ofNullable(customer).map(CustomerId::of), rs.getString("target"),
              Values.instant(rs, "occurred_at", "occurred_nanos"), rs.getString("reason"));
          out.add(new AuditRecord(sequence, entry, rs.getString("previous_hash"), rs.getString("entry_hash")));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new CrmStorageException("audit record " + sequence + " cannot be read as an entry: " + e.getMessage(), e);
        }
      }
      return out;
    }
  }
}
