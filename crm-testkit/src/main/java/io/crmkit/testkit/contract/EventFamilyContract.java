package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.json.CrmJacksonModule;
import io.crmkit.core.json.CrmJson;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The contract of an event family: what every module that declares one ({@link EventFamily}) must
 * make true so that its events travel through crmkit's JSON, the JDBC outbox and the host's own
 * consumers. Extend it in your tests with your family and an arbitrary of its events:
 *
 * <pre>{@code
 * class ConsentEventsTest extends EventFamilyContract<ConsentEvent> {
 *   @Override
 *   protected EventFamily<ConsentEvent> family() {
 *     return ConsentEvent.FAMILY;
 *   }
 *
 *   @Override
 *   protected Arbitrary<? extends ConsentEvent> events() {
 *     return Arbitraries.oneOf(consentGiven(), consentWithdrawn());
 *   }
 * }
 * }</pre>
 *
 * <p>The contract pins down: every event reads back equal from JSON as a {@link DomainEvent}, as
 * its family's interface and as its own type; its JSON carries the type id of its family and the
 * common fields every consumer routes and deduplicates by ({@code eventId}, {@code occurredAt},
 * {@code customerId}) as plain text; the family's type ids clash with none of crm-core's; and
 * {@link #events()} generates every type of the family, so that no type goes untested.
 *
 * <p>Properties run {@code jqwik.tries.default} tries (set it in {@code junit-platform.properties}).
 *
 * @param <E> the family's sealed interface
 */
public abstract class EventFamilyContract<E extends DomainEvent> {
  private ObjectMapper mapper;

  /** The family under test. */
  protected abstract EventFamily<E> family();

  /** Events of every type of the family, with the awkward values its fields can hold. */
  protected abstract Arbitrary<? extends E> events();

  /**
   * The mapper events travel through: by default {@link CrmJson#newMapper} with the family. Override
   * it to check the mapper your host configures.
   */
  protected ObjectMapper mapper() {
    return CrmJson.newMapper(family());
  }

  @Property
  public void everyEventReadsBackEqualAsADomainEventAndEveryTypeIsGenerated(
      @ForAll("familyEvents") DomainEvent event) throws JsonProcessingException {
    ObjectMapper mapper = json();

    assertThat(mapper.readValue(mapper.writeValueAsString(event), DomainEvent.class)).isEqualTo(event);
    Statistics.label("type").collect(event.getClass().getSimpleName()).coverage(coverage -> {
      for (String typeId : family().types().keySet()) {
        coverage.check(typeId).count(n -> n > 0);
      }
    });
  }

  @Property
  public void everyEventReadsBackEqualAsItsFamilyAndAsItsOwnType(@ForAll("familyEvents") DomainEvent event)
      throws JsonProcessingException {
    ObjectMapper mapper = json();
    String json = mapper.writeValueAsString(event);

    assertThat(mapper.readValue(json, family().root())).isEqualTo(event);
    assertThat(mapper.readValue(json, event.getClass())).isEqualTo(event);
  }

  @Property
  public void everyEventIsTaggedWithItsFamilysTypeIdAndCarriesTheCommonFieldsAsText(
      @ForAll("familyEvents") DomainEvent event) throws JsonProcessingException {
    JsonNode json = json().readTree(json().writeValueAsString(event));

    assertThat(family().includes(event.getClass()))
        .as("%s is an event type of family '%s'", event.getClass().getName(), family().name()).isTrue();
    assertThat(json.path("type").asText()).isEqualTo(event.getClass().getSimpleName());
    assertThat(json.path("eventId").asText()).isEqualTo(event.eventId().toString());
    assertThat(json.path("occurredAt").asText()).isEqualTo(event.occurredAt().toString());
    assertThat(json.path("customerId").asText()).isEqualTo(event.customerId().toString());
  }

  @Example
  public void theFamilysTypeIdsClashWithNoneOfCrmCoresEvents() {
    // withFamilies throws on a clash, naming both types
    Map<String, Class<? extends DomainEvent>> registered = CrmJacksonModule.withFamilies(family()).eventTypes();

    assertThat(registered).containsAllEntriesOf(family().types());
  }

  @Provide
  Arbitrary<DomainEvent> familyEvents() {
    return events().map(DomainEvent.class::cast);
  }

  /** {@link #mapper()}, made once per property: jqwik runs a property's tries on one instance. */
  private ObjectMapper json() {
    if (mapper == null) {
      mapper = mapper();
    }
    return mapper;
  }
}
