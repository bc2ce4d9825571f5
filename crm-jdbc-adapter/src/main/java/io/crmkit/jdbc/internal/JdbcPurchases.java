package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
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
 * purchases before {@code asOf}, ordered by customer. A {@link PurchaseSummary.Tally} adds up each
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
    Objects.requireNonNull(customerIds, "customerIds");
    Objects.requireNonNull(asOf, "asOf");
    Map<CustomerId, PurchaseSummary> summaries = new LinkedHashMap<>();
    for (CustomerId id : customerIds) {
      summaries.putIfAbsent(Objects.requireNonNull(id, "customerId"), PurchaseSummary.none(id, asOf));
    }
    if (summaries.isEmpty() || !asOf.isAfter(Values.MIN_INSTANT)) {
      return summaries;
    }
    List<UUID> all = summaries.keySet().stream().map(CustomerId::value).toList();
    return connections.read("summarise the purchases of " + all.size() + " customers", connection -> {
      for (int from = 0; from < all.size(); from += SUMMARY_CHUNK) {
        List<UUID> chunk = all.subList(from, Math.min(all.size(), from + SUMMARY_CHUNK));
        Array ids = connection.createArrayOf("UUID", chunk.toArray());
        try (PreparedStatement select = summarySql(ids, asOf).prepare(connection);
            ResultSet rs = select.executeQuery()) {
          tally(rs, asOf, summaries);
        } finally {
          ids.free();
        }
      }
      return summaries;
    });
  }

  /** The statement reading one chunk of customers' purchases, bound to {@code ids} (an array of UUIDs). */
  SqlBuilder summarySql(Array ids, Instant asOf) {
    SqlBuilder sql = new SqlBuilder()
        .append("SELECT p.customer_id, p.occurred_at, p.occurred_nanos, p.amount, p.currency");
    dialect.fromCustomers(sql, tables.purchase(), "p", (statement, index) -> statement.setArray(index, ids));
    if (!asOf.isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "p.occurred_at", "p.occurred_nanos", asOf);
    }
    return sql.append(" ORDER BY p.customer_id");
  }

  /**
   * Adds up the rows of {@link #summarySql} (columns by position), ordered by customer, and files
   * each customer's summary in {@code into}.
   */
  private static void tally(ResultSet rs, Instant asOf, Map<CustomerId, PurchaseSummary> into) throws SQLException {
    PurchaseSummary.Tally tally = null;
    UUID customer = null;
    while (rs.next()) {
      UUID next = rs.getObject(1, UUID.class);
      if (!next.equals(customer)) {
        if (tally != null) {
          into.put(CustomerId.of(customer), tally.summary());
        }
        customer = next;
        tally = new PurchaseSummary.Tally(CustomerId.of(customer), asOf);
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
