package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.json.CrmJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report as JSON: stable field names, ids as text, no values, and a lossless round trip. */
class QualityReportJsonTest {
  private final ObjectMapper mapper = CrmJson.newMapper();
  private final QualityReport report = DataQuality.builder().clock(DataQualityTest.CLOCK)
      .lastContacts((ids, asOf) -> java.util.Map.of()).build()
      .measure(Stream.of(DataQualityTest.ZHANG, DataQualityTest.LI, DataQualityTest.ACME));

  @Test
  void theReportReadsBackEqual() throws Exception {
    String json = mapper.writeValueAsString(report);

    assertThat(mapper.readValue(json, QualityReport.class)).isEqualTo(report);
  }

  @Test
  void fieldNamesAreTheDocumentedOnes() throws Exception {
    JsonNode json = mapper.valueToTree(report);

    assertThat(names(json)).containsExactly("asOf", "customers", "completeness", "validity", "uniqueness",
        "freshness", "consistency", "scores");
    assertThat(json.get("asOf").asText()).isEqualTo("2026-06-30T00:00:00Z");
    assertThat(names(json.get("completeness").get(0))).containsExactly("field", "applicable", "present", "share");
    assertThat(names(json.get("validity").get(0))).containsExactly("rule", "checked", "failed", "share", "examples");
    assertThat(json.get("validity").get(0).get("examples").get(0).asText())
        .isEqualTo(DataQualityTest.LI.id().toString());
    assertThat(names(json.get("uniqueness"))).containsExactly("keys", "estimatedDuplicateRate",
        "estimatedDistinctCustomers");
    assertThat(names(json.get("uniqueness").get("keys").get(0))).containsExactly("key", "customersWithKey",
        "customersSharingKey", "distinctKeys", "estimatedDuplicates", "duplicateRate", "exact", "sampleRate");
    assertThat(names(json.get("freshness"))).containsExactly("sinceUpdate", "sinceContact", "horizonDays");
    assertThat(names(json.get("freshness").get("sinceUpdate"))).containsExactly("counted", "never", "p50Days",
        "p90Days", "p99Days", "maxDays", "buckets");
    assertThat(names(json.get("freshness").get("sinceUpdate").get("buckets").get(0)))
        .containsExactly("label", "underDays", "count", "share");
    assertThat(json.get("freshness").get("sinceUpdate").get("buckets").get(4).get("underDays").isNull()).isTrue();
    assertThat(names(json.get("scores"))).containsExactly("completeness", "validity", "uniqueness", "freshness",
        "consistency", "overall");
  }

  @Test
  void theJsonCarriesNoPersonalValue() throws Exception {
    String json = mapper.writeValueAsString(report);

    assertThat(json).doesNotContain("+8613812345678", "+86123", "not-an-address", "zhang.wei", "91310000MA1FL8TQ36",
        "11010519491231002X", "北京", "张");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
