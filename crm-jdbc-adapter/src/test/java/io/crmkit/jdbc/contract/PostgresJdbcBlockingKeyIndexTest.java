package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.testkit.contract.BlockingKeyIndexContract;

/** The JDBC adapter keeps the {@link BlockingKeyIndex} contract on PostgreSQL. */
class PostgresJdbcBlockingKeyIndexTest extends BlockingKeyIndexContract {
  @Override
  protected BlockingKeyIndex newIndex() {
    return ContractStores.emptyPostgres().attach(JdbcDedup.extension()).blockingKeys();
  }
}
