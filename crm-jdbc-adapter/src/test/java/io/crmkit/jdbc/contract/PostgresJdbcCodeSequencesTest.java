package io.crmkit.jdbc.contract;

import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.testkit.contract.CodeSequencesContract;

/** The JDBC adapter keeps the {@link CodeSequences} contract on Postgres. */
class PostgresJdbcCodeSequencesTest extends CodeSequencesContract {
  @Override
  protected CodeSequences newSequences() {
    return ContractStores.emptyPostgres().attach(JdbcDimensionCodes.extension()).codeSequences();
  }
}
