package io.crmkit.examples.report;

import io.crmkit.core.quality.QualityReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link ReportData} as one self-contained HTML file: Apache ECharts and the page's own
 * script and style are inlined, so the page opens from a disk without any network (a content
 * security policy in the page forbids loading anything). Each chart's figures are embedded as JSON
 * in a {@code <script type="application/json" id="chart-NAME">} element ({@link ChartJson} keeps
 * labels from breaking out of it) and repeated in a table, readable without JavaScript and by
 * screen readers. When every chart has drawn, the script sets {@code data-rendered} on the body to
 * the number of charts, which a headless browser can wait for.
 */
public final class HtmlReport {
  /** The charts of the page, in order: each has a {@code chart-NAME} data element and a drawing. */
  public static final List<String> CHARTS = List.of("tiers", "stages", "rfm", "duplicates", "quality");

  private static final String SCRIPT = EchartsScript.inlinable(resource("report.js"));
  private static final String STYLE = resource("report.css");

  private final ReportData data;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private HtmlReport(ReportData data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /**
   * Writes the page for {@code data} to {@code file} (through a temporary file beside it, so that a
   * failed write leaves no half page), creating its folder if needed.
   *
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path write(ReportData data, Path file) {
    Objects.requireNonNull(file, "file");
    String page = new HtmlReport(data).page();
    Path absolute = file.toAbsolutePath();
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try {
      if (Files.isDirectory(absolute)) {
        throw new IOException("it is a folder");
      }
      Files.createDirectories(absolute.getParent());
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        out.write(page);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      deleteQuietly(partial, e);
      throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(partial, e);
      throw e;
    }
  }

  /** Removes what a failed write left, keeping the first failure as the one reported. */
  private static void deleteQuietly(Path partial, Exception failure) {
    try {
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private String page() {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"crmkit report, Apache ECharts ").append(EchartsScript.version())
        .append("\">\n<title>crmkit report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    header();
    tiers();
    stages();
    rfm();
    duplicates();
    quality();
    html.append("<footer>Charts drawn with Apache ECharts ").append(EchartsScript.version())
        .append(" (Apache License 2.0), inlined: this page needs no network.</footer>\n")
        .append("<script>\n").append(EchartsScript.source()).append("\n</script>\n")
        .append("<script>\n").append(SCRIPT).append("\n</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private void header() {
    QualityReport.Scores scores = data.quality().scores();
    html.append("<header>\n<h1>crmkit report</h1>\n<p>As of <time datetime=\"").append(text(data.asOf().toString()))
        .append("\">").append(text(data.asOf().toString())).append("</time></p>\n</header>\n")
        .append("<ul class=\"cards\" id=\"summary\">\n");
    card("customers", "customers", number(data.customers()));
    card("scored", "scored by RFM", number(data.rfm().scored()));
    card("merges", "merges", number(data.duplicates().merges()));
    card("review", "pairs to review", number(data.duplicates().reviewPending()));
    card("quality", "data quality", decimal(scores.overall()) + " / 100");
    html.append("</ul>\n");
  }

  private void card(String id, String label, String value) {
    html.append("<li id=\"card-").append(id).append("\"><span class=\"value\">").append(text(value))
        .append("</span> <span class=\"label\">").append(text(label)).append("</span></li>\n");
  }

  private void tiers() {
    open("tiers", "Value tiers", "Customers per value tier, as the last tiering assigned them.");
    chart("tiers", labelsAndValues(data.tiers()));
    table("Customers per value tier", List.of("tier", "customers", "share"), data.tiers().stream()
        .map(c -> List.of(c.label(), number(c.customers()), percent(c.customers(), data.customers()))).toList());
    close();
  }

  private void stages() {
    open("stages", "Lifecycle funnel", "Customers per lifecycle stage now, in the lifecycle's order.");
    chart("stages", labelsAndValues(data.stages()));
    table("Customers per lifecycle stage", List.of("stage", "customers", "share"), data.stages().stream()
        .map(c -> List.of(c.label(), number(c.customers()), percent(c.customers(), data.customers()))).toList());
    close();
  }

  private void rfm() {
    ReportData.Rfm rfm = data.rfm();
    open("rfm", "RFM grid", "Customers by recency score (rows, 5 = bought most recently) and frequency score "
        + "(columns, 5 = bought most often), from purchases before the report's date" + (rfm.currency().isEmpty()
        ? "." : ", in " + rfm.currency() + ".") + " Not scored: " + number(rfm.withoutPurchases())
        + " without a purchase, " + number(rfm.otherCurrencies()) + " in another currency.");
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("currency", rfm.currency());
    chart.put("cells", rfm.cells().stream().map(cell -> List.of(cell.recency(), cell.frequency(), cell.customers(),
        cell.monetary().toPlainString())).toList());
    chart("rfm", chart);
    List<List<String>> rows = new ArrayList<>();
    for (int r = 5; r >= 1; r--) {
      List<String> row = new ArrayList<>();
      row.add("R " + r);
      for (int f = 1; f <= 5; f++) {
        row.add(number(rfm.cell(r, f).customers()));
      }
      rows.add(row);
    }
    table("Customers per recency (row) and frequency (column) score",
        List.of("recency \\ frequency", "F 1", "F 2", "F 3", "F 4", "F 5"), rows);
    table("Customers per RFM segment", List.of("segment", "customers"), rfm.segments().stream()
        .map(c -> List.of(c.label(), number(c.customers()))).toList());
    close();
  }

  private void duplicates() {
    ReportData.Duplicates duplicates = data.duplicates();
    open("duplicates", "Duplicates found", "Golden records by how many original records were merged into them. "
        + number(duplicates.merges()) + " merges absorbed " + number(duplicates.absorbedCustomers())
        + " customers (" + number(duplicates.undoneMerges()) + " more merges were undone); "
        + number(duplicates.reviewPending()) + " pairs wait for a person's review.");
    Map<String, Object> chart = labelsAndValues(duplicates.clusterSizes());
    chart.put("merges", duplicates.merges());
    chart.put("undoneMerges", duplicates.undoneMerges());
    chart.put("absorbedCustomers", duplicates.absorbedCustomers());
    chart.put("reviewPending", duplicates.reviewPending());
    chart("duplicates", chart);
    table("Golden records per cluster size", List.of("records merged", "golden records"),
        duplicates.clusterSizes().stream().map(c -> List.of(c.label(), number(c.customers()))).toList());
    table("Deduplication", List.of("figure", "count"), List.of(
        List.of("merges in effect", number(duplicates.merges())),
        List.of("merges undone", number(duplicates.undoneMerges())),
        List.of("customers absorbed", number(duplicates.absorbedCustomers())),
        List.of("pairs waiting for review", number(duplicates.reviewPending()))));
    close();
  }

  private void quality() {
    QualityReport quality = data.quality();
    QualityReport.Scores scores = quality.scores();
    open("quality", "Data quality", "Scores 0-100 per dimension over " + number(quality.customers())
        + " customers; an estimated " + decimal(100 * quality.uniqueness().estimatedDuplicateRate())
        + "% are duplicates by exact keys.");
    Map<String, Double> byDimension = new LinkedHashMap<>();
    byDimension.put("completeness", scores.completeness());
    byDimension.put("validity", scores.validity());
    byDimension.put("uniqueness", scores.uniqueness());
    byDimension.put("freshness", scores.freshness());
    byDimension.put("consistency", scores.consistency());
    byDimension.put("overall", scores.overall());
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", List.copyOf(byDimension.keySet()));
    chart.put("values", List.copyOf(byDimension.values()));
    chart("quality", chart);
    table("Data-quality scores", List.of("dimension", "score"), byDimension.entrySet().stream()
        .map(e -> List.of(e.getKey(), decimal(e.getValue()))).toList());
    table("Completeness per field", List.of("field", "applies to", "present", "share"), quality.completeness()
        .stream().map(f -> List.of(f.field(), number(f.applicable()), number(f.present()), percent(f.share())))
        .toList());
    List<List<String>> rules = new ArrayList<>();
    for (QualityReport.RuleResult rule : quality.validity()) {
      rules.add(List.of("validity", rule.rule(), number(rule.checked()), number(rule.failed()), percent(rule.share())));
    }
    for (QualityReport.RuleResult rule : quality.consistency()) {
      rules.add(List.of("consistency", rule.rule(), number(rule.checked()), number(rule.failed()),
          percent(rule.share())));
    }
    table("Rules", List.of("kind", "rule", "checked", "failed", "share failed"), rules);
    close();
  }

  private void open(String id, String title, String description) {
    html.append("<section id=\"").append(id).append("\">\n<h2>").append(text(title)).append("</h2>\n<p>")
        .append(text(description)).append("</p>\n");
  }

  private void close() {
    html.append("</section>\n");
  }

  /** The drawing area and the figures it is drawn from. */
  private void chart(String name, Object figures) {
    html.append("<div class=\"chart\" id=\"").append(name).append("-chart\" data-chart=\"").append(name)
        .append("\" role=\"img\" aria-label=\"chart; the same figures are in the table below\"></div>\n")
        .append("<script type=\"application/json\" id=\"chart-").append(name).append("\">")
        .append(ChartJson.of(figures)).append("</script>\n");
  }

  private void table(String caption, List<String> headings, List<List<String>> rows) {
    html.append("<table>\n<caption>").append(text(caption)).append("</caption>\n<thead><tr>");
    headings.forEach(h -> html.append("<th scope=\"col\">").append(text(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String tag = i == 0 ? "th scope=\"row\"" : "td";
        html.append('<').append(tag).append('>').append(text(row.get(i))).append("</")
            .append(i == 0 ? "th" : "td").append('>');
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static Map<String, Object> labelsAndValues(List<ReportData.Count> counts) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("labels", counts.stream().map(ReportData.Count::label).toList());
    figures.put("values", counts.stream().map(ReportData.Count::customers).toList());
    return figures;
  }

  /** {@code value} as HTML text: the five characters that could start markup or end an attribute escaped. */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String percent(long part, long whole) {
    return percent(whole == 0 ? 0 : (double) part / whole);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + HtmlReport.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
