package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.customer.CustomerId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Purchase summaries on H2: one query per chunk reads the customers' purchases before {@code asOf},
 * and {@link PurchaseSummary#of} folds each customer's rows. H2 runs in the caller's JVM, so
 * there is no network to spare; measured on 1,000-customer chunks of 10 purchases each, this is
 * several times faster than the same aggregation in H2's SQL (window functions and
 * {@code PERCENTILE_CONT}) and about twice as fast as one query per customer.
 *
 * <p>The ids are joined as a table ({@code UNNEST(?)}), which H2 answers with one index lookup
 * per id; {@code customer_id = ANY(?)} would test every row of the table against the array.
 */
final class H2PurchaseSummaries implements PurchaseSummaryQuery {
  private final Tables tables;
  private final ActivityTable<Purchase> purchases;

  H2PurchaseSummaries(Tables tables, ActivityTable<Purchase> purchases) {
    this.tables = tables;
    this.purchases = purchases;
  }

  @Override
  public Map<CustomerId, PurchaseSummary> summarise(Connection connection, List<UUID> customerIds, Instant asOf)
      throws SQLException {
    Array ids = connection.createArrayOf("UUID", customerIds.toArray());
    Map<CustomerId, List<Purchase>> byCustomer = new HashMap<>();
    try (PreparedStatement select = sql(ids, asOf).prepare(connection); ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Purchase purchase = purchases.read(rs);
        byCustomer.computeIfAbsent(purchase.customerId(), id -> new ArrayList<>()).add(purchase);
      }
    } finally {
      ids.free();
    }
    Map<CustomerId, PurchaseSummary> summaries = new HashMap<>();
    byCustomer.forEach((customer, bought) -> summaries.put(customer, PurchaseSummary.of(customer, bought, asOf)));
    return summaries;
  }

  /** The query for the customers in {@code ids} (an array of UUIDs), for tests of its plan. */
  SqlBuilder sql(Array ids, Instant asOf) {
    SqlBuilder sql = new SqlBuilder().append("SELECT p.* FROM UNNEST(")
        .param((statement, index) -> statement.setArray(index, ids))
        .append(") AS ids(id) JOIN ").append(tables.purchase()).append(" p ON p.customer_id = ids.id");
    if (!asOf.isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" WHERE "), "p.occurred_at", "p.occurred_nanos", asOf);
    }
    return sql;
  }
}
