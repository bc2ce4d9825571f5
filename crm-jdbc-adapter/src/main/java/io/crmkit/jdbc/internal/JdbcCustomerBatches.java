package io.crmkit.jdbc.internal;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link CustomerBatches} over JDBC: lookups set at a time with array parameters, inserts through
 * the dialect's fastest path ({@code COPY} on PostgreSQL for {@value PostgresCopy#MIN_ROWS} rows or
 * more, JDBC batches otherwise), updates as batches of {@code UPDATE ... WHERE version = ?} that
 * rewrite side rows only where they changed ({@link CustomerUpdates}). A unit
 * of work starts at a savepoint, and a key clash with a concurrent transaction (a unique violation,
 * or the importer's own check) undoes it to there and runs it again ({@link KeyClashRetry}).
 */
final class JdbcCustomerBatches implements CustomerBatches {
  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;
  private final CustomerCodec codec;
  private final CustomerUpdates updates;

  JdbcCustomerBatches(Connections connections, Tables tables, Dialect dialect, CustomerCodec codec) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
    this.codec = codec;
    this.updates = new CustomerUpdates(tables, dialect, codec);
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    return connections.write("customer import", connection -> KeyClashRetry.run(connection, work));
  }

  @Override
  public Set<CustomerId> existingIds(Collection<CustomerId> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return connections.read("look up " + ids.size() + " customer ids", connection -> {
      Set<CustomerId> found = new HashSet<>();
      ReferenceLookup.existingIds(connection, tables.customer(), ids.stream().map(CustomerId::value).toList())
          .forEach(id -> found.add(CustomerId.of(id)));
      return found;
    });
  }

  @Override
  public Map<ExternalReference, CustomerId> holders(Collection<ExternalReference> references) {
    if (references.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> bySystem = new LinkedHashMap<>();
    for (ExternalReference reference : references) {
      StorageGuard.checkQueryText("reference.system", reference.system());
      StorageGuard.checkQueryText("reference.id", reference.id());
      bySystem.computeIfAbsent(reference.system(), system -> new ArrayList<>()).add(reference.id());
    }
    return connections.read("look up " + references.size() + " external references", connection -> {
      Map<ExternalReference, CustomerId> held = new HashMap<>();
      for (Map.Entry<String, List<String>> system : bySystem.entrySet()) {
        ReferenceLookup.holders(connection, tables, dialect, system.getKey(), system.getValue()).forEach((id, holder) ->
            held.put(ExternalReference.of(system.getKey(), id), CustomerId.of(holder)));
      }
      return held;
    });
  }

  @Override
  public Map<CustomerId, Customer> load(Collection<CustomerId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<UUID> all = ids.stream().map(CustomerId::value).distinct().toList();
    return connections.read("load " + all.size() + " customers", connection -> {
      Map<CustomerId, Customer> found = new HashMap<>();
      for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
        List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT " + CustomerCodec.COLUMNS + " FROM " + tables.customer() + " WHERE id = ANY(?)")) {
          Array array = connection.createArrayOf("UUID", chunk.toArray());
          select.setArray(1, array);
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              Customer customer = codec.read(rs);
              found.put(customer.id(), customer);
            }
          } finally {
            array.free();
          }
        }
      }
      return found;
    });
  }

  @Override
  public void insertAll(List<Customer> customers) {
    List<Customer> stored = new ArrayList<>(customers.size());
    for (Customer customer : customers) {
      Require.argument(customer.version() == 0, "customer %s has version %s; an insert takes version 0",
          customer.id(), customer.version());
      stored.add(customer.withVersion(1));
    }
    if (stored.isEmpty()) {
      return;
    }
    connections.write("bulk insert of " + stored.size() + " customers", connection -> {
      try {
        dialect.insertCustomers(connection, tables, codec, stored);
      } catch (SQLException e) {
        throw clashOr(e, "customer id or external reference");
      }
      return null;
    });
  }

  @Override
  public Set<CustomerId> updateAll(List<Customer> customers) {
    for (Customer customer : customers) {
      Require.argument(customer.version() >= 1,
          "customer %s has version %s; an update takes the version it was read at, 1 or more",
          customer.id(), customer.version());
    }
    if (customers.isEmpty()) {
      return Set.of();
    }
    List<CustomerUpdates.Write> writes = CustomerUpdates.writesOf(
        customers.stream().map(customer -> customer.withVersion(customer.version() + 1)).toList());
    return connections.write("bulk update of " + customers.size() + " customers", connection -> {
      try {
        return updates.write(connection, writes, changing -> { });
      } catch (SQLException e) {
        throw clashOr(e, "external reference");
      }
    });
  }

  @Override
  public List<Violation> storageViolations(Customer customer) {
    List<Violation> found = new ArrayList<>(StorageGuard.violations(customer));
    // ciphertext lengths are the protection's, so with one only the exact length is a bound
    if (codec.protection().active() || StorageGuard.jsonLengthBound(customer) > dialect.maxJsonChars()) {
      int length = Math.max(codec.detailsJson(customer).length(), codec.attributesJson(customer.attributes()).length());
      if (length > dialect.maxJsonChars()) {
        found.add(new Violation("", "StorableSize",
            "is " + length + " characters as JSON; this database stores at most " + dialect.maxJsonChars()));
      }
    }
    return found;
  }

  /**
   * Throws a unique violation as the port reports it, a {@link DuplicateKeyException}; returns
   * any other failure to be thrown as it is.
   */
  private static SQLException clashOr(SQLException e, String key) {
    if (Dialect.isUniqueViolation(e)) {
      DuplicateKeyException clash = new DuplicateKeyException(key,
          "A " + key + " of the batch was taken by a concurrent writer: " + e.getMessage());
      clash.initCause(e);
      throw clash;
    }
    return e;
  }
}
