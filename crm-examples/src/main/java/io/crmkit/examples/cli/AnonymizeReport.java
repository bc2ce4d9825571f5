package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.crmkit.privacy.anonymise.Anonymiser;
import io.crmkit.privacy.anonymise.Metric;
import io.crmkit.privacy.anonymise.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code crmkit anonymize} writes: the anonymised rows in the input's own format, the settings
 * and utility metrics as JSON (so that a release can be judged and reproduced without the data),
 * and the summary. The metrics name files by name only and hold no value of the data.
 */
final class AnonymizeReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String inputName;
  private final Settings settings;
  private final Map<String, Path> hierarchyFiles;
  private final Anonymiser.Result result;
  private final int rejectedRows;

  AnonymizeReport(String inputName, Settings settings, Map<String, Path> hierarchyFiles, Anonymiser.Result result,
      int rejectedRows) {
    this.inputName = inputName;
    this.settings = settings;
    this.hierarchyFiles = hierarchyFiles;
    this.result = result;
    this.rejectedRows = rejectedRows;
  }

  /**
   * Writes the anonymised rows with the input's delimiter, quote, encoding and header line.
   *
   * @throws CliException failure if the file cannot be written
   */
  void writeTable(Path file, DelimitedFile.Format format, LineDelimiter lineDelimiter, Progress progress) {
    progress.start("writing " + file.getFileName());
    CsvWriter.CsvWriterBuilder builder = CsvWriter.builder().fieldSeparator(format.delimiter())
        .quoteCharacter(format.quote()).lineDelimiter(lineDelimiter);
    try (CsvWriter csv = builder.build(file, format.encoding())) {
      if (format.header()) {
        csv.writeRecord(result.table().header());
      }
      long written = 0;
      for (List<String> row : result.table().rows()) {
        csv.writeRecord(row);
        progress.advance(++written);
      }
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
    progress.finish(String.format(Locale.ROOT, "%,d rows", result.table().size()));
  }

  /**
   * Writes the settings and metrics as JSON.
   *
   * @throws CliException failure if the file cannot be written
   */
  void writeMetrics(Path file, Path table) {
    try {
      JSON.writeValue(file.toFile(), metrics(table));
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  /** The JSON document: input, settings, each quasi-identifier's level, then the utility figures. */
  Map<String, Object> metrics(Path table) {
    Anonymiser.Report report = result.report();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("input", inputName);
    json.put("output", table.getFileName().toString());
    json.put("rows", result.table().size());
    json.put("rejectedRows", rejectedRows);
    json.put("recoding", recodingName(settings.recoding()));
    json.put("k", settings.k());
    json.put("sensitiveColumn", settings.sensitiveColumn());
    json.put("l", settings.l());
    json.put("suppressionLimit", settings.suppressionLimit());
    json.put("metric", metricName(settings.metric()));
    List<Map<String, Object>> columns = new ArrayList<>();
    settings.quasiIdentifiers().forEach((column, hierarchy) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("column", column);
      entry.put("hierarchy", hierarchyFiles.get(column).getFileName().toString());
      if (report.levels().containsKey(column)) {
        entry.put("level", report.levels().get(column));
      }
      entry.put("levels", hierarchy.height());
      columns.add(entry);
    });
    json.put("quasiIdentifiers", columns);
    json.put("suppressedRecords", report.suppressedRecords());
    json.put("classes", report.classes());
    json.put("averageClassSize", report.averageClassSize());
    json.put("discernibility", report.discernibility());
    json.put("generalisationLoss", report.generalisationLoss());
    if (settings.recoding() == Settings.Recoding.LOCAL) {
      json.put("partitionsExamined", report.nodesEvaluated());
    } else {
      json.put("latticeSize", report.latticeSize());
      json.put("nodesEvaluated", report.nodesEvaluated());
    }
    return json;
  }

  /** The summary on standard output. */
  void print(PrintWriter out, Path table, Path metricsFile, Duration time) {
    Anonymiser.Report report = result.report();
    out.printf(Locale.ROOT, "crmkit anonymize: %s%n", inputName);
    out.printf(Locale.ROOT, "  rows               %,d anonymised, %,d rejected%n", result.table().size(), rejectedRows);
    out.printf(Locale.ROOT, "  privacy            k = %d%s, at most %s%% suppressed%n", settings.k(),
        settings.l() > 1 ? ", " + settings.l() + " distinct " + settings.sensitiveColumn() + " per class" : "",
        percent(settings.suppressionLimit()));
    if (settings.recoding() == Settings.Recoding.LOCAL) {
      out.printf(Locale.ROOT, "  recoding           local (Mondrian), class by class%n");
    } else {
      out.printf(Locale.ROOT, "  recoding           full-domain, optimising %s%n", metricName(settings.metric()));
      List<String> levels = new ArrayList<>();
      report.levels().forEach((column, level) -> levels.add(column + " " + level + "/"
          + (settings.quasiIdentifiers().get(column).height() - 1)));
      out.printf(Locale.ROOT, "  levels             %s%n", String.join(", ", levels));
    }
    out.printf(Locale.ROOT, "  classes            %,d (average %.1f rows)%n", report.classes(), report.averageClassSize());
    out.printf(Locale.ROOT, "  suppressed         %,d rows%n", report.suppressedRecords());
    out.printf(Locale.ROOT, "  discernibility     %,d%n", report.discernibility());
    out.printf(Locale.ROOT, "  loss               %.4f (generalisation loss, 0 to 1)%n", report.generalisationLoss());
    if (settings.recoding() == Settings.Recoding.LOCAL) {
      out.printf(Locale.ROOT, "  search             %,d partitions examined%n", report.nodesEvaluated());
    } else {
      out.printf(Locale.ROOT, "  search             %,d of %,d generalisations evaluated%n", report.nodesEvaluated(),
          report.latticeSize());
    }
    out.printf(Locale.ROOT, "  anonymised file    %s%n", table);
    out.printf(Locale.ROOT, "  metrics file       %s%n", metricsFile);
    out.printf(Locale.ROOT, "  time               %.1f s%n", time.toMillis() / 1000.0);
    out.flush();
  }

  private static String recodingName(Settings.Recoding recoding) {
    return recoding == Settings.Recoding.LOCAL ? "local" : "full-domain";
  }

  private static String metricName(Metric metric) {
    return metric == Metric.DISCERNIBILITY ? "discernibility" : "loss";
  }

  private static String percent(double fraction) {
    String text = String.format(Locale.ROOT, "%.4f", fraction * 100).replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
