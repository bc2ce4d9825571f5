package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.ValueTier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads customers with PostgreSQL's {@code COPY ... FROM STDIN} (text format), streaming rows to
 * the server without per-row statements. Runs on the caller's connection and transaction, unwrapped
 * to the driver's {@link PGConnection} (pools and transaction-aware proxies support
 * {@code unwrap}). Only this class touches driver types, so the driver stays optional for H2 users.
 */
final class PostgresCopy {
  /** Below this many rows, batches are as fast and simpler. */
  static final int MIN_ROWS = 100;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'");
  private static final int BUFFER = 1 << 16;

  private PostgresCopy() {}

  /** Whether the connection can be unwrapped to the PostgreSQL driver's connection. */
  static boolean available(Connection connection) {
    try {
      return connection.isWrapperFor(PGConnection.class);
    } catch (SQLException | LinkageError e) {
      return false;
    }
  }

  static void insertCustomers(Connection connection, Tables tables, CustomerCodec codec, List<Customer> customers)
      throws SQLException {
    copy(connection, "COPY " + tables.customer() + " (" + CustomerCodec.COLUMNS + ", " + SideDigest.COLUMN
        + ") FROM STDIN", out -> {
      for (Customer c : customers) {
        field(out, c.id().toString());
        field(out, Long.toString(c.version()));
        field(out, c.kind().name());
        field(out, c.displayName());
        field(out, c.personName().flatMap(PersonName::familyName).orElse(null));
        field(out, c.personName().flatMap(PersonName::givenName).orElse(null));
        field(out, c.legalName().orElse(null));
        field(out, c.owner().orElse(null));
        field(out, c.gender().map(Gender::name).orElse(null));
        field(out, codec.birthDateColumn(c).map(LocalDate::toString).orElse(null));
        field(out, c.stage().name());
        field(out, c.tier().map(ValueTier::name).orElse(null));
        field(out, timestamp(c.createdAt()));
        field(out, Integer.toString(Values.nanosBelowMicro(c.createdAt())));
        field(out, timestamp(c.updatedAt()));
        field(out, Integer.toString(Values.nanosBelowMicro(c.updatedAt())));
        field(out, codec.detailsJson(c));
        field(out, codec.attributesJson(c.attributes()));
        last(out, SideDigest.of(codec, c));
      }
    });
    copy(connection, "COPY " + tables.code() + " (customer_id, dimension, code) FROM STDIN", out -> {
      for (Customer c : customers) {
        for (Map.Entry<String, String> code : c.dimensionCodes().entrySet()) {
          field(out, c.id().toString());
          field(out, code.getKey());
          last(out, code.getValue());
        }
      }
    });
    copy(connection, "COPY " + tables.tag() + " (customer_id, tag) FROM STDIN", out -> {
      for (Customer c : customers) {
        for (String tag : c.tags()) {
          field(out, c.id().toString());
          last(out, tag);
        }
      }
    });
    copy(connection, "COPY " + tables.externalRef() + " (ref_system, ref_id, customer_id) FROM STDIN", out -> {
      for (Customer c : customers) {
        for (ExternalReference reference : c.externalReferences()) {
          field(out, reference.system());
          field(out, reference.id());
          last(out, c.id().toString());
        }
      }
    });
    copy(connection, "COPY " + tables.lookup() + " (key_type, key_value, customer_id) FROM STDIN", out -> {
      for (Customer c : customers) {
        for (LookupKey key : codec.storedLookupKeys(c)) {
          field(out, key.type());
          field(out, key.value());
          last(out, c.id().toString());
        }
      }
    });
  }

  private interface Rows {
    void write(Writer out) throws IOException;
  }

  /** Runs one COPY on the driver connection behind {@code connection} (unwrapped for each COPY). */
  private static void copy(Connection connection, String sql, Rows rows) throws SQLException {
    PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, BUFFER);
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
      rows.write(out);
      out.flush();
      stream.endCopy();
    } catch (IOException e) {
      if (stream.isActive()) {
        try {
          stream.cancelCopy();
        } catch (SQLException cancel) {
          e.addSuppressed(cancel);
        }
      }
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
    }
  }

  private static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
  }

  private static void field(Writer out, String value) throws IOException {
    escape(out, value);
    out.write('\t');
  }

  private static void last(Writer out, String value) throws IOException {
    escape(out, value);
    out.write('\n');
  }

  /** COPY text format: {@code \N} is NULL; backslash, tab, newline and carriage return are escaped. */
  private static void escape(Writer out, String value) throws IOException {
    if (value == null) {
      out.write("\\N");
      return;
    }
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      String replacement = switch (ch) {
        case '\\' -> "\\\\";
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        default -> null;
      };
      if (replacement != null) {
        out.write(value, start, i - start);
        out.write(replacement);
        start = i + 1;
      }
    }
    out.write(value, start, value.length() - start);
  }
}
