package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.crmkit.segmentation.clv.CustomerValue;
import io.crmkit.segmentation.clv.Estimate;
import io.crmkit.segmentation.clv.HoldoutComparison;
import io.crmkit.segmentation.clv.ModelFit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes what {@code crmkit clv} found: the fitted models as JSON, the customers' values and the
 * holdout comparison as UTF-8 CSV.
 */
final class ClvFiles {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ClvFiles() {}

  /**
   * The JSON of one fit: whether it converged and why, the log-likelihood, the customers it used,
   * and each parameter with its standard error (null where there is none).
   */
  static ObjectNode fit(ModelFit<?> fit) {
    ObjectNode node = JSON.createObjectNode();
    node.put("converged", fit.converged());
    node.put("diagnosis", fit.diagnosis());
    node.put("customers", fit.customers());
    putNumber(node, "logLikelihood", fit.logLikelihood());
    ObjectNode parameters = node.putObject("parameters");
    for (Estimate estimate : fit.estimates()) {
      ObjectNode parameter = parameters.putObject(estimate.name());
      putNumber(parameter, "value", estimate.value());
      putNumber(parameter, "standardError", estimate.standardError());
    }
    return node;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A number, or null when it is not finite (JSON has no NaN). */
  static void putNumber(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  /** @throws CliException failure if the file cannot be written */
  static void writeJson(Path file, ObjectNode json) {
    try {
      JSON.writeValue(file.toFile(), json);
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  /**
   * One row per customer: {@code customer, x, t_x, T, mean_repeat_spend, p_alive,
   * expected_purchases, expected_spend, lifetime_value}.
   *
   * @throws CliException failure if the file cannot be written
   */
  static void writeCustomers(Path file, List<CustomerValue> values, Progress progress) {
    progress.start("writing " + file.getFileName());
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord("customer", "x", "t_x", "T", "mean_repeat_spend", "p_alive", "expected_purchases",
          "expected_spend", "lifetime_value");
      long written = 0;
      for (CustomerValue value : values) {
        csv.writeRecord(value.history().customer(), Integer.toString(value.history().frequency()),
            number("%.4f", value.history().recency()), number("%.4f", value.history().age()),
            number("%.4f", value.history().meanRepeatSpend()), number("%.6f", value.probabilityAlive()),
            number("%.6f", value.expectedPurchases()), number("%.4f", value.expectedSpend()),
            number("%.4f", value.lifetimeValue()));
        progress.advance(++written);
      }
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
    progress.finish(String.format(Locale.ROOT, "%,d customers", values.size()));
  }

  /**
   * One row per calibration frequency ({@code 0} .. {@code 7+}) with the customers, their mean
   * actual and predicted holdout purchases, then an {@code all} row over every customer.
   *
   * @throws CliException failure if the file cannot be written
   */
  static void writeHoldout(Path file, HoldoutComparison comparison) {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord("frequency", "customers", "actual_mean", "predicted_mean");
      int customers = 0;
      for (HoldoutComparison.Row row : comparison.rows()) {
        csv.writeRecord(row.frequency(), Integer.toString(row.customers()), number("%.4f", row.actualMean()),
            number("%.4f", row.predictedMean()));
        customers += row.customers();
      }
      csv.writeRecord("all", Integer.toString(customers), number("%.4f", comparison.actualTotal() / customers),
          number("%.4f", comparison.predictedTotal() / customers));
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  private static String number(String format, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "";
  }
}
