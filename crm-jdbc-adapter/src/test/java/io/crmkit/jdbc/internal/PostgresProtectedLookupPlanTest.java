package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.TestFieldProtection;
import java.util.stream.Stream;

/**
 * With field protection, phone, e-mail and identifier lookups compare blind indexes, through the same
 * lookup index and the same plans as PostgresLookupPlanTest shows for clear values, and find the
 * same customers. Name prefixes are left to that test: names stay clear, but the blind indexes
 * sharing the table change its statistics, and with them the planner's (cost-based) choice for a
 * short name prefix.
 */
class PostgresProtectedLookupPlanTest extends PostgresLookupPlanTest {
  @Override
  JdbcOptions options() {
    return JdbcOptions.builder().fieldProtection(TestFieldProtection.create()).build();
  }

  /** The lookups of protected fields (hides the superclass's, which {@code @MethodSource} names). */
  static Stream<Criteria> lookups() {
    return Stream.of(
        Criteria.hasPhone("138 0000 4242", "CN"),
        Criteria.hasEmail("person4242@EXAMPLE.com"),
        Criteria.hasPersonIdentifier(PersonIdentifier.CN_RIN, LookupKeysWritePathsTest.rin(42)),
        Criteria.hasOrganisationIdentifier(OrganisationIdentifier.VAT, "de-100000042"));
  }
}
