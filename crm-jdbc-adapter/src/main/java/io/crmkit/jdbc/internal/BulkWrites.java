package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The bulk write paths: validate every row, set bad ones aside with their reasons, check the rest
 * against the database set-at-a-time, and write the good ones with the dialect's fastest path, all
 * in one transaction.
 */
public final class BulkWrites {
  private static volatile CrmValidator sharedValidator;

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;
  private final CustomerCodec codec;
  private final JdbcCustomers customers;
  private final Outbox outbox;
  private final Clock clock;
  private final IdGenerator ids;

  public BulkWrites(Connections connections, Tables tables, Dialect dialect, CustomerCodec codec,
      JdbcCustomers customers, Outbox outbox, Clock clock, IdGenerator ids) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
    this.codec = codec;
    this.customers = customers;
    this.outbox = outbox;
    this.clock = clock;
    this.ids = ids;
  }

  /** What a bulk write did; rejected rows by 1-based row number, in row order. */
  public record Outcome(int inserted, int updated, int unchanged, Map<Integer, List<Violation>> rejected) {}

  /** The validator used unless the caller gives one: shared, since building one is costly. */
  public static CrmValidator defaultValidator() {
    CrmValidator validator = sharedValidator;
    if (validator == null) {
      synchronized (BulkWrites.class) {
        validator = sharedValidator;
        if (validator == null) {
          validator = CrmValidator.create();
          sharedValidator = validator;
        }
      }
    }
    return validator;
  }

  /**
   * Inserts new customers (version 0 each), stored with version 1. A {@code null} validator skips
   * the domain validation (the storage checks always run).
   */
  public Outcome insertAll(Collection<Customer> rows, CrmValidator validator, boolean events) {
    Map<Integer, List<Violation>> rejected = new TreeMap<>();
    Map<Integer, Customer> candidates = new LinkedHashMap<>();
    Map<UUID, Integer> idRows = new HashMap<>();
    Map<ExternalReference, Integer> referenceRows = new HashMap<>();
    int row = 0;
    for (Customer customer : rows) {
      row++;
      Objects.requireNonNull(customer, "customer");
      List<Violation> problems = new ArrayList<>();
      if (validator != null) {
        problems.addAll(validator.violations(customer, CustomerRules.ALL));
      }
      problems.addAll(StorageGuard.violations(customer));
      if (customer.version() != 0) {
        problems.add(new Violation("version", "NewCustomer",
            "must be 0 for an insert, got " + customer.version() + "; save changed customers instead"));
      }
      if (problems.isEmpty()) {
        jsonTooLong(customer).ifPresent(problems::add);
      }
      // Only rows that are otherwise good claim their keys: a rejected row must not take a good one down.
      if (problems.isEmpty()) {
        Integer earlier = idRows.get(customer.id().value());
        if (earlier != null) {
          problems.add(new Violation("id", "UniqueInBatch", "repeats the id of row " + earlier));
        }
        problems.addAll(referenceClashes(customer.externalReferences(), referenceRows));
      }
      if (problems.isEmpty()) {
        idRows.put(customer.id().value(), row);
        claim(customer.externalReferences(), referenceRows, row);
        candidates.put(row, customer.withVersion(1));
      } else {
        rejected.put(row, problems);
      }
    }
    if (candidates.isEmpty()) {
      return new Outcome(0, 0, 0, rejected);
    }
    return connections.write("bulk insert of " + candidates.size() + " customers",
        transaction -> KeyClashRetry.run(transaction, connection -> {
      Map<Integer, List<Violation>> rejectedNow = new TreeMap<>(rejected);
      Set<UUID> existing = ReferenceLookup.existingIds(connection, tables.customer(),
          candidates.values().stream().map(c -> c.id().value()).toList());
      Map<ExternalReference, UUID> held = holders(connection, candidates.values());
      List<Customer> accepted = new ArrayList<>(candidates.size());
      candidates.forEach((number, customer) -> {
        List<Violation> problems = new ArrayList<>();
        if (existing.contains(customer.id().value())) {
          problems.add(new Violation("id", "NewCustomer", "a customer with id " + customer.id() + " already exists"));
        }
        for (ExternalReference reference : customer.externalReferences()) {
          UUID holder = held.get(reference);
          if (holder != null) {
            problems.add(new Violation("externalReferences", "UniqueReference",
                "external reference " + reference + " already belongs to customer " + holder));
          }
        }
        if (problems.isEmpty()) {
          accepted.add(customer);
        } else {
          rejectedNow.put(number, problems);
        }
      });
      dialect.insertCustomers(connection, tables, codec, accepted);
      if (events) {
        for (Customer customer : accepted) {
          outbox.publish(new CustomerRegistered(ids.newId(), customer.createdAt(), customer.id(), customer.kind()));
        }
      }
      return new Outcome(accepted.size(), 0, 0, rejectedNow);
    }));
  }

  /**
   * Inserts or updates customers by their external reference in {@code system}: a record whose
   * reference is held by a customer updates that customer (or changes nothing when no detail
   * differs); any other record becomes a new customer. Running the same import twice changes
   * nothing the second time.
   */
  public Outcome upsertByExternalReference(String system, Collection<NewCustomer> records,
      CrmValidator validator, boolean events) {
    Objects.requireNonNull(system, "system");
    Map<Integer, List<Violation>> rejected = new TreeMap<>();
    Map<Integer, NewCustomer> candidates = new LinkedHashMap<>();
    Map<Integer, String> keys = new HashMap<>();
    Map<String, Integer> keyRows = new HashMap<>();
    Map<ExternalReference, Integer> referenceRows = new HashMap<>();
    int row = 0;
    for (NewCustomer record : records) {
      row++;
      Objects.requireNonNull(record, "record");
      List<Violation> problems = new ArrayList<>();
      if (validator != null) {
        problems.addAll(validator.violations(record, CustomerRules.ALL));
      }
      List<String> inSystem = record.externalReferences().stream()
          .filter(reference -> reference.system().equals(system)).map(ExternalReference::id).toList();
      if (inSystem.size() != 1) {
        problems.add(new Violation("externalReferences", "UpsertKey", "needs exactly one reference in system '"
            + system + "' to match on, found " + inSystem.size()));
      }
      List<ExternalReference> others = record.externalReferences().stream()
          .filter(reference -> !reference.system().equals(system)).toList();
      // Only rows that are otherwise good claim their keys: a rejected row must not take a good one down.
      if (problems.isEmpty()) {
        Integer earlier = keyRows.get(inSystem.get(0));
        if (earlier != null) {
          problems.add(new Violation("externalReferences", "UniqueInBatch",
              "reference " + system + ":" + inSystem.get(0) + " is also in row " + earlier));
        }
        problems.addAll(referenceClashes(others, referenceRows));
      }
      if (problems.isEmpty()) {
        keyRows.put(inSystem.get(0), row);
        claim(others, referenceRows, row);
        candidates.put(row, record);
        keys.put(row, inSystem.get(0));
      } else {
        rejected.put(row, problems);
      }
    }
    if (candidates.isEmpty()) {
      return new Outcome(0, 0, 0, rejected);
    }
    return connections.write("bulk upsert of " + candidates.size() + " customers by " + system + " reference",
        transaction -> KeyClashRetry.run(transaction, connection -> {
          Map<Integer, List<Violation>> rejectedNow = new TreeMap<>(rejected);
          Map<String, UUID> holders = ReferenceLookup.holders(connection, tables, system, keys.values());
          Map<UUID, Customer> current = load(connection, holders.values());
          Instant now = clock.instant();
          Map<Integer, Customer> inserts = new LinkedHashMap<>();
          Map<Integer, Customer> updates = new LinkedHashMap<>();
          Map<Integer, Set<String>> changes = new HashMap<>();
          int unchanged = 0;
          for (Map.Entry<Integer, NewCustomer> entry : candidates.entrySet()) {
            NewCustomer record = entry.getValue();
            UUID holder = holders.get(keys.get(entry.getKey()));
            Customer existing = holder == null ? null : current.get(holder);
            List<Violation> problems = new ArrayList<>();
            Customer stored;
            if (existing == null) {
              stored = new Customer.Builder().from(record).id(CustomerId.of(ids.newId())).version(1)
                  .createdAt(now).updatedAt(now).build();
            } else {
              // The stage belongs to the lifecycle engine: an import updates details, never moves a customer.
              NewCustomer incoming = new NewCustomer.Builder().from(record).stage(existing.stage()).build();
              Set<String> changed = CustomerChanges.between(existing, incoming);
              if (changed.isEmpty()) {
                unchanged++;
                continue;
              }
              changes.put(entry.getKey(), changed);
              stored = new Customer.Builder().from(incoming).id(existing.id()).version(existing.version() + 1)
                  .createdAt(existing.createdAt())
                  .updatedAt(now.isBefore(existing.createdAt()) ? existing.createdAt() : now).build();
            }
            problems.addAll(StorageGuard.violations(stored));
            jsonTooLong(stored).ifPresent(problems::add);
            if (!problems.isEmpty()) {
              rejectedNow.put(entry.getKey(), problems);
            } else if (existing == null) {
              inserts.put(entry.getKey(), stored);
            } else {
              updates.put(entry.getKey(), stored);
            }
          }
          List<Customer> writes = new ArrayList<>(inserts.values());
          writes.addAll(updates.values());
          Map<ExternalReference, UUID> held = holders(connection, writes);
          for (Integer number : inserts.keySet()) {
            ExternalReference key = ExternalReference.of(system, keys.get(number));
            if (held.containsKey(key)) {
              // A concurrent import created this customer since the first lookup: an update now.
              throw new SQLException("reference " + key + " was taken by a concurrent import", Dialect.UNIQUE_VIOLATION);
            }
          }
          rejectForeignReferences(inserts, held, rejectedNow);
          rejectForeignReferences(updates, held, rejectedNow);
          dialect.insertCustomers(connection, tables, codec, new ArrayList<>(inserts.values()));
          List<Customer> updated = update(connection, updates, rejectedNow);
          if (events) {
            Set<CustomerId> updatedIds = new java.util.HashSet<>();
            updated.forEach(customer -> updatedIds.add(customer.id()));
            for (Customer customer : inserts.values()) {
              outbox.publish(new CustomerRegistered(ids.newId(), now, customer.id(), customer.kind()));
            }
            for (Map.Entry<Integer, Customer> entry : updates.entrySet()) {
              if (updatedIds.contains(entry.getValue().id())) {
                outbox.publish(new CustomerUpdated(ids.newId(), now, entry.getValue().id(),
                    entry.getValue().version(), changes.get(entry.getKey())));
              }
            }
          }
          return new Outcome(inserts.size(), updated.size(), unchanged, rejectedNow);
        }));
  }

  /** A violation for each of {@code references} that an earlier row of the batch holds. */
  private static List<Violation> referenceClashes(Collection<ExternalReference> references,
      Map<ExternalReference, Integer> referenceRows) {
    List<Violation> clashes = new ArrayList<>();
    for (ExternalReference reference : references) {
      Integer holder = referenceRows.get(reference);
      if (holder != null) {
        clashes.add(new Violation("externalReferences", "UniqueInBatch",
            "external reference " + reference + " is also in row " + holder));
      }
    }
    return clashes;
  }

  private static void claim(Collection<ExternalReference> references, Map<ExternalReference, Integer> referenceRows,
      int row) {
    references.forEach(reference -> referenceRows.put(reference, row));
  }

  private List<Customer> update(Connection connection, Map<Integer, Customer> updates,
      Map<Integer, List<Violation>> rejected) throws SQLException {
    List<Customer> done = new ArrayList<>();
    if (updates.isEmpty()) {
      return done;
    }
    List<Map.Entry<Integer, Customer>> entries = new ArrayList<>(updates.entrySet());
    try (PreparedStatement update = connection.prepareStatement(CustomerRows.updateSql(tables, dialect))) {
      int next = CustomerCodec.COLUMN_LIST.size() + 1;
      for (int from = 0; from < entries.size(); from += CustomerRows.BATCH) {
        List<Map.Entry<Integer, Customer>> chunk = entries.subList(from, Math.min(entries.size(), from + CustomerRows.BATCH));
        for (Map.Entry<Integer, Customer> entry : chunk) {
          Customer stored = entry.getValue();
          codec.bind(update, stored, stored.version());
          update.setObject(next, stored.id().value());
          update.setLong(next + 1, stored.version() - 1);
          update.addBatch();
        }
        int[] counts = update.executeBatch();
        for (int i = 0; i < chunk.size(); i++) {
          if (counts[i] == 0) {
            rejected.put(chunk.get(i).getKey(), List.of(new Violation("version", "ConcurrentUpdate",
                "the customer was changed while the import ran; run the import again")));
          } else {
            done.add(chunk.get(i).getValue());
          }
        }
      }
    }
    CustomerRows.deleteSideRows(connection, tables, dialect, done.stream().map(Customer::id).toList());
    CustomerRows.insertSideRows(connection, tables, dialect, done);
    return done;
  }

  private static void rejectForeignReferences(Map<Integer, Customer> writes, Map<ExternalReference, UUID> held,
      Map<Integer, List<Violation>> rejected) {
    writes.entrySet().removeIf(entry -> {
      List<Violation> problems = new ArrayList<>();
      for (ExternalReference reference : entry.getValue().externalReferences()) {
        UUID holder = held.get(reference);
        if (holder != null && !holder.equals(entry.getValue().id().value())) {
          problems.add(new Violation("externalReferences", "UniqueReference",
              "external reference " + reference + " already belongs to customer " + holder));
        }
      }
      if (problems.isEmpty()) {
        return false;
      }
      rejected.put(entry.getKey(), problems);
      return true;
    });
  }

  private Map<ExternalReference, UUID> holders(Connection connection, Collection<Customer> customers)
      throws SQLException {
    Map<String, List<String>> bySystem = new LinkedHashMap<>();
    for (Customer customer : customers) {
      for (ExternalReference reference : customer.externalReferences()) {
        bySystem.computeIfAbsent(reference.system(), s -> new ArrayList<>()).add(reference.id());
      }
    }
    Map<ExternalReference, UUID> held = new HashMap<>();
    for (Map.Entry<String, List<String>> system : bySystem.entrySet()) {
      ReferenceLookup.holders(connection, tables, system.getKey(), system.getValue())
          .forEach((id, holder) -> held.put(ExternalReference.of(system.getKey(), id), holder));
    }
    return held;
  }

  private Map<UUID, Customer> load(Connection connection, Collection<UUID> idsToLoad) throws SQLException {
    Map<UUID, Customer> found = new HashMap<>();
    List<UUID> all = new ArrayList<>(idsToLoad);
    for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + CustomerCodec.COLUMNS + " FROM " + tables.customer() + " WHERE id = ANY(?)")) {
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        select.setArray(1, array);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            Customer customer = codec.read(rs);
            found.put(customer.id().value(), customer);
          }
        } finally {
          array.free();
        }
      }
    }
    return found;
  }

  private java.util.Optional<Violation> jsonTooLong(Customer customer) {
    if (dialect.maxJsonChars() == Integer.MAX_VALUE
        || StorageGuard.jsonLengthBound(customer) <= dialect.maxJsonChars()) {
      return java.util.Optional.empty();
    }
    int length = Math.max(codec.detailsJson(customer).length(), codec.attributesJson(customer.attributes()).length());
    return length > dialect.maxJsonChars()
        ? java.util.Optional.of(new Violation("", "StorableSize", "is " + length
            + " characters as JSON; this database stores at most " + dialect.maxJsonChars()))
        : java.util.Optional.empty();
  }

  JdbcCustomers customers() {
    return customers;
  }
}
