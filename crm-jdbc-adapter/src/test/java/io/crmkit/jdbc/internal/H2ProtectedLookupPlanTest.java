package io.crmkit.jdbc.internal;

import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.TestFieldProtection;

/**
 * With field protection, phone, e-mail and identifier lookups compare blind indexes, through the same
 * lookup index and the same plans as H2LookupPlanTest shows for clear values, and find the same customers.
 */
class H2ProtectedLookupPlanTest extends H2LookupPlanTest {
  @Override
  JdbcOptions options() {
    return JdbcOptions.builder().fieldProtection(TestFieldProtection.create()).build();
  }
}
