package io.crmkit.benchmarks.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.json.CrmJson;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The baseline: the same rows into the same tables with plain JDBC batch inserts (1,000 rows per
 * batch, one transaction), as a hand-written import would do it. No validation, no checks. The two
 * JSON columns are written with crmkit's public mapper ({@link CrmJson}), as such an import would:
 * the content of the adapter's documents in the mapper's shape, not the adapter's internal one (the
 * baseline's rows are only counted, never read back).
 */
final class RawJdbcLoader {
  private static final int BATCH = 1000;
  private static final String COLUMNS = "id, version, kind, display_name, family_name, given_name, legal_name,"
      + " owner_name, gender, birth_date, stage, tier, created_at, created_nanos, updated_at, updated_nanos,"
      + " details, attributes";

  private RawJdbcLoader() {}

  static void load(DataSource dataSource, String prefix, boolean jsonb, List<Customer> customers) throws SQLException {
    ObjectMapper mapper = CrmJson.newMapper();
    String json = jsonb ? "CAST(? AS JSONB)" : "?";
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "customer ("
          + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ")");
          PreparedStatement code = connection.prepareStatement(
              "INSERT INTO " + prefix + "customer_code (customer_id, dimension, code) VALUES (?, ?, ?)");
          PreparedStatement tag = connection.prepareStatement(
              "INSERT INTO " + prefix + "customer_tag (customer_id, tag) VALUES (?, ?)");
          PreparedStatement reference = connection.prepareStatement(
              "INSERT INTO " + prefix + "external_ref (ref_system, ref_id, customer_id) VALUES (?, ?, ?)");
          PreparedStatement attribute = jsonb ? null : connection.prepareStatement(
              "INSERT INTO " + prefix + "customer_attribute (customer_id, name, value_key) VALUES (?, ?, ?)")) {
        int pending = 0;
        for (Customer c : customers) {
          insert.setObject(1, c.id().value());
          insert.setLong(2, 1);
          insert.setString(3, c.kind().name());
          insert.setString(4, c.displayName());
          setText(insert, 5, c.personName().flatMap(PersonName::familyName).orElse(null));
          setText(insert, 6, c.personName().flatMap(PersonName::givenName).orElse(null));
          setText(insert, 7, c.legalName().orElse(null));
          setText(insert, 8, c.owner().orElse(null));
          setText(insert, 9, c.gender().map(Gender::name).orElse(null));
          if (c.birthDate().isPresent()) {
            insert.setObject(10, c.birthDate().get());
          } else {
            insert.setNull(10, Types.DATE);
          }
          insert.setString(11, c.stage().name());
          setText(insert, 12, c.tier().map(ValueTier::name).orElse(null));
          insert.setObject(13, c.createdAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
          insert.setInt(14, c.createdAt().getNano() % 1000);
          insert.setObject(15, c.updatedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
          insert.setInt(16, c.updatedAt().getNano() % 1000);
          insert.setString(17, json(mapper, details(c)));
          insert.setString(18, json(mapper, c.attributes()));
          insert.addBatch();
          for (Map.Entry<String, String> entry : c.dimensionCodes().entrySet()) {
            code.setObject(1, c.id().value());
            code.setString(2, entry.getKey());
            code.setString(3, entry.getValue());
            code.addBatch();
          }
          for (String t : c.tags()) {
            tag.setObject(1, c.id().value());
            tag.setString(2, t);
            tag.addBatch();
          }
          for (ExternalReference r : c.externalReferences()) {
            reference.setString(1, r.system());
            reference.setString(2, r.id());
            reference.setObject(3, c.id().value());
            reference.addBatch();
          }
          if (attribute != null) {
            for (var a : c.attributes().entrySet()) {
              attribute.setObject(1, c.id().value());
              attribute.setString(2, a.getKey());
              attribute.setString(3, attributeKey(a.getValue()));
              attribute.addBatch();
            }
          }
          if (++pending == BATCH) {
            flush(insert, code, tag, reference, attribute);
            pending = 0;
          }
        }
        flush(insert, code, tag, reference, attribute);
      }
      connection.commit();
    }
  }

  /** The nested values of {@code c} that the adapter keeps in its {@code details} document. */
  private static Map<String, Object> details(Customer c) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("contactPoints", c.contactPoints());
    details.put("addresses", c.addresses());
    details.put("organisationIdentifiers", c.organisationIdentifiers());
    details.put("needs", c.needs());
    details.put("tags", c.tags());
    details.put("dimensionCodes", c.dimensionCodes());
    details.put("externalReferences", c.externalReferences());
    return details;
  }

  private static String json(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void flush(PreparedStatement insert, PreparedStatement code, PreparedStatement tag,
      PreparedStatement reference, PreparedStatement attribute) throws SQLException {
    insert.executeBatch();
    code.executeBatch();
    tag.executeBatch();
    reference.executeBatch();
    if (attribute != null) {
      attribute.executeBatch();
    }
  }

  private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  /** The H2 attribute index key, as the adapter writes it. */
  private static String attributeKey(io.crmkit.core.customer.AttributeValue value) {
    if (value instanceof io.crmkit.core.customer.AttributeValue.Text text) {
      return "text:" + text.value();
    } else if (value instanceof io.crmkit.core.customer.AttributeValue.Number number) {
      return "number:" + number.value();
    } else if (value instanceof io.crmkit.core.customer.AttributeValue.Flag flag) {
      return "flag:" + flag.value();
    }
    return "date:" + ((io.crmkit.core.customer.AttributeValue.Date) value).value();
  }
}
