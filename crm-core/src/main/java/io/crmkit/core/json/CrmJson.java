package io.crmkit.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A ready-configured Jackson mapper for crmkit types. */
public final class CrmJson {
  private CrmJson() {}

  /**
   * A new mapper with {@link CrmJacksonModule}, ISO-8601 text for dates and instants, and
   * tolerance for unknown properties, so that types written by a newer crmkit with more fields
   * still read. A domain event of a kind this version does not know fails with Jackson's {@code
   * InvalidTypeIdException} naming it: upgrade the consumers of events before their producers.
   */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new CrmJacksonModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
