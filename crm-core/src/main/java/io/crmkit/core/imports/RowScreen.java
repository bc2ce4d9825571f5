package io.crmkit.core.imports;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Screens the rows of an import before the store is asked anything. First every row is checked
 * on its own, on every core (constraints and domain rules unless the rows are trusted, the row's
 * own shape, the storage's limits); then, in row order, the good rows claim their keys, so that a
 * row repeating an id or reference of an earlier good row is rejected. Only good rows claim keys:
 * a rejected row never takes a key away from a later good one.
 */
final class RowScreen {
  /** Below this many rows one thread validates them sooner than several would. */
  private static final int PARALLEL_FROM = 32;
  /** The id of a record's customer while its storability is checked: it has none yet. */
  private static final CustomerId PROVISIONAL = CustomerId.of(new UUID(0, 0));

  private final CrmValidator validator;
  private final CustomerBatches batches;

  /** @param validator checks constraints and domain rules, or {@code null} for trusted rows */
  RowScreen(CrmValidator validator, CustomerBatches batches) {
    this.validator = validator;
    this.batches = batches;
  }

  /** The rows that passed screening, and the rows set aside. */
  record Screened<T>(List<Row<T>> accepted, Rejections rejected) {}

  /** Screens new customers for an insert: each must have version 0, ids and references once. */
  Screened<Customer> newCustomers(List<Customer> rows) {
    List<List<Violation>> problems = eachRow(rows, customer -> {
      List<Violation> found = validated(customer);
      if (customer.version() != 0) {
        found.add(new Violation("version", "NewCustomer",
            "must be 0 for an insert, got " + customer.version() + "; save changed customers instead"));
      }
      found.addAll(batches.storageViolations(customer));
      return found;
    });
    Claims claims = new Claims();
    Screened<Customer> screened = new Screened<>(new ArrayList<>(), new Rejections());
    for (int i = 0; i < rows.size(); i++) {
      Customer customer = rows.get(i);
      sort(screened, new Row<>(i + 1, customer.id().toString(), customer), problems.get(i), claims,
          customer.id(), customer.externalReferences());
    }
    return screened;
  }

  /**
   * Screens records for an upsert by their reference in {@code system}: each must have exactly
   * one there (the key it is matched on), keys and other references once.
   */
  Screened<NewCustomer> records(String system, List<NewCustomer> rows, Instant now) {
    List<List<Violation>> problems = eachRow(rows, record -> {
      List<Violation> found = validated(record);
      long keys = keysIn(system, record).count();
      if (keys != 1) {
        found.add(new Violation("externalReferences", "UpsertKey",
            "needs exactly one reference in system '" + system + "' to match on, found " + keys));
      }
      found.addAll(batches.storageViolations(new Customer.Builder().from(record).id(PROVISIONAL).version(0)
          .createdAt(now).updatedAt(now).build()));
      return found;
    });
    Claims claims = new Claims();
    Screened<NewCustomer> screened = new Screened<>(new ArrayList<>(), new Rejections());
    for (int i = 0; i < rows.size(); i++) {
      NewCustomer record = rows.get(i);
      List<ExternalReference> keys = keysIn(system, record).toList();
      String subject = keys.size() == 1 ? keys.get(0).toString() : "row " + (i + 1);
      sort(screened, new Row<>(i + 1, subject, record), problems.get(i), claims, null, record.externalReferences());
    }
    return screened;
  }

  /**
   * Accepts {@code row} if it has no problem and claims no key an earlier good row holds; else
   * rejects it. {@code id} is null for a record, which gets its id only when it is stored.
   */
  private static <T> void sort(Screened<T> screened, Row<T> row, List<Violation> problems, Claims claims,
      CustomerId id, Collection<ExternalReference> references) {
    List<Violation> found = problems.isEmpty() ? claims.clashes(id, references) : problems;
    if (found.isEmpty()) {
      claims.claim(row.number(), id, references);
      screened.accepted().add(row);
    } else {
      screened.rejected().add(row, found);
    }
  }

  private <T extends CustomerDetails> List<Violation> validated(T row) {
    return validator == null ? new ArrayList<>() : new ArrayList<>(validator.violations(row, CustomerRules.ALL));
  }

  /**
   * {@code check} of every row, in row order; on several threads for larger batches, since
   * validation is most of an import's work and the validator is thread-safe.
   *
   * @throws NullPointerException naming the first null row
   */
  private static <T> List<List<Violation>> eachRow(List<T> rows, Function<T, List<Violation>> check) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == null) {
        throw new NullPointerException("row " + (i + 1) + " is null");
      }
    }
    IntStream indices = IntStream.range(0, rows.size());
    if (rows.size() >= PARALLEL_FROM) {
      indices = indices.parallel();
    }
    return indices.mapToObj(i -> check.apply(rows.get(i))).toList();
  }

  private static Stream<ExternalReference> keysIn(String system, NewCustomer record) {
    return record.externalReferences().stream().filter(reference -> reference.system().equals(system));
  }

  /** The ids and references the good rows so far hold, with the row holding each. */
  private static final class Claims {
    private final Map<CustomerId, Integer> ids = new HashMap<>();
    private final Map<ExternalReference, Integer> references = new HashMap<>();

    List<Violation> clashes(CustomerId id, Collection<ExternalReference> wanted) {
      List<Violation> clashes = new ArrayList<>();
      Integer idHolder = id == null ? null : ids.get(id);
      if (idHolder != null) {
        clashes.add(new Violation("id", "UniqueInBatch", "repeats the id of row " + idHolder));
      }
      for (ExternalReference reference : wanted) {
        Integer holder = references.get(reference);
        if (holder != null) {
          clashes.add(new Violation("externalReferences", "UniqueInBatch",
              "external reference " + reference + " is also in row " + holder));
        }
      }
      return clashes;
    }

    void claim(int row, CustomerId id, Collection<ExternalReference> claimed) {
      if (id != null) {
        ids.put(id, row);
      }
      claimed.forEach(reference -> references.put(reference, row));
    }
  }
}
