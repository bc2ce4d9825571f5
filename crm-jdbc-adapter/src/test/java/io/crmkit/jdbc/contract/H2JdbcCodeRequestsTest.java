package io.crmkit.jdbc.contract;

import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.testkit.contract.CodeRequestsContract;

/** The JDBC adapter keeps the {@link CodeRequests} contract on H2. */
class H2JdbcCodeRequestsTest extends CodeRequestsContract {
  @Override
  protected CodeRequests newRequests() {
    return ContractStores.emptyH2().attach(JdbcDimensionCodes.extension()).codeRequests();
  }
}
