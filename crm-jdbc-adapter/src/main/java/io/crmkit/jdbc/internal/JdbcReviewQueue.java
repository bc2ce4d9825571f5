package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.review.ReviewQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ReviewQueue} over the {@code review_pair} table: one row per pair in its one order,
 * waiting while {@code verdict} is null. Queueing inserts unless the pair has a row ({@link
 * Dialect#insertIfAbsent}, which leaves the transaction usable); deciding locks the pair's row and
 * sets the decision, or inserts a decided row for a pair that never waited. The explanation is a
 * JSON text array of field scores, read back equal.
 */
final class JdbcReviewQueue implements ReviewQueue {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<FieldScore>> SCORES = new TypeReference<>() {};
  private static final List<String> QUEUE_COLUMNS =
      List.of("left_id", "right_id", "probability", "explanation", "queued_at", "queued_nanos");
  private static final List<String> DECISION_COLUMNS =
      List.of("left_id", "right_id", "verdict", "decided_by", "decided_at", "decided_nanos");
  private static final List<String> KEY = List.of("left_id", "right_id");

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcReviewQueue(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public boolean enqueue(ReviewItem item) {
    Objects.requireNonNull(item, "item");
    checkStorable("ReviewItem", "queuedAt", item.queuedAt());
    String explanation = json(item.explanation());
    return connections.write("queue pair " + item.leftId() + " / " + item.rightId(), connection ->
        dialect.insertIfAbsent(connection, tables.reviewPair(), QUEUE_COLUMNS, KEY, List.of(
            Values.text(item.leftId()), Values.text(item.rightId()),
            (statement, index) -> statement.setDouble(index, item.probability()), Values.text(explanation),
            Values.timestamp(item.queuedAt()), Values.nanos(item.queuedAt()))));
  }

  @Override
  public List<ReviewItem> pending(int limit) {
    Require.positive(limit, "limit");
    return connections.read("read the review queue", connection -> {
      try (PreparedStatement select = connection.prepareStatement(pendingSql())) {
        select.setInt(1, limit);
        return items(select);
      }
    });
  }

  /** The SQL of {@link #pending(int)}, the limit its one parameter, for EXPLAIN tests. */
  String pendingSql() {
    return "SELECT * FROM " + tables.reviewPair() + " WHERE verdict IS NULL ORDER BY probability DESC, "
        + dialect.codePointOrder("left_id") + ", " + dialect.codePointOrder("right_id") + " LIMIT ?";
  }

  @Override
  public long pendingCount() {
    return connections.read("count the review queue", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT COUNT(*) FROM " + tables.reviewPair() + " WHERE verdict IS NULL");
          ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public Optional<ReviewItem> pending(String oneId, String otherId) {
    String[] pair = ordered(oneId, otherId);
    return connections.read("read pair " + pair[0] + " / " + pair[1], connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT * FROM " + tables.reviewPair() + " WHERE left_id = ? AND right_id = ? AND verdict IS NULL")) {
        select.setString(1, pair[0]);
        select.setString(2, pair[1]);
        List<ReviewItem> found = items(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public void decide(ReviewDecision decision) {
    Objects.requireNonNull(decision, "decision");
    checkStorable("ReviewDecision", "decidedAt", decision.decidedAt());
    StorageGuard.checkQueryText("decidedBy", decision.decidedBy());
    connections.write("decide pair " + decision.leftId() + " / " + decision.rightId(), connection -> {
      Optional<Row> row = row(connection, decision.leftId(), decision.rightId(), true);
      if (row.isEmpty()) {
        if (dialect.insertIfAbsent(connection, tables.reviewPair(), DECISION_COLUMNS, KEY, List.of(
            Values.text(decision.leftId()), Values.text(decision.rightId()), Values.text(decision.verdict().name()),
            Values.text(decision.decidedBy()), Values.timestamp(decision.decidedAt()),
            Values.nanos(decision.decidedAt())))) {
          return null;
        }
        row = row(connection, decision.leftId(), decision.rightId(), true);
      }
      Optional<ReviewDecision> known = row.flatMap(Row::decision);
      if (known.isPresent()) {
        if (!known.get().equals(decision)) {
          throw new AlreadyDecidedException(known.get());
        }
        return null;
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.reviewPair()
          + " SET verdict = ?, decided_by = ?, decided_at = ?, decided_nanos = ? WHERE left_id = ? AND right_id = ?")) {
        update.setString(1, decision.verdict().name());
        update.setString(2, decision.decidedBy());
        Values.setInstant(update, 3, decision.decidedAt());
        update.setString(5, decision.leftId());
        update.setString(6, decision.rightId());
        update.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<ReviewDecision> decision(String oneId, String otherId) {
    String[] pair = ordered(oneId, otherId);
    return connections.read("read the decision on pair " + pair[0] + " / " + pair[1],
        connection -> row(connection, pair[0], pair[1], false).flatMap(Row::decision));
  }

  /** A stored pair: waiting ({@code item}), decided ({@code decision}), or decided after waiting. */
  private record Row(Optional<ReviewItem> item, Optional<ReviewDecision> decision) {}

  private Optional<Row> row(Connection connection, String left, String right, boolean lock) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + tables.reviewPair()
        + " WHERE left_id = ? AND right_id = ?" + (lock ? " FOR UPDATE" : ""))) {
      select.setString(1, left);
      select.setString(2, right);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String verdict = rs.getString("verdict");
        Optional<ReviewDecision> decision = verdict == null ? Optional.empty() : Optional.of(new ReviewDecision(
            left, right, ReviewDecision.Verdict.valueOf(verdict), rs.getString("decided_by"),
            Values.instant(rs, "decided_at", "decided_nanos")));
        return Optional.of(new Row(item(rs), decision));
      }
    }
  }

  private List<ReviewItem> items(PreparedStatement select) throws SQLException {
    List<ReviewItem> items = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        item(rs).ifPresent(items::add);
      }
    }
    return items;
  }

  private static Optional<ReviewItem> item(ResultSet rs) throws SQLException {
    double probability = rs.getDouble("probability");
    if (rs.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(new ReviewItem(rs.getString("left_id"), rs.getString("right_id"), probability,
        scores(rs.getString("explanation")), Values.instant(rs, "queued_at", "queued_nanos")));
  }

  private static String[] ordered(String oneId, String otherId) {
    Objects.requireNonNull(oneId, "oneId");
    Objects.requireNonNull(otherId, "otherId");
    StorageGuard.checkQueryText("oneId", oneId);
    StorageGuard.checkQueryText("otherId", otherId);
    return oneId.compareTo(otherId) <= 0 ? new String[] {oneId, otherId} : new String[] {otherId, oneId};
  }

  private static void checkStorable(String entity, String path, Instant instant) {
    if (!Values.storable(instant)) {
      throw new CrmValidationException(entity, List.of(new Violation(path, "storable-instant",
          "must lie in the years 1 to 9999, which the database stores")));
    }
  }

  private static String json(List<FieldScore> scores) {
    try {
      return MAPPER.writeValueAsString(scores);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Writing a review explanation as JSON failed: " + e.getMessage(), e);
    }
  }

  private static List<FieldScore> scores(String json) {
    try {
      return MAPPER.readValue(json, SCORES);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Reading a stored review explanation failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<ReviewDecision> decisions() {
    return connections.read("read every review decision", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT left_id, right_id, verdict, decided_by,"
          + " decided_at, decided_nanos FROM " + tables.reviewPair() + " WHERE verdict IS NOT NULL");
          ResultSet rs = select.executeQuery()) {
        List<ReviewDecision> found = new ArrayList<>();
        while (rs.next()) {
          found.add(new ReviewDecision(rs.getString("left_id"), rs.getString("right_id"),
              ReviewDecision.Verdict.valueOf(rs.getString("verdict")), rs.getString("decided_by"),
              Values.instant(rs, "decided_at", "decided_nanos")));
        }
        return found;
      }
    });
  }
}
