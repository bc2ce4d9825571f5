package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.json.CrmJson;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Criteria (every kind, metric criteria included) survive a trip through JSON unchanged, so a
 * stored segment definition means what it meant when it was written.
 */
class CriteriaJsonProperties {
  private static final ObjectMapper MAPPER = CrmJson.newMapper();

  @Property(tries = 300)
  void everyCriterionRoundTrips(@ForAll("criteria") Criteria criteria) throws JsonProcessingException {
    String json = MAPPER.writeValueAsString(criteria);

    assertThat(MAPPER.readValue(json, Criteria.class)).as(json).isEqualTo(criteria);
  }

  @Property(tries = 100)
  void lookupsRoundTrip(@ForAll("lookups") Criteria criteria) throws JsonProcessingException {
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(criteria), Criteria.class)).isEqualTo(criteria);
  }

  @Example
  void theFormIsReadableAndStable() throws JsonProcessingException {
    Criteria vipsWithValue = Criteria.and(Criteria.tierIs(ValueTier.VIP), Criteria.metric("clv").greaterThan(500));

    assertThat(MAPPER.writeValueAsString(vipsWithValue)).isEqualTo("{\"type\":\"and\",\"operands\":["
        + "{\"type\":\"eq\",\"field\":\"tier\",\"value\":\"VIP\"},"
        + "{\"type\":\"metric\",\"name\":\"clv\",\"test\":\"range\",\"lower\":500.0,\"lowerInclusive\":false}]}");
  }

  @Example
  void aDocumentThatIsNoCriterionIsAMappingErrorNamingTheProblem() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"range\",\"field\":\"kind\",\"from\":\"PERSON\"}",
        Criteria.class)).isInstanceOf(JsonMappingException.class).hasMessageContaining("has no order");
    assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"eq\",\"field\":\"shoeSize\",\"value\":\"9\"}",
        Criteria.class)).isInstanceOf(JsonMappingException.class).hasMessageContaining("unknown customer field");
    assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"maybe\"}", Criteria.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("unknown criterion type 'maybe'");
  }

  @Provide
  Arbitrary<Criteria> criteria() {
    return net.jqwik.api.Arbitraries.oneOf(CrmArbitraries.criteria(), CrmArbitraries.metricCriteria());
  }

  @Provide
  Arbitrary<Criteria> lookups() {
    return CrmArbitraries.customerLists(1, 5).flatMap(CrmArbitraries::lookups);
  }
}
