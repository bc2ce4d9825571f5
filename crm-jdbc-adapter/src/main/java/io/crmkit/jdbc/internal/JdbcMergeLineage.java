package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergedRecord;
import io.crmkit.core.json.CrmJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * {@link MergeLineage} over the {@code merge_lineage} table (one row per merge, the merge as a JSON
 * text document written with {@link CrmJson}, which reads back equal) and the {@code merge_member}
 * table (one row per merged customer, for {@link #involving}). Marking a merge undone rewrites its
 * document under the row's lock.
 *
 * <p>With field protection, the protected values of every merged record's {@code before} snapshot
 * are ciphertext bound to that customer's id, exactly as in the customer table, so a merge keeps no
 * clear copy of what the customer row encrypts; the blocking keys it records are the index's
 * (blind) stored forms.
 */
final class JdbcMergeLineage implements MergeLineage {
  /** Merges per page when streaming. */
  static final int STREAM_PAGE = 500;
  /** Reads decimals as written: the snapshots go through a tree, where a double would round a number attribute. */
  private static final ObjectMapper MAPPER =
      CrmJson.newMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final Connections connections;
  private final Tables tables;
  private final CustomerProtection protection;

  JdbcMergeLineage(Connections connections, Tables tables, CustomerProtection protection) {
    this.connections = connections;
    this.tables = tables;
    this.protection = protection;
  }

  @Override
  public void record(Merge merge) {
    recordAll(List.of(Objects.requireNonNull(merge, "merge")));
  }

  /**
   * Checks which merges are recorded already (an equal one is skipped, a different one refused),
   * then inserts the rest in batches.
   */
  @Override
  public void recordAll(List<Merge> merges) {
    merges.forEach(merge -> Objects.requireNonNull(merge, "merge"));
    if (merges.isEmpty()) {
      return;
    }
    Map<UUID, String> documents = new LinkedHashMap<>();
    merges.forEach(merge -> documents.put(merge.id(), json(merge)));
    connections.write(merges.size() == 1 ? "record merge " + merges.get(0).id() : "record " + merges.size() + " merges",
        connection -> {
          List<Merge> fresh = new ArrayList<>(merges.size());
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT document FROM " + tables.mergeLineage() + " WHERE merge_id = ?")) {
            Map<UUID, Merge> listed = new HashMap<>();
            for (Merge merge : merges) {
              Merge earlier = listed.putIfAbsent(merge.id(), merge);
              Optional<Merge> known = earlier != null ? Optional.of(earlier) : read(select, merge.id());
              if (known.isPresent() && !known.get().equals(merge)) {
                throw new DuplicateKeyException(merge.id().toString(),
                    "A different merge " + merge.id() + " was recorded");
              }
              if (known.isEmpty()) {
                fresh.add(merge);
              }
            }
          }
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.mergeLineage()
              + " (merge_id, survivor_id, merged_at, merged_nanos, undone, document) VALUES (?, ?, ?, ?, ?, ?)");
              PreparedStatement member = connection.prepareStatement(
                  "INSERT INTO " + tables.mergeMember() + " (customer_id, merge_id) VALUES (?, ?)")) {
            CustomerRows.Batch lineage = new CustomerRows.Batch(insert);
            for (Merge merge : fresh) {
              insert.setObject(1, merge.id());
              insert.setObject(2, merge.survivorId().value());
              Values.setInstant(insert, 3, merge.mergedAt());
              insert.setBoolean(5, merge.undone().isPresent());
              insert.setString(6, documents.get(merge.id()));
              lineage.add();
            }
            // Every lineage row before any member row: a member's foreign key needs its merge stored.
            lineage.finish();
            CustomerRows.Batch members = new CustomerRows.Batch(member);
            for (Merge merge : fresh) {
              for (MergedRecord record : merge.records()) {
                member.setObject(1, record.before().id().value());
                member.setObject(2, merge.id());
                members.add();
              }
            }
            members.finish();
          }
          return null;
        });
  }

  @Override
  public Optional<Merge> find(UUID mergeId) {
    Objects.requireNonNull(mergeId, "mergeId");
    return connections.read("find merge " + mergeId, connection -> read(connection, mergeId, false));
  }

  @Override
  public List<Merge> involving(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return connections.read("find the merges of customer " + customerId, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT l.document FROM " + tables.mergeMember()
          + " m JOIN " + tables.mergeLineage() + " l ON l.merge_id = m.merge_id WHERE m.customer_id = ?"
          + " ORDER BY l.merged_at, l.merged_nanos, l.merge_id")) {
        select.setObject(1, customerId.value());
        return documents(select);
      }
    });
  }

  @Override
  public Merge markUndone(UUID mergeId, Merge.Undo undo) {
    Objects.requireNonNull(mergeId, "mergeId");
    Objects.requireNonNull(undo, "undo");
    return connections.write("mark merge " + mergeId + " undone", connection -> {
      Merge known = read(connection, mergeId, true).orElse(null);
      Require.argument(known != null, "no merge %s was recorded", mergeId);
      Require.state(known.undone().isEmpty(), "merge %s was undone already", mergeId);
      Merge undone = known.withUndone(undo);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + tables.mergeLineage() + " SET undone = ?, document = ? WHERE merge_id = ?")) {
        update.setBoolean(1, true);
        update.setString(2, json(undone));
        update.setObject(3, mergeId);
        update.executeUpdate();
      }
      return undone;
    });
  }

  @Override
  public void redact(Merge redacted) {
    Objects.requireNonNull(redacted, "redacted");
    connections.write("redact merge " + redacted.id(), connection -> {
      Merge known = read(connection, redacted.id(), true).orElse(null);
      Require.argument(known != null, "no merge %s was recorded", redacted.id());
      Require.argument(customers(known).equals(customers(redacted)),
          "a redacted merge names the same customers in the same order as merge %s", redacted.id());
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + tables.mergeLineage() + " SET undone = ?, document = ? WHERE merge_id = ?")) {
        update.setBoolean(1, redacted.undone().isPresent());
        update.setString(2, json(redacted));
        update.setObject(3, redacted.id());
        update.executeUpdate();
      }
      return null;
    });
  }

  private static List<CustomerId> customers(Merge merge) {
    return merge.records().stream().map(r -> r.before().id()).toList();
  }

  private Optional<Merge> read(Connection connection, UUID mergeId, boolean lock) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT document FROM " + tables.mergeLineage()
        + " WHERE merge_id = ?" + (lock ? " FOR UPDATE" : ""))) {
      return read(select, mergeId);
    }
  }

  /** The merge {@code select} (by {@code merge_id}, the document first) finds. */
  private Optional<Merge> read(PreparedStatement select, UUID mergeId) throws SQLException {
    select.setObject(1, mergeId);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? Optional.of(merge(rs.getString(1))) : Optional.empty();
    }
  }

  private String json(Merge merge) {
    try {
      ObjectNode document = MAPPER.valueToTree(merge);
      snapshots(document, protection::seal);
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CrmStorageException("Writing merge " + merge.id() + " as JSON failed: " + e.getMessage(), e);
    }
  }

  private Merge merge(String json) {
    try {
      JsonNode document = MAPPER.readTree(json);
      if (document instanceof ObjectNode object) {
        snapshots(object, protection::open);
      }
      return MAPPER.treeToValue(document, Merge.class);
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Reading a stored merge failed: " + e.getMessage(), e);
    }
  }

  /**
   * Re-encrypts the stale ciphertexts of a stored merge document (see {@link
   * CustomerProtection#reseal}); returns the new document, or empty if every ciphertext is current.
   */
  static Optional<String> reseal(String json, CustomerProtection protection) {
    try {
      JsonNode document = MAPPER.readTree(json);
      boolean[] changed = {false};
      if (document instanceof ObjectNode object) {
        snapshots(object, (snapshot, id) -> changed[0] |= protection.reseal(snapshot, id));
      }
      return changed[0] ? Optional.of(MAPPER.writeValueAsString(document)) : Optional.empty();
    } catch (JsonProcessingException e) {
      throw new CrmStorageException("Reading a stored merge failed: " + e.getMessage(), e);
    }
  }

  /** Applies {@code action} to each merged record's {@code before} snapshot with its customer's id. */
  private static void snapshots(ObjectNode document, BiConsumer<ObjectNode, CustomerId> action)
      throws JsonProcessingException {
    for (JsonNode record : document.path("records")) {
      if (record.get("before") instanceof ObjectNode before) {
        action.accept(before, MAPPER.treeToValue(before.get("id"), CustomerId.class));
      }
    }
  }

  @Override
  public List<Merge> all() {
    return connections.read("read every merge", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT document FROM " + tables.mergeLineage())) {
        return documents(select);
      }
    });
  }

  @Override
  public Stream<Merge> stream() {
    return KeysetPages.stream(STREAM_PAGE, last -> connections.read("read the merges", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT document FROM " + tables.mergeLineage()
          + (last == null ? "" : " WHERE merge_id > ?") + " ORDER BY merge_id LIMIT " + STREAM_PAGE)) {
        if (last != null) {
          select.setObject(1, last.id());
        }
        return documents(select);
      }
    }));
  }

  /** The merges a query of {@code document} selects, in its order. */
  private List<Merge> documents(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<Merge> merges = new ArrayList<>();
      while (rs.next()) {
        merges.add(merge(rs.getString(1)));
      }
      return merges;
    }
  }
}
