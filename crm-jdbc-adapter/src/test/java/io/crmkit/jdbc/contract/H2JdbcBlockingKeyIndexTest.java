package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.testkit.contract.BlockingKeyIndexContract;

/** The JDBC adapter keeps the {@link BlockingKeyIndex} contract on H2. */
class H2JdbcBlockingKeyIndexTest extends BlockingKeyIndexContract {
  @Override
  protected BlockingKeyIndex newIndex() {
    return ContractStores.emptyH2().attach(JdbcDedup.extension()).blockingKeys();
  }
}
