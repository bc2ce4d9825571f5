package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * {@link Purchases} over the {@code purchase} table.
 *
 * <p>{@link #summaries} reads one chunk of {@value #SUMMARY_CHUNK} customers per statement, through
 * the customer index ({@link Dialect#fromCustomers}): the instant, amount and currency of their
 * purchases before {@code asOf} (and from a window's start, if one is given), ordered by customer. A {@link PurchaseSummary.Tally} adds up each
 * customer's rows as they go by, so the figures are those of {@link PurchaseSummary#of} by
 * construction and no {@link Purchase} is built. Aggregating in SQL instead was measured: with ten
 * purchases per customer, PostgreSQL spent several times longer executing the grouped, windowed
 * statement than reading the rows, and on H2 it took three times as long as one query per
 * customer (BENCHMARKS.md).
 */
final class JdbcPurchases extends JdbcActivityLog<Purchase> implements Purchases {
  /** Customers per summary statement. */
  static final int SUMMARY_CHUNK = 1_000;

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcPurchases(Connections connections, Tables tables, Dialect dialect) {
    super(connections, tables, new Mapping());
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return summarise(customerIds, null, asOf);
  }

  @Override
  public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, TimeRange window) {
    Objects.requireNonNull(window, "window");
    return summarise(customerIds, window.from().equals(Instant.MIN) ? null : window.from(), window.to());
  }

  /** The summaries of purchases from {@code since} (null: the whole history) up to {@code asOf}. */
  private Map<CustomerId, PurchaseSummary> summarise(Collection<CustomerId> customerIds, Instant since,
      Instant asOf) {
    Objects.requireNonNull(customerIds, "customerIds");
    Map<CustomerId, PurchaseSummary> summaries = new LinkedHashMap<>();
    for (CustomerId id : customerIds) {
      summaries.putIfAbsent(Objects.requireNonNull(id, "customerId"), tally(id, since, asOf).summary());
    }
    if (summaries.isEmpty() || !asOf.isAfter(Values.MIN_INSTANT)
        || since != null && since.isAfter(Values.MAX_INSTANT)) {
      return summaries;
    }
    List<UUID> all = summaries.keySet().stream().map(CustomerId::value).toList();
    return connections.read("summarise the purchases of " + all.size() + " customers", connection -> {
      for (int from = 0; from < all.size(); from += SUMMARY_CHUNK) {
        List<UUID> chunk = all.subList(from, Math.min(all.size(), from + SUMMARY_CHUNK));
        Array ids = connection.createArrayOf("UUID", chunk.toArray());
        try (PreparedStatement select = summarySql(ids, since, asOf).prepare(connection);
            ResultSet rs = select.executeQuery()) {
          tally(rs, since, asOf, summaries);
        } finally {
          ids.free();
        }
      }
      return summaries;
    });
  }

  /** The statement reading one chunk of customers' purchases, bound to {@code ids} (an array of UUIDs). */
  SqlBuilder summarySql(Array ids, Instant asOf) {
    return summarySql(ids, null, asOf);
  }

  private SqlBuilder summarySql(Array ids, Instant since, Instant asOf) {
    SqlBuilder sql = new SqlBuilder()
        .append("SELECT p.customer_id, p.occurred_at, p.occurred_nanos, p.amount, p.currency");
    dialect.fromCustomers(sql, tables.purchase(), "p", (statement, index) -> statement.setArray(index, ids));
    if (!asOf.isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "p.occurred_at", "p.occurred_nanos", asOf);
    }
    if (since != null && since.isAfter(Values.MIN_INSTANT)) {
      InstantConditions.atOrAfter(sql.append(" AND "), "p.occurred_at", "p.occurred_nanos", since);
    }
    return sql.append(" ORDER BY p.customer_id");
  }

  /** An empty tally of {@code customer}'s purchases from {@code since} (null: the whole history) to {@code asOf}. */
  private static PurchaseSummary.Tally tally(CustomerId customer, Instant since, Instant asOf) {
    return since == null ? new PurchaseSummary.Tally(customer, asOf)
        : new PurchaseSummary.Tally(customer, TimeRange.between(since, asOf));
  }

  /**
   * Adds up the rows of {@link #summarySql} (columns by position), ordered by customer, and files
   * each customer's summary in {@code into}.
   */
  private static void tally(ResultSet rs, Instant since, Instant asOf, Map<CustomerId, PurchaseSummary> into)
      throws SQLException {
    PurchaseSummary.Tally tally = null;
    UUID customer = null;
    while (rs.next()) {
      UUID next = rs.getObject(1, UUID.class);
      if (!next.equals(customer)) {
        if (tally != null) {
          into.put(CustomerId.of(customer), tally.summary());
        }
        customer = next;
        tally = tally(CustomerId.of(customer), since, asOf);
      }
      CurrencyUnit currency = CurrencyUnit.of(rs.getString(5).trim());
      tally.add(Values.instant(rs, 2, 3), Money.of(currency, rs.getBigDecimal(4), RoundingMode.UNNECESSARY));
    }
    if (tally != null) {
      into.put(CustomerId.of(customer), tally.summary());
    }
  }

  private static Money amount(ResultSet rs) throws SQLException {
    CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency").trim());
    return Money.of(currency, rs.getBigDecimal("amount").stripTrailingZeros(), RoundingMode.UNNECESSARY);
  }

  private static final class Mapping implements ActivityTable<Purchase> {
    @Override
    public String entity() {
      return "Purchase";
    }

    @Override
    public String table(Tables tables) {
      return tables.purchase();
    }

    @Override
    public List<String> extraColumns() {
      return List.of("amount", "currency", "channel", "category", "quantity", "order_reference");
    }

    @Override
    public void bindExtra(PreparedStatement statement, int first, Purchase purchase) throws SQLException {
      statement.setBigDecimal(first, purchase.amount().getAmount());
      statement.setString(first + 1, purchase.amount().getCurrencyUnit().getCode());
      statement.setString(first + 2, purchase.channel());
      Values.setText(statement, first + 3, purchase.category().orElse(null));
      statement.setInt(first + 4, purchase.quantity());
      Values.setText(statement, first + 5, purchase.orderReference().orElse(null));
    }

    @Override
    public Purchase read(ResultSet rs) throws SQLException {
      return new Purchase.Builder()
          .id(ActivityId.of(Values.uuid(rs, "id")))
          .customerId(CustomerId.of(Values.uuid(rs, "customer_id")))
          .occurredAt(Values.instant(rs, "occurred_at", "occurred_nanos"))
          .amount(amount(rs))
          .channel(rs.getString("channel"))
          .category(Optional.ofNullable(rs.getString("category")))
          .quantity(rs.getInt("quantity"))
          .orderReference(Optional.ofNullable(rs.getString("order_reference")))
          .build();
    }

    @Override
    public List<Violation> violations(Purchase purchase) {
      return StorageGuard.violations(purchase);
    }
  }
}
