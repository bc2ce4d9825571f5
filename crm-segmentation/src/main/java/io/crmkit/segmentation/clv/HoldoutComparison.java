package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The calibration/holdout check of a BG/NBD model, as in the paper's figure of conditional
 * expectations: fit on the purchases up to a calibration end, predict each customer's repeat
 * purchases in the holdout period that follows, and compare with what they did, on average per
 * calibration frequency (0, 1, ..., 6 and 7+) and in total. The model is only as good as this
 * check says; run it on your data before trusting predictions.
 *
 * @param fit the BG/NBD fit on the calibration period
 * @param holdoutLength the holdout period's length in the model's time unit
 * @param rows one row per calibration frequency, 0 to {@link #TOP_FREQUENCY}+, empty bins included
 * @param actualTotal the holdout's repeat purchases, summed over the calibration customers
 * @param predictedTotal the model's expected repeat purchases over the holdout, summed likewise
 * @param meanAbsoluteError the mean over customers of |predicted − actual|
 */
public record HoldoutComparison(ModelFit<BgNbdParameters> fit, double holdoutLength, List<Row> rows,
    double actualTotal, double predictedTotal, double meanAbsoluteError) {

  /** The highest frequency with a row of its own; the last row holds this and above ("7+"). */
  public static final int TOP_FREQUENCY = 7;

  /**
   * One calibration frequency.
   *
   * @param frequency the frequency as a label: "0" .. "6", or "7+"
   * @param customers how many calibration customers have it
   * @param actualMean their mean repeat purchases in the holdout (0 when there are none)
   * @param predictedMean the model's mean expectation for them (0 when there are none)
   */
  public record Row(String frequency, int customers, double actualMean, double predictedMean) {}

  /** @throws NullPointerException if a component is null */
  public HoldoutComparison {
    Require.notNull(fit, "fit");
    rows = List.copyOf(rows);
  }

  /**
   * Splits the transactions at {@code calibrationEnd}, derives the histories ({@link ClvInputs}),
   * fits them with {@code fitter} and compares with the holdout up to {@code holdoutEnd}. A
   * comparison is made even when the fit did not converge; check {@link ModelFit#converged()}.
   *
   * @param calibrationEnd the last day of calibration, included
   * @param holdoutEnd the last day of the holdout, included, after {@code calibrationEnd}
   * @throws IllegalArgumentException if the holdout ends before it starts, no customer has a
   *     purchase by the calibration end, or the transactions are in several currencies
   */
  public static HoldoutComparison of(Collection<Transaction> transactions, LocalDate calibrationEnd,
      LocalDate holdoutEnd, ClvTimeUnit unit, BgNbdFitter fitter) {
    Require.notNull(holdoutEnd, "holdoutEnd");
    Require.notNull(fitter, "fitter");
    List<CustomerHistory> histories = ClvInputs.fromTransactions(transactions, calibrationEnd, unit);
    Map<String, Integer> actual = ClvInputs.purchaseDaysBetween(transactions, calibrationEnd, holdoutEnd);
    double length = unit.fromDays(ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd));
    return compare(fitter.fit(histories), histories, actual, length);
  }

  /**
   * Compares a fit's predictions with the actual holdout purchases of the calibration customers.
   *
   * @param histories the calibration histories the fit was made on
   * @param actual each customer's holdout repeat purchases (absent means 0); customers not in
   *     {@code histories} (first purchase in the holdout) are not counted
   * @param holdoutLength the holdout's length in the model's time unit, positive
   * @throws IllegalArgumentException if there are no histories or the length is not positive
   */
  public static HoldoutComparison compare(ModelFit<BgNbdParameters> fit, Collection<CustomerHistory> histories,
      Map<String, Integer> actual, double holdoutLength) {
    Require.notNull(fit, "fit");
    Require.notNull(actual, "actual");
    Require.argument(!histories.isEmpty(), "a holdout comparison needs calibration customers");
    Require.argument(Double.isFinite(holdoutLength) && holdoutLength > 0, "the holdout length must be > 0, got %s",
        holdoutLength);
    int bins = TOP_FREQUENCY + 1;
    int[] customers = new int[bins];
    double[] actualSums = new double[bins];
    double[] predictedSums = new double[bins];
    double absoluteErrors = 0;
    for (CustomerHistory history : histories) {
      int bin = Math.min(history.frequency(), TOP_FREQUENCY);
      double did = actual.getOrDefault(history.customer(), 0);
      double predicted = fit.parameters().expectedPurchases(holdoutLength, history);
      customers[bin]++;
      actualSums[bin] += did;
      predictedSums[bin] += predicted;
      absoluteErrors += Math.abs(predicted - did);
    }
    List<Row> rows = new ArrayList<>(bins);
    double actualTotal = 0;
    double predictedTotal = 0;
    for (int bin = 0; bin < bins; bin++) {
      String label = bin == TOP_FREQUENCY ? TOP_FREQUENCY + "+" : Integer.toString(bin);
      int count = customers[bin];
      rows.add(new Row(label, count, count == 0 ? 0 : actualSums[bin] / count,
          count == 0 ? 0 : predictedSums[bin] / count));
      actualTotal += actualSums[bin];
      predictedTotal += predictedSums[bin];
    }
    return new HoldoutComparison(fit, holdoutLength, rows, actualTotal, predictedTotal,
        absoluteErrors / histories.size());
  }

  /** (predicted − actual) / actual over all calibration customers: the aggregate relative error. */
  public double aggregateError() {
    return actualTotal == 0 ? Double.NaN : (predictedTotal - actualTotal) / actualTotal;
  }
}
