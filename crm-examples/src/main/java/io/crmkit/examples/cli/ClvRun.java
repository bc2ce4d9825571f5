package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.segmentation.clv.BgNbdParameters;
import io.crmkit.segmentation.clv.ClvTimeUnit;
import io.crmkit.segmentation.clv.CustomerValue;
import io.crmkit.segmentation.clv.Estimate;
import io.crmkit.segmentation.clv.GammaGammaParameters;
import io.crmkit.segmentation.clv.HoldoutComparison;
import io.crmkit.segmentation.clv.Horizon;
import io.crmkit.segmentation.clv.ModelFit;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one {@code crmkit clv} run found, filled in as it goes, and its two reports: the
 * parameters JSON and the summary on standard output.
 */
final class ClvRun {

  private final TransactionFile.Contents read;
  private final LocalDate calibrationEnd;
  private final ClvTimeUnit unit;
  private final Horizon horizon;
  ModelFit<BgNbdParameters> purchases;
  ModelFit<GammaGammaParameters> spend;
  List<CustomerValue> values = List.of();
  HoldoutComparison holdout;
  Path parametersFile;
  Path customersFile;
  Path holdoutFile;
  Path rejectedFile;
  Duration time = Duration.ZERO;

  ClvRun(TransactionFile.Contents read, LocalDate calibrationEnd, ClvTimeUnit unit, Horizon horizon) {
    this.read = read;
    this.calibrationEnd = calibrationEnd;
    this.unit = unit;
    this.horizon = horizon;
  }

  /** The parameters file: the run's settings, both fits, and the holdout's totals when there is one. */
  ObjectNode json(String inputName) {
    ObjectNode json = ClvFiles.object();
    json.put("input", inputName);
    json.put("calibrationEnd", calibrationEnd.toString());
    json.put("timeUnit", unitName());
    json.put("transactions", read.transactions().size());
    json.put("rejectedRows", read.rejections().size());
    json.set("bgNbd", ClvFiles.fit(purchases));
    json.set("gammaGamma", ClvFiles.fit(spend));
    ObjectNode value = json.putObject("horizon");
    value.put("length", horizon.length());
    value.put("periods", horizon.periods());
    value.put("periodLength", horizon.periodLength());
    value.put("discountRatePerPeriod", horizon.discountRate());
    if (holdout != null) {
      ObjectNode check = json.putObject("holdout");
      check.put("length", holdout.holdoutLength());
      check.put("actualPurchases", holdout.actualTotal());
      check.put("predictedPurchases", holdout.predictedTotal());
      ClvFiles.putNumber(check, "aggregateError", holdout.aggregateError());
      check.put("meanAbsoluteError", holdout.meanAbsoluteError());
    }
    return json;
  }

  /** The summary: rows, customers, both fits, totals over the horizon, the holdout, the files, the time. */
  void print(PrintWriter out) {
    long repeat = values.stream().filter(value -> value.history().frequency() > 0).count();
    out.printf(Locale.ROOT, "crmkit clv: %s%n", read.name());
    out.printf(Locale.ROOT, "  rows               %,d read, %,d rejected%n", read.rows(), read.rejections().size());
    out.printf(Locale.ROOT, "  calibration        up to %s in %s: %,d customers, %,d with repeat purchases%n",
        calibrationEnd, unitName(), values.size(), repeat);
    out.printf(Locale.ROOT, "  BG/NBD             %s; log-likelihood %.2f%n", estimates(purchases), purchases.logLikelihood());
    out.printf(Locale.ROOT, "  Gamma-Gamma        %s; log-likelihood %.2f (%,d customers)%n", estimates(spend),
        spend.logLikelihood(), spend.customers());
    out.printf(Locale.ROOT, "  horizon            %s %s in %,d periods, discount %s a period%n",
        plain(horizon.length()), unitName(), horizon.periods(), plain(horizon.discountRate()));
    out.printf(Locale.ROOT, "  expected           %,.1f purchases, lifetime value %,.2f in total%n",
        values.stream().mapToDouble(CustomerValue::expectedPurchases).sum(),
        values.stream().mapToDouble(CustomerValue::lifetimeValue).sum());
    if (holdout != null) {
      out.printf(Locale.ROOT, "  holdout            %s %s: actual %,.0f purchases, predicted %,.1f (%+.1f %%), "
              + "mean absolute error %.3f a customer%n", plain(holdout.holdoutLength()), unitName(),
          holdout.actualTotal(), holdout.predictedTotal(), 100 * holdout.aggregateError(), holdout.meanAbsoluteError());
    }
    out.printf(Locale.ROOT, "  parameters         %s%n", parametersFile);
    out.printf(Locale.ROOT, "  customers          %s%n", customersFile);
    if (holdoutFile != null) {
      out.printf(Locale.ROOT, "  holdout table      %s%n", holdoutFile);
    }
    if (rejectedFile != null) {
      out.printf(Locale.ROOT, "  rejected rows      %s%n", rejectedFile);
    }
    out.printf(Locale.ROOT, "  time               %.1f s%n", time.toMillis() / 1000.0);
    out.flush();
  }

  private String unitName() {
    return unit.name().toLowerCase(Locale.ROOT);
  }

  private static String estimates(ModelFit<?> fit) {
    return fit.estimates().stream().map(ClvRun::estimate).collect(Collectors.joining(", "));
  }

  private static String estimate(Estimate estimate) {
    return String.format(Locale.ROOT, "%s %.4f ± %.4f", estimate.name(), estimate.value(), estimate.standardError());
  }

  /** {@code value} to six significant digits, without trailing zeros: 52, 91.4286, 0.0025. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
