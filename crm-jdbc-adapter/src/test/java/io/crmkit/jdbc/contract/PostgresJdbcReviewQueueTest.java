package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.testkit.contract.ReviewQueueContract;

/** The JDBC adapter keeps the {@link ReviewQueue} contract on PostgreSQL. */
class PostgresJdbcReviewQueueTest extends ReviewQueueContract {
  @Override
  protected ReviewQueue newQueue() {
    return ContractStores.emptyPostgres().attach(JdbcDedup.extension()).reviewQueue();
  }
}
