package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.PurchaseSummary.CurrencyTotals;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Purchase summaries aggregated by PostgreSQL: per chunk, one statement that returns one row per
 * customer and currency plus one per customer with a purchase. A {@code UNION ALL} of two
 * aggregates over the chunk's purchases before {@code asOf}, with no join:
 *
 * <ul>
 *   <li>part 0, per customer and currency: counts and exact {@code numeric} sums, refunds being
 *       the negative amounts;
 *   <li>part 1, per customer, over their purchases (not refunds) in time order, one window: a
 *       purchase opens an occasion when the purchase before it ({@code LAG}) was on an earlier UTC
 *       day; the first purchase is the first row, the latest the last one, the last occasion the
 *       opening row on the last day; the typical gap is {@code PERCENTILE_CONT(0.5)} of the days
 *       between an opening row and the purchase before it.
 * </ul>
 *
 * <p>The UTC day is the date of {@code occurred_at AT TIME ZONE 'UTC'}: a {@code timestamptz}
 * converted to UTC wall time, so it does not depend on the session's {@code TimeZone}, and exact on
 * every server version (the epoch is a double before PostgreSQL 14). Instants are ordered by both
 * of their columns, so nanoseconds count.
 */
final class PostgresPurchaseSummaries implements PurchaseSummaryQuery {
  private static final String MONEY = "SELECT 0 AS part, customer_id, currency,"
      + " COUNT(*) FILTER (WHERE amount >= 0) AS purchases, COUNT(*) FILTER (WHERE amount < 0) AS refunds,"
      + " SUM(amount) AS total, COALESCE(SUM(amount) FILTER (WHERE amount < 0), 0) AS refunded,"
      + " NULL::bigint AS occasions, NULL::timestamptz AS first_at, NULL::integer AS first_nanos,"
      + " NULL::timestamptz AS occasion_at, NULL::integer AS occasion_nanos,"
      + " NULL::timestamptz AS last_at, NULL::integer AS last_nanos, NULL::double precision AS median_gap"
      + " FROM p GROUP BY customer_id, currency";
  private static final String TIMING = "SELECT 1, customer_id, NULL, NULL, NULL, NULL, NULL,"
      + " COUNT(*) FILTER (WHERE opens),"
      + " MAX(occurred_at) FILTER (WHERE nth = 1), MAX(occurred_nanos) FILTER (WHERE nth = 1),"
      + " MAX(occurred_at) FILTER (WHERE opens AND utc_day = last_day),"
      + " MAX(occurred_nanos) FILTER (WHERE opens AND utc_day = last_day),"
      + " MAX(occurred_at) FILTER (WHERE nth = bought), MAX(occurred_nanos) FILTER (WHERE nth = bought),"
      + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY utc_day - previous_day)"
      + " FILTER (WHERE opens AND previous_day IS NOT NULL)"
      + " FROM (SELECT ranked.*, previous_day IS NULL OR previous_day < utc_day AS opens FROM ("
      + "SELECT customer_id, occurred_at, occurred_nanos, utc_day,"
      + " ROW_NUMBER() OVER w AS nth, LAG(utc_day) OVER w AS previous_day,"
      + " COUNT(*) OVER (PARTITION BY customer_id) AS bought, MAX(utc_day) OVER (PARTITION BY customer_id) AS last_day"
      + " FROM p WHERE amount >= 0 WINDOW w AS (PARTITION BY customer_id ORDER BY occurred_at, occurred_nanos)"
      + ") ranked) purchases GROUP BY customer_id";

  private final Tables tables;

  PostgresPurchaseSummaries(Tables tables) {
    this.tables = tables;
  }

  @Override
  public Map<CustomerId, PurchaseSummary> summarise(Connection connection, List<UUID> customerIds, Instant asOf)
      throws SQLException {
    Array ids = connection.createArrayOf("UUID", customerIds.toArray());
    Map<CustomerId, PurchaseSummary.Builder> builders = new HashMap<>();
    try (PreparedStatement select = sql(ids, asOf).prepare(connection); ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        PurchaseSummary.Builder summary = builders.computeIfAbsent(CustomerId.of(Values.uuid(rs, "customer_id")),
            id -> new PurchaseSummary.Builder().customerId(id).asOf(asOf).occasions(0));
        if (rs.getInt("part") == 0) {
          CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency").trim());
          summary.putByCurrency(currency, new CurrencyTotals(money(currency, rs.getBigDecimal("total")),
              money(currency, rs.getBigDecimal("refunded")), Math.toIntExact(rs.getLong("purchases")),
              Math.toIntExact(rs.getLong("refunds"))));
        } else {
          timing(rs, summary);
        }
      }
    } finally {
      ids.free();
    }
    Map<CustomerId, PurchaseSummary> summaries = new HashMap<>();
    builders.forEach((customer, summary) -> summaries.put(customer, summary.build()));
    return summaries;
  }

  /** The statement for the customers in {@code ids} (an array of UUIDs), for tests of its plan. */
  SqlBuilder sql(Array ids, Instant asOf) {
    SqlBuilder sql = new SqlBuilder()
        .append("WITH p AS (SELECT customer_id, occurred_at, occurred_nanos, amount, currency,"
            + " (occurred_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01' AS utc_day FROM ")
        .append(tables.purchase()).append(" WHERE customer_id = ANY(")
        .param((statement, index) -> statement.setArray(index, ids)).append(")");
    if (!asOf.isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "occurred_at", "occurred_nanos", asOf);
    }
    return sql.append(") ").append(MONEY).append(" UNION ALL ").append(TIMING);
  }

  /** Sets the occasion figures from a part 1 row. */
  private static void timing(ResultSet rs, PurchaseSummary.Builder summary) throws SQLException {
    summary.occasions(Math.toIntExact(rs.getLong("occasions")))
        .firstPurchaseAt(Values.instant(rs, "first_at", "first_nanos"))
        .lastOccasionAt(Values.instant(rs, "occasion_at", "occasion_nanos"))
        .lastPurchaseAt(Values.instant(rs, "last_at", "last_nanos"));
    double medianDays = rs.getDouble("median_gap");
    if (!rs.wasNull()) {
      // The median of whole days is whole or half, which a double holds exactly.
      summary.typicalGap(Duration.ofHours(12 * Math.round(medianDays * 2)));
    }
  }

  private static Money money(CurrencyUnit currency, BigDecimal amount) {
    return Money.of(currency, amount.stripTrailingZeros(), RoundingMode.UNNECESSARY);
  }
}
