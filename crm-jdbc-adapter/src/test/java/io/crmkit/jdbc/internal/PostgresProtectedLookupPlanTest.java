package io.crmkit.jdbc.internal;

import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.TestFieldProtection;

/**
 * With field protection, phone, e-mail and identifier lookups compare blind indexes, through the same
 * lookup index and the same plans as PostgresLookupPlanTest shows for clear values, and find the same customers.
 */
class PostgresProtectedLookupPlanTest extends PostgresLookupPlanTest {
  @Override
  JdbcOptions options() {
    return JdbcOptions.builder().fieldProtection(TestFieldProtection.create()).build();
  }
}
