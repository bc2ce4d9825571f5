package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A keyset page of an activity stream starts where the page before ended, through the time index.
 * H2 derives no index range from the exact condition {@code (at > ? OR (at = ? AND ...))}, so the
 * page walked the index from its start and streaming 270,000 purchases read 36 million rows; the
 * implied {@code occurred_at >= ?} in front gives it the range.
 */
class KeysetPagePlanTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void onH2APurchaseStreamPageReadsTheTimeIndexFromWhereThePageBeforeEnded() throws SQLException {
    DataSource dataSource = TestDatabases.h2("keyset_plan");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    Customer buyer = LookupKeysWritePathsTest.person(1, "+8613800000001");
    CustomerImporter.on(store).insertAll(List.of(buyer));
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      purchases.add(new Purchase.Builder().id(ActivityId.of(new UUID(9, i))).customerId(buyer.id()).amount(Money.of(CurrencyUnit.of("CNY"), 10))
          .occurredAt(T0.plusSeconds(60L * i).plusNanos(i % 7)).channel("shop").build());
    }
    store.purchases().recordAll(purchases);
    // No lower bound of its own, as segmentation streams: the page's start is the only bound.
    TimeRange range = TimeRange.until(T0.plusSeconds(86_400L * 30));

    try (Stream<Purchase> streamed = store.purchases().stream(range)) {
      assertThat(streamed.map(Purchase::occurredAt).toList()).as("every page, in time order")
          .isEqualTo(purchases.stream().map(Purchase::occurredAt).sorted().toList());
    }
    SqlBuilder page = ((JdbcPurchases) store.purchases()).streamPageSql(range, purchases.get(1_000));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = new SqlBuilder().append("EXPLAIN ").append(page).prepare(connection);
        ResultSet rs = explain.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).containsPattern("CRM_PURCHASE_TIME_IDX: [^*]*OCCURRED_AT >= \\?")
          .contains("index sorted");
    }
  }
}
