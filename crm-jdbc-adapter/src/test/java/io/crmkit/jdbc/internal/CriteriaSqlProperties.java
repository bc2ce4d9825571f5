package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Sort;
import io.crmkit.testkit.CrmArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Criteria become SQL text with placeholders only: no value is ever written into the SQL. */
class CriteriaSqlProperties {
  private static final String ESCAPE_CLAUSE = "ESCAPE '\\'";

  @Property
  void everyValueIsABoundParameterOnEveryDialect(@ForAll("criteria") Criteria criteria, @ForAll("sorts") Sort sort) {
    for (Dialect dialect : new Dialect[] {new H2Dialect(), new PostgresDialect()}) {
      CriteriaSql translator = new CriteriaSql(new Tables("crm_", null), dialect, new CustomerCodec());
      SqlBuilder sql = translator.page(criteria, sort, 3, 10);
      String text = sql.sql();

      assertThat(text.replace(ESCAPE_CLAUSE, "")).as(text).doesNotContain("'").doesNotContain("--");
      assertThat(text.chars().filter(c -> c == '?').count()).as(text).isEqualTo(sql.params().size());
    }
  }

  @Example
  void anInjectionAttemptIsJustAParameter() {
    String attack = "x' OR '1'='1'; DROP TABLE crm_customer; --";
    CriteriaSql translator = new CriteriaSql(new Tables("crm_", null), new PostgresDialect(), new CustomerCodec());
    SqlBuilder sql = translator.page(Criteria.or(Criteria.ownerIs(attack), Criteria.hasTag(attack),
        Criteria.codeStartsWith("region", attack)), Sort.byId(), 0, 10);

    assertThat(sql.sql()).doesNotContain("DROP").doesNotContain("OR '1'");
    assertThat(sql.params()).hasSize(6);
  }

  @Provide
  Arbitrary<Criteria> criteria() {
    return CrmArbitraries.criteria();
  }

  @Provide
  Arbitrary<Sort> sorts() {
    return CrmArbitraries.sorts();
  }
}
