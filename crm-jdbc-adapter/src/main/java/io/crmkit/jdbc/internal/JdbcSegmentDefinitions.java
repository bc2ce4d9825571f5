package io.crmkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.json.CrmJson;
import io.crmkit.segmentation.segment.Segment;
import io.crmkit.segmentation.segment.SegmentDefinitions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SegmentDefinitions} over the {@code segment_definition} table: one row per name, the
 * criteria as their {@link CrmJson} document in a text column (read back equal). Saving is an
 * upsert ({@link Dialect#upsertSql}); {@link #all()} sorts by code point in Java, so both databases
 * give the in-memory order whatever their collation.
 */
final class JdbcSegmentDefinitions implements SegmentDefinitions {
  private static final ObjectMapper JSON = CrmJson.newMapper();
  private static final List<String> COLUMNS = List.of("segment_name", "criteria");
  private static final List<String> KEY = List.of("segment_name");

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcSegmentDefinitions(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public void save(Segment segment) {
    Objects.requireNonNull(segment, "segment");
    String criteria = write(segment);
    connections.write("save segment '" + segment.name() + "'", connection -> {
      try (PreparedStatement upsert = connection.prepareStatement(
          dialect.upsertSql(tables.segmentDefinition(), COLUMNS, KEY))) {
        upsert.setString(1, segment.name());
        upsert.setString(2, criteria);
        upsert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<Segment> find(String name) {
    Segment.checkName(name);
    return connections.read("read segment '" + name + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT segment_name, criteria FROM "
          + tables.segmentDefinition() + " WHERE segment_name = ?")) {
        select.setString(1, name);
        List<Segment> found = list(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public List<Segment> all() {
    return connections.read("read every segment", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT segment_name, criteria FROM "
          + tables.segmentDefinition())) {
        List<Segment> all = new ArrayList<>(list(select));
        all.sort((a, b) -> CriteriaEvaluator.compareCodePoints(a.name(), b.name()));
        return all;
      }
    });
  }

  @Override
  public boolean remove(String name) {
    Segment.checkName(name);
    return connections.write("remove segment '" + name + "'", connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.segmentDefinition()
          + " WHERE segment_name = ?")) {
        delete.setString(1, name);
        return delete.executeUpdate() > 0;
      }
    });
  }

  private static String write(Segment segment) {
    try {
      return JSON.writeValueAsString(segment.criteria());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the criteria of segment '" + segment.name() + "' cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private static List<Segment> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<Segment> out = new ArrayList<>();
      while (rs.next()) {
        String name = rs.getString(1);
        try {
          out.add(Segment.of(name, JSON.readValue(rs.getString(2), Criteria.class)));
        } catch (JsonProcessingException e) {
          throw new CrmStorageException("the stored criteria of segment '" + name + "' cannot be read: "
              + e.getOriginalMessage(), e);
        }
      }
      return out;
    }
  }
}
