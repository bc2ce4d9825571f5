package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.dimension.review.CodeRequest.Decision;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.dimension.review.CodeRequests.AlreadyDecidedException;
import io.crmkit.core.dimension.review.CodeRequests.CodeRequestNotFoundException;
import io.crmkit.core.dimension.review.CodeRequests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link CodeRequests} over the {@code code_request} table. A decision is a compare-and-set
 * ({@code UPDATE ... WHERE id = ? AND outcome IS NULL}), so of reviewers deciding at once exactly
 * one changes the row; one pending request per code is a unique index (see {@link
 * Dialect#pendingCodeColumn}). Labels are stored as a JSON object in their order. Text the
 * database cannot store is rejected with {@link CrmValidationException} before any SQL runs;
 * lookups by such text find nothing.
 */
final class JdbcCodeRequests implements CodeRequests {
  private static final TypeReference<LinkedHashMap<String, String>> LABELS = new TypeReference<>() {};

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;
  private final ObjectMapper mapper = new ObjectMapper();

  JdbcCodeRequests(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public void add(CodeRequest request) {
    Objects.requireNonNull(request, "request");
    Require.argument(request.status() == CodeRequest.Status.PENDING,
        "request %s is already decided; add pending requests only", request.id());
    List<Violation> problems = StorageGuard.violations(request);
    if (!problems.isEmpty()) {
      throw new CrmValidationException("CodeRequest", problems);
    }
    String labels = labelsJson(request.labels());
    StorageGuard.checkJsonLength("CodeRequest", "labels", labels, dialect.maxJsonChars());
    connections.write("add code request " + request.id(), connection -> {
      if (byId(connection, request.id()).isPresent()) {
        throw new DuplicateKeyException(request.id().toString(), "code request " + request.id() + " exists already");
      }
      Optional<CodeRequest> pending = pending(connection, request.schemeId(), request.code());
      if (pending.isPresent()) {
        throw pendingClash(request, "is already pending in request " + pending.get().id());
      }
      insert(connection, request, labels);
      return null;
    });
  }

  @Override
  public Optional<CodeRequest> findById(CodeRequestId id) {
    Objects.requireNonNull(id, "id");
    return connections.read("find code request " + id, connection -> byId(connection, id));
  }

  @Override
  public Optional<CodeRequest> findPending(String schemeId, String code) {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(code, "code");
    if (!storable(schemeId) || !storable(code)) {
      return Optional.empty();
    }
    return connections.read("find the pending code request for " + schemeId + " " + code,
        connection -> pending(connection, schemeId, code));
  }

  @Override
  public CodeRequest decide(CodeRequestId id, Decision decision) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(decision, "decision");
    List<Violation> problems = StorageGuard.violations(decision);
    if (!problems.isEmpty()) {
      throw new CrmValidationException("CodeRequest.Decision", problems);
    }
    return connections.write("decide code request " + id, connection -> {
      CodeRequest current = byId(connection, id).orElseThrow(() -> new CodeRequestNotFoundException(id));
      if (current.status() != CodeRequest.Status.PENDING) {
        throw new AlreadyDecidedException(current);
      }
      CodeRequest decided = current.withDecision(decision);
      StringBuilder sql = new StringBuilder("UPDATE ").append(tables.codeRequest())
          .append(" SET outcome = ?, decided_by = ?, decided_at = ?, decided_nanos = ?, decision_reason = ?");
      if (dialect.pendingCodeColumn()) {
        sql.append(", pending_code = NULL");
      }
      sql.append(" WHERE id = ? AND outcome IS NULL");
      try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
        update.setString(1, decision.outcome().name());
        update.setString(2, decision.decidedBy());
        Values.setInstant(update, 3, decision.decidedAt());
        Values.setText(update, 5, decision.reason().orElse(null));
        update.setObject(6, id.value());
        if (update.executeUpdate() == 0) {
          throw new AlreadyDecidedException(byId(connection, id).orElseThrow(() -> new CodeRequestNotFoundException(id)));
        }
      }
      return decided;
    });
  }

  @Override
  public List<CodeRequest> find(String schemeId, Set<CodeRequest.Status> statuses) {
    Objects.requireNonNull(schemeId, "schemeId");
    Set<CodeRequest.Status> wanted = Set.copyOf(statuses);
    if (wanted.isEmpty() || !storable(schemeId)) {
      return List.of();
    }
    SqlBuilder sql = findSql(schemeId, wanted);
    return connections.read("list code requests of " + schemeId, connection -> {
      try (PreparedStatement select = sql.prepare(connection); ResultSet rs = select.executeQuery()) {
        List<CodeRequest> found = new ArrayList<>();
        while (rs.next()) {
          found.add(read(rs));
        }
        return found;
      }
    });
  }

  /** The query of {@link #find}, for EXPLAIN tests. */
  SqlBuilder findSql(String schemeId, Set<CodeRequest.Status> wanted) {
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(tables.codeRequest())
        .append(" WHERE scheme_id = ").param(Values.text(schemeId)).append(" AND (");
    String or = "";
    for (CodeRequest.Status status : CodeRequest.Status.values()) {
      if (!wanted.contains(status)) {
        continue;
      }
      sql.append(or);
      if (status == CodeRequest.Status.PENDING) {
        sql.append("outcome IS NULL");
      } else {
        sql.append("outcome = ").param(Values.text(status.name()));
      }
      or = " OR ";
    }
    return sql.append(") ORDER BY requested_at, requested_nanos, id");
  }

  /** The query of {@link #findPending}: scheme id, then code. For EXPLAIN tests too. */
  String pendingSql() {
    String condition = dialect.pendingCodeColumn() ? "pending_code = ?" : "code = ? AND outcome IS NULL";
    return "SELECT * FROM " + tables.codeRequest() + " WHERE scheme_id = ? AND " + condition;
  }

  private void insert(Connection connection, CodeRequest request, String labels) throws SQLException {
    String columns = "id, scheme_id, code, labels, parent_code, origin, requested_by, requested_at, requested_nanos, note";
    int count = 10;
    if (dialect.pendingCodeColumn()) {
      columns += ", pending_code";
      count++;
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.codeRequest()
        + " (" + columns + ") VALUES (" + Dialect.placeholders(count) + ")")) {
      insert.setObject(1, request.id().value());
      insert.setString(2, request.schemeId());
      insert.setString(3, request.code());
      insert.setString(4, labels);
      Values.setText(insert, 5, request.parent().orElse(null));
      insert.setString(6, request.origin().name());
      insert.setString(7, request.requestedBy());
      Values.setInstant(insert, 8, request.requestedAt());
      Values.setText(insert, 10, request.note().orElse(null));
      if (dialect.pendingCodeColumn()) {
        insert.setString(11, request.code());
      }
      insert.executeUpdate();
    } catch (SQLException e) {
      if (Dialect.isUniqueViolation(e)) {
        throw pendingClash(request, "or request id " + request.id() + " was added concurrently");
      }
      throw e;
    }
  }

  private Optional<CodeRequest> byId(Connection connection, CodeRequestId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT * FROM " + tables.codeRequest() + " WHERE id = ?")) {
      select.setObject(1, id.value());
      return first(select);
    }
  }

  private Optional<CodeRequest> pending(Connection connection, String schemeId, String code) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(pendingSql())) {
      select.setString(1, schemeId);
      select.setString(2, code);
      return first(select);
    }
  }

  private Optional<CodeRequest> first(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  private CodeRequest read(ResultSet rs) throws SQLException {
    CodeRequest.Builder builder = new CodeRequest.Builder();
    builder.id(CodeRequestId.of(Values.uuid(rs, "id")))
        .schemeId(rs.getString("scheme_id"))
        .code(rs.getString("code"))
        .labels(labels(rs.getString("labels")))
        .parent(Optional.ofNullable(rs.getString("parent_code")))
        .origin(CodeRequest.Origin.valueOf(rs.getString("origin")))
        .requestedBy(rs.getString("requested_by"))
        .requestedAt(Values.instant(rs, "requested_at", "requested_nanos"))
        .note(Optional.ofNullable(rs.getString("note")));
    String outcome = rs.getString("outcome");
    if (outcome != null) {
      builder.decision(new Decision(Decision.Outcome.valueOf(outcome), rs.getString("decided_by"),
          Values.instant(rs, "decided_at", "decided_nanos"), Optional.ofNullable(rs.getString("decision_reason"))));
    }
    return builder.build();
  }

  private String labelsJson(Labels labels) {
    try {
      return mapper.writeValueAsString(labels.texts());
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Could not write code request labels as JSON", e);
    }
  }

  private Labels labels(String json) {
    try {
      return new Labels(mapper.readValue(json, LABELS));
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Stored code request labels are not a JSON object of texts: "
          + e.getOriginalMessage(), e);
    }
  }

  private static DuplicateKeyException pendingClash(CodeRequest request, String detail) {
    return new DuplicateKeyException(request.schemeId() + ":" + request.code(),
        "code " + request.code() + " of scheme " + request.schemeId() + " " + detail);
  }

  private static boolean storable(String text) {
    return StorageGuard.unstorableAt(text) < 0;
  }

  @Override
  public List<CodeRequest> all() {
    return connections.read("read every code request", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + tables.codeRequest());
          ResultSet rs = select.executeQuery()) {
        List<CodeRequest> found = new ArrayList<>();
        while (rs.next()) {
          found.add(read(rs));
        }
        return found;
      }
    });
  }
}
