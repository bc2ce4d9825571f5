package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** {@link Purchases} over the {@code purchase} table. */
public final class JdbcPurchases extends JdbcActivityLog<Purchase> implements Purchases {

  public JdbcPurchases(Connections connections, Tables tables) {
    super(connections, tables, new Mapping());
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
