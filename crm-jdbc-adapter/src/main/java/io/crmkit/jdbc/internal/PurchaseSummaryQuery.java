package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.customer.CustomerId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the {@link Dialect} computes the {@link PurchaseSummary}s of one chunk of customers: in one
 * statement, with exactly the figures {@link PurchaseSummary#of} gives from their purchase lists.
 * PostgreSQL aggregates in the server ({@link PostgresPurchaseSummaries}), so that only one row per
 * customer and currency crosses the network; H2 runs inside the JVM, where its window functions
 * cost more than folding the rows, so it reads the rows and folds them ({@link H2PurchaseSummaries}).
 */
interface PurchaseSummaryQuery {

  /**
   * The summaries of the customers in {@code customerIds} that have a purchase or refund before
   * {@code asOf}; the others are left out. {@code asOf} is after the first storable instant.
   */
  Map<CustomerId, PurchaseSummary> summarise(Connection connection, List<UUID> customerIds, Instant asOf)
      throws SQLException;
}
