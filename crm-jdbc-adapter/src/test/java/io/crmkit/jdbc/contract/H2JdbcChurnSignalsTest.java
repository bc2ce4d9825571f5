package io.crmkit.jdbc.contract;

import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.testkit.contract.ChurnSignalsContract;

/** The JDBC adapter keeps the {@link ChurnSignals} contract on H2. */
class H2JdbcChurnSignalsTest extends ChurnSignalsContract {
  @Override
  protected ChurnSignals newSignals() {
    return ContractStores.emptyH2().attach(JdbcLifecycle.extension()).churnSignals();
  }
}
