package io.crmkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.quality.DataQuality;
import io.crmkit.core.quality.QualityReport;
import io.crmkit.examples.report.ReportData.Count;
import io.crmkit.io.CrmStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses the written page as a browser would and checks every chart's figures and the tables beside them. */
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void everyChartCarriesTheFiguresOfTheStore() {
    CrmStores stores = CrmStores.inMemory();
    ReportFixture.fill(stores);
    ReportData data = ReportData.gather(stores, ReportFixture.AS_OF);

    Document page = parse(HtmlReport.write(data, dir.resolve("report.html")));

    JsonNode tiers = chart(page, "tiers");
    assertThat(strings(tiers.get("labels"))).containsExactly(ReportData.NO_TIER, "VIP", "HIGH");
    assertThat(longs(tiers.get("values"))).containsExactly(9L, 3L, 2L);
    assertThat(tableRows(page, "tiers", 0)).containsExactly(List.of("no tier", "9", "64.3%"),
        List.of("VIP", "3", "21.4%"), List.of("HIGH", "2", "14.3%"));

    JsonNode stages = chart(page, "stages");
    assertThat(strings(stages.get("labels"))).startsWith("PROSPECT", "DECIDING", "NEW", "ACTIVE", "AT_RISK");
    assertThat(longs(stages.get("values"))).startsWith(11L, 0L, 0L, 2L, 1L);
    assertThat(tableRows(page, "stages", 0)).contains(List.of("ACTIVE", "2", "14.3%"));

    JsonNode rfm = chart(page, "rfm");
    assertThat(rfm.get("currency").asText()).isEqualTo("CNY");
    assertThat(rfm.get("cells")).hasSize(25);
    for (JsonNode cell : rfm.get("cells")) {
      ReportData.RfmCell expected = data.rfm().cell(cell.get(0).asInt(), cell.get(1).asInt());
      assertThat(cell.get(2).asLong()).isEqualTo(expected.customers());
      assertThat(new BigDecimal(cell.get(3).asText())).isEqualByComparingTo(expected.monetary());
    }
    long scored = 0;
    for (JsonNode cell : rfm.get("cells")) {
      scored += cell.get(2).asLong();
    }
    assertThat(scored).isEqualTo(5);
    List<List<String>> grid = tableRows(page, "rfm", 0);
    assertThat(grid).hasSize(5);
    for (List<String> row : grid) {
      int r = Integer.parseInt(row.get(0).substring(2));
      for (int f = 1; f <= 5; f++) {
        assertThat(row.get(f)).isEqualTo(Long.toString(data.rfm().cell(r, f).customers()));
      }
    }

    JsonNode duplicates = chart(page, "duplicates");
    assertThat(strings(duplicates.get("labels"))).containsExactly("2", "3");
    assertThat(longs(duplicates.get("values"))).containsExactly(1L, 1L);
    assertThat(duplicates.get("merges").asLong()).isEqualTo(3);
    assertThat(duplicates.get("undoneMerges").asLong()).isEqualTo(1);
    assertThat(duplicates.get("absorbedCustomers").asLong()).isEqualTo(3);
    assertThat(duplicates.get("reviewPending").asLong()).isEqualTo(2);
    assertThat(tableRows(page, "duplicates", 1)).contains(List.of("pairs waiting for review", "2"));

    JsonNode quality = chart(page, "quality");
    QualityReport.Scores scores = data.quality().scores();
    assertThat(strings(quality.get("labels")))
        .containsExactly("completeness", "validity", "uniqueness", "freshness", "consistency", "overall");
    assertThat(doubles(quality.get("values"))).containsExactly(scores.completeness(), scores.validity(),
        scores.uniqueness(), scores.freshness(), scores.consistency(), scores.overall());
    assertThat(page.getElementById("card-customers").text()).isEqualTo("14 customers");
  }

  @Test
  void thePageLoadsNothingFromTheNetworkAndInlinesEcharts() {
    Document page = parse(HtmlReport.write(ReportData.gather(CrmStores.inMemory(), ReportFixture.AS_OF),
        dir.resolve("empty.html")));

    assertThat(page.select("script[src], link[href], iframe, object, embed")).isEmpty();
    assertThat(page.select("[src], [href]").stream()
        .flatMap(e -> Stream.of(e.attr("src"), e.attr("href")))
        .filter(url -> url.matches("(?i)\\s*(https?:)?//.*"))).isEmpty();
    assertThat(page.select("script:not([type])").stream().map(Element::data))
        .anySatisfy(script -> assertThat(script).contains("echarts").hasSizeGreaterThan(500_000));
    assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none'");
    assertThat(page.select("[data-chart]").eachAttr("data-chart")).containsExactlyElementsOf(HtmlReport.CHARTS);
  }

  @Test
  void labelsThatLookLikeMarkupStayTextAndCannotEndTheDataElement() throws IOException {
    String hostile = "</script><script>alert(1)</script><!-- \u2028 & \"quoted\" 'single'";
    ReportData data = new ReportData(ReportFixture.AS_OF, 5, List.of(new Count(hostile, 5)),
        List.of(new Count("<b>STAGE</b>", 5)),
        new ReportData.Rfm("", 0, 5, 0, StoreReading.grid(List.of()), List.of(new Count("</SCRIPT >", 1))),
        new ReportData.Duplicates(0, 0, 0, 0, List.of()), DataQuality.defaults().measure(Stream.empty()));

    Path file = HtmlReport.write(data, dir.resolve("hostile.html"));
    Document page = parse(file);

    assertThat(Files.readString(file)).doesNotContain("<script>alert").doesNotContain("</SCRIPT >");
    assertThat(page.select("script")).hasSize(HtmlReport.CHARTS.size() + 2);
    assertThat(strings(chart(page, "tiers").get("labels"))).containsExactly(hostile);
    assertThat(strings(chart(page, "stages").get("labels"))).containsExactly("<b>STAGE</b>");
    assertThat(page.select("section#tiers tbody th").first().wholeText()).isEqualTo(hostile);
    assertThat(page.select("section#stages b")).isEmpty();
    assertThat(tableRows(page, "rfm", 1)).containsExactly(List.of("</SCRIPT >", "1"));
  }

  @Test
  void aScriptWithAClosingTagInAStringIsInlinedWithoutEndingItsElement() {
    assertThat(EchartsScript.inlinable("var s = '</script>'; var t = \"</SCRIPT\";"))
        .isEqualTo("var s = '<\\/script>'; var t = \"<\\/SCRIPT\";");
  }

  private static Document parse(Path file) {
    try {
      return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode chart(Document page, String name) {
    Element data = page.getElementById("chart-" + name);
    assertThat(data).as("chart-%s", name).isNotNull();
    assertThat(data.tagName()).isEqualTo("script");
    assertThat(data.attr("type")).isEqualTo("application/json");
    try {
      return JSON.readTree(data.data());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body rows of the {@code index}-th table of a section, each cell's text (grouping commas removed). */
  private static List<List<String>> tableRows(Document page, String section, int index) {
    Element table = page.select("section#" + section + " table").get(index);
    List<List<String>> rows = new ArrayList<>();
    for (Element row : table.select("tbody tr")) {
      rows.add(row.children().stream().map(cell -> cell.tagName().equals("td") ? cell.text().replace(",", "")
          : cell.text()).toList());
    }
    return rows;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asLong()));
    return values;
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asDouble()));
    return values;
  }
}
