package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.math.RoundingMode;
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
 * {@link Purchases} over the {@code purchase} table. {@link #summaries} reads one chunk of
 * {@value #SUMMARY_CHUNK} customers per statement, aggregated as the {@link Dialect} does best
 * ({@link PurchaseSummaryQuery}), so a batch over a million customers costs a thousand statements,
 * not a million.
 */
public final class JdbcPurchases extends JdbcActivityLog<Purchase> implements Purchases {
  /** Customers per summary statement. */
  static final int SUMMARY_CHUNK = 1_000;
  private static final ActivityTable<Purchase> MAPPING = new Mapping();

  private final Connections connections;
  private final PurchaseSummaryQuery summaryQuery;

  public JdbcPurchases(Connections connections, Tables tables, Dialect dialect) {
    super(connections, tables, MAPPING);
    this.connections = connections;
    this.summaryQuery = dialect.purchaseSummaries(tables, MAPPING);
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
        summaries.putAll(summaryQuery.summarise(connection, chunk, asOf));
      }
      return summaries;
    });
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
      CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency").trim());
      return new Purchase.Builder()
          .id(ActivityId.of(Values.uuid(rs, "id")))
          .customerId(CustomerId.of(Values.uuid(rs, "customer_id")))
          .occurredAt(Values.instant(rs, "occurred_at", "occurred_nanos"))
          .amount(Money.of(currency, rs.getBigDecimal("amount").stripTrailingZeros(), RoundingMode.UNNECESSARY))
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
