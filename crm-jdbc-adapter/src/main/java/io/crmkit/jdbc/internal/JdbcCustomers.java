package io.crmkit.jdbc.internal;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Sort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link Customers} over JDBC. A save writes the row and its side-table rows in one transaction; a
 * stale version updates no row ({@code UPDATE ... WHERE version = ?}), so concurrent saves can
 * never lose an update. An update whose side rows stay as stored writes the customer row alone
 * ({@link CustomerUpdates}); one that changes them checks its external references first, as an
 * insert does.
 */
final class JdbcCustomers implements Customers {
  /** Rows per keyset page when streaming. */
  static final int STREAM_PAGE = 1000;

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;
  private final CustomerCodec codec;
  private final CriteriaSql criteriaSql;
  private final CustomerUpdates updates;
  private volatile String streamHint;

  /**
   * @param metricsAttached whether the store's metrics capability is attached, so that criteria
   *     over metrics may read its table
   */
  JdbcCustomers(Connections connections, Tables tables, Dialect dialect, CustomerCodec codec,
      java.util.function.BooleanSupplier metricsAttached) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
    this.codec = codec;
    this.criteriaSql = new CriteriaSql(tables, dialect, codec, metricsAttached);
    this.updates = new CustomerUpdates(tables, dialect, codec);
  }

  @Override
  public Customer save(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    StorageGuard.check(customer);
    Customer stored = customer.withVersion(customer.version() + 1);
    // ciphertext lengths are the protection's, so with one only the exact length is a bound
    if (codec.protection().active() || StorageGuard.jsonLengthBound(stored) > dialect.maxJsonChars()) {
      StorageGuard.checkJsonLength("Customer", "", codec.detailsJson(stored), dialect.maxJsonChars());
      StorageGuard.checkJsonLength("Customer", "attributes", codec.attributesJson(stored.attributes()),
          dialect.maxJsonChars());
    }
    return connections.write("save customer " + customer.id(), connection -> {
      long expected = customer.version();
      try {
        if (expected == 0) {
          insert(connection, stored);
        } else if (updates.write(connection, List.of(new CustomerUpdates.Write(stored, expected)),
            changing -> checkReferences(connection, changing)).isEmpty()) {
          Long found = currentVersion(connection, customer.id());
          throw new ConcurrentUpdateException("Customer", customer.id().toString(), expected,
              found == null ? "but it does not exist" : "found " + found);
        }
      } catch (SQLException e) {
        if (Dialect.isUniqueViolation(e)) {
          throw new DuplicateKeyException(customer.externalReferences().toString(),
              "An external reference of customer " + customer.id() + " was given to another customer concurrently");
        }
        throw e;
      }
      return stored;
    });
  }

  /** Inserts a new customer with its side rows. */
  private void insert(Connection connection, Customer stored) throws SQLException {
    checkReferences(connection, List.of(stored));
    Long existing = currentVersion(connection, stored.id());
    if (existing != null) {
      throw new ConcurrentUpdateException("Customer", stored.id().toString(), 0,
          "but it already exists with version " + existing);
    }
    try (PreparedStatement insert = connection.prepareStatement(CustomerRows.insertSql(tables, dialect))) {
      CustomerRows.bindRow(insert, codec, stored);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (Dialect.isUniqueViolation(e)) {
        throw new ConcurrentUpdateException("Customer", stored.id().toString(), 0, "but it was inserted concurrently");
      }
      throw e;
    }
    CustomerRows.insertSideRows(connection, tables, dialect, codec, List.of(stored));
  }

  @Override
  public Optional<Customer> findById(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return connections.read("find customer " + id, connection -> {
      try (PreparedStatement select = connection.prepareStatement(byIdSql())) {
        select.setObject(1, id.value());
        return first(select);
      }
    });
  }

  @Override
  public Optional<Customer> findByExternalReference(ExternalReference reference) {
    Objects.requireNonNull(reference, "reference");
    StorageGuard.checkQueryText("reference.system", reference.system());
    StorageGuard.checkQueryText("reference.id", reference.id());
    return connections.read("find customer by external reference", connection -> {
      try (PreparedStatement select = connection.prepareStatement(byReferenceSql())) {
        select.setString(1, reference.system());
        select.setString(2, reference.id());
        return first(select);
      }
    });
  }

  @Override
  public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
    SqlBuilder sql = criteriaSql.page(criteria, sort, page.offset(), page.limit() + 1);
    List<Customer> window = connections.read("find customers", connection -> list(connection, sql));
    boolean hasNext = window.size() > page.limit();
    return new Page<>(hasNext ? window.subList(0, page.limit()) : window, page, hasNext);
  }

  @Override
  public long count(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    SqlBuilder sql = criteriaSql.count(criteria);
    return connections.read("count customers", connection -> {
      try (PreparedStatement select = sql.prepare(connection); ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Streams in id order, one keyset page ({@code id > last}, {@value #STREAM_PAGE} rows) at a time,
   * each read on a connection held only for that page (or the current transaction's): memory stays
   * constant however many customers match, and nothing is held open between pages. Customers
   * saved while the stream runs may or may not appear, as with any paged read.
   */
  @Override
  public Stream<Customer> stream(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    criteriaSql.condition(criteria);
    return KeysetPages.stream(STREAM_PAGE, last -> connections.read("stream customers", connection ->
        list(connection, criteriaSql.streamPage(criteria, last == null ? null : last.id(), STREAM_PAGE,
            streamHint(connection)))));
  }

  /** {@link #stream}'s ids, paged the same way, without reading the customers. */
  @Override
  public Stream<CustomerId> streamIds(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    criteriaSql.condition(criteria);
    return KeysetPages.stream(STREAM_PAGE, last -> connections.read("stream customer ids", connection -> {
      try (PreparedStatement select = criteriaSql.idPage(criteria, last, STREAM_PAGE, streamHint(connection))
          .prepare(connection); ResultSet rs = select.executeQuery()) {
        List<CustomerId> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(CustomerId.of(Values.uuid(rs, "id")));
        }
        return ids;
      }
    }));
  }

  /** {@link Dialect#customerStreamHint}, kept once the database named an index (asked again while it names none). */
  String streamHint(Connection connection) throws SQLException {
    String hint = streamHint;
    if (hint == null) {
      hint = dialect.customerStreamHint(connection, tables);
      if (!hint.isEmpty()) {
        streamHint = hint;
      }
    }
    return hint;
  }

  /** The SQL of {@link #findById}, for EXPLAIN tests. */
  String byIdSql() {
    return "SELECT " + CustomerCodec.COLUMNS + " FROM " + tables.customer() + " WHERE id = ?";
  }

  /** The SQL of {@link #findByExternalReference}, for EXPLAIN tests. */
  String byReferenceSql() {
    return "SELECT " + CustomerCodec.columns("t") + " FROM " + tables.externalRef() + " r JOIN "
        + tables.customer() + " t ON t.id = r.customer_id WHERE r.ref_system = ? AND r.ref_id = ?";
  }

  CriteriaSql criteriaSql() {
    return criteriaSql;
  }

  /**
   * Throws {@link DuplicateKeyException} if a reference of one of {@code customers} belongs to a
   * customer other than the one that holds it here.
   */
  void checkReferences(Connection connection, Collection<Customer> customers) throws SQLException {
    Map<String, Map<String, UUID>> bySystem = new LinkedHashMap<>();
    for (Customer customer : customers) {
      for (ExternalReference reference : customer.externalReferences()) {
        bySystem.computeIfAbsent(reference.system(), s -> new HashMap<>()).put(reference.id(), customer.id().value());
      }
    }
    for (Map.Entry<String, Map<String, UUID>> system : bySystem.entrySet()) {
      Map<String, UUID> holders =
          ReferenceLookup.holders(connection, tables, dialect, system.getKey(), system.getValue().keySet());
      for (Map.Entry<String, UUID> held : holders.entrySet()) {
        UUID wanted = system.getValue().get(held.getKey());
        if (!held.getValue().equals(wanted)) {
          ExternalReference reference = ExternalReference.of(system.getKey(), held.getKey());
          throw new DuplicateKeyException(reference.toString(),
              "External reference " + reference + " already belongs to customer " + held.getValue());
        }
      }
    }
  }

  private Long currentVersion(Connection connection, CustomerId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT version FROM " + tables.customer() + " WHERE id = ?")) {
      select.setObject(1, id.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private Optional<Customer> first(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? Optional.of(codec.read(rs)) : Optional.empty();
    }
  }

  private List<Customer> list(Connection connection, SqlBuilder sql) throws SQLException {
    try (PreparedStatement select = sql.prepare(connection); ResultSet rs = select.executeQuery()) {
      List<Customer> out = new ArrayList<>();
      while (rs.next()) {
        out.add(codec.read(rs));
      }
      return out;
    }
  }
}
