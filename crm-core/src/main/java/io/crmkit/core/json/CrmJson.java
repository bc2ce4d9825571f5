package io.crmkit.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.crmkit.core.event.EventFamily;
import java.util.Objects;

/** A ready-configured Jackson mapper for crmkit types. */
public final class CrmJson {
  private CrmJson() {}

  /**
   * A new mapper with {@link CrmJacksonModule} for crm-core's event family and {@code families},
   * ISO-8601 text for dates and instants, and tolerance for unknown properties, so that types
   * written by a newer crmkit with more fields still read. A domain event of a kind the mapper does
   * not know (a newer crmkit's, or of a family not passed here) fails with Jackson's {@code
   * InvalidTypeIdException} naming it: upgrade the consumers of events before their producers.
   *
   * @param families the event families of other modules to read and write, if any
   * @throws IllegalArgumentException if two event types of the families share a type id
   */
  public static ObjectMapper newMapper(EventFamily<?>... families) {
    return newMapper(CrmJacksonModule.withFamilies(families));
  }

  /**
   * A new mapper configured as {@link #newMapper(EventFamily...)} does, with {@code module}: for a
   * caller that keeps the module to ask it which event types it registers.
   */
  public static ObjectMapper newMapper(CrmJacksonModule module) {
    Objects.requireNonNull(module, "module");
    return new ObjectMapper()
        .registerModule(module)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
