package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Fellegi-Sunter model: for each field and agreement level, m = P(level | match) and
 * u = P(level | non-match), and the prior λ = P(match) of two records. A level's weight is
 * log2(m / u), capped at the weight of every stronger level of its field, so that more agreement
 * never weighs less (estimates from few pairs can invert neighbouring levels, which would make
 * a typo count for more than the exact value); a pair's weight is the sum over its fields; with
 * the prior it gives a match probability. Immutable; {@link #toString()} prints the table.
 */
public final class MatchParameters {

  /** No probability is taken below this, so that no single level can veto or force a match. */
  public static final double FLOOR = 1e-6;

  private final List<String> fields;
  private final List<List<String>> levels;
  private final double[][] m;
  private final double[][] u;
  private final double lambda;
  private final double[][] weights;

  private MatchParameters(List<String> fields, List<List<String>> levels, double[][] m, double[][] u,
      double lambda) {
    this.fields = fields;
    this.levels = levels;
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.weights = new double[fields.size()][];
    for (int f = 0; f < fields.size(); f++) {
      weights[f] = new double[m[f].length];
      for (int l = 0; l < m[f].length; l++) {
        double raw = log2(m[f][l] / u[f][l]);
        weights[f][l] = l == 0 ? raw : Math.min(raw, weights[f][l - 1]);
      }
    }
  }

  /**
   * A model over these fields and levels.
   *
   * @param m per field, per level (in the levels' order), P(level | match)
   * @param u per field, per level, P(level | non-match)
   * @param lambda the prior P(match), in (0, 1)
   * @throws IllegalArgumentException if the shapes differ or a probability is outside (0, 1]
   */
  public static MatchParameters of(List<String> fields, List<List<String>> levels, double[][] m, double[][] u,
      double lambda) {
    Require.atLeast(fields.size(), 1, "number of fields");
    Require.inRange(levels.size(), fields.size(), fields.size(), "number of level lists");
    Require.inRange(m.length, fields.size(), fields.size(), "number of m rows");
    Require.inRange(u.length, fields.size(), fields.size(), "number of u rows");
    Require.inRange(lambda, Math.nextUp(0.0), Math.nextDown(1.0), "lambda");
    double[][] mCopy = new double[fields.size()][];
    double[][] uCopy = new double[fields.size()][];
    for (int f = 0; f < fields.size(); f++) {
      int n = levels.get(f).size();
      Require.inRange(m[f].length, n, n, "m values of " + fields.get(f));
      Require.inRange(u[f].length, n, n, "u values of " + fields.get(f));
      for (int l = 0; l < n; l++) {
        Require.inRange(m[f][l], Math.nextUp(0.0), 1.0, "m of " + fields.get(f) + "/" + levels.get(f).get(l));
        Require.inRange(u[f][l], Math.nextUp(0.0), 1.0, "u of " + fields.get(f) + "/" + levels.get(f).get(l));
      }
      mCopy[f] = m[f].clone();
      uCopy[f] = u[f].clone();
    }
    return new MatchParameters(List.copyOf(fields), levels.stream().map(List::copyOf).toList(), mCopy, uCopy,
        lambda);
  }

  /** The model's fields, in comparison order. */
  public List<String> fields() {
    return fields;
  }

  /** The levels of field {@code field}, strongest first. */
  public List<String> levels(int field) {
    return levels.get(field);
  }

  /** P(level | match). */
  public double m(int field, int level) {
    return m[field][level];
  }

  /** P(level | non-match). */
  public double u(int field, int level) {
    return u[field][level];
  }

  /** The prior P(match) of two records. */
  public double lambda() {
    return lambda;
  }

  /**
   * The weight of a level: log2(m / u), capped at the weights of the field's stronger levels; 0
   * for {@link Comparison#MISSING}.
   */
  public double weight(int field, int level) {
    return level == Comparison.MISSING ? 0 : weights[field][level];
  }

  /**
   * This model with P(level | match) of one field and level set by hand.
   *
   * @throws IllegalArgumentException if the field or level is unknown, or the value outside (0, 1]
   */
  public MatchParameters withM(String field, String level, double value) {
    return with(field, level, value, true);
  }

  /**
   * This model with P(level | non-match) of one field and level set by hand.
   *
   * @throws IllegalArgumentException if the field or level is unknown, or the value outside (0, 1]
   */
  public MatchParameters withU(String field, String level, double value) {
    return with(field, level, value, false);
  }

  /**
   * This model with another prior.
   *
   * @throws IllegalArgumentException if {@code value} is outside (0, 1)
   */
  public MatchParameters withLambda(double value) {
    return of(fields, levels, m, u, value);
  }

  /** This model with another u table (same shape). */
  MatchParameters withU(double[][] newU) {
    return of(fields, levels, m, newU, lambda);
  }

  private MatchParameters with(String field, String level, double value, boolean isM) {
    int f = fields.indexOf(field);
    if (f < 0) {
      throw new IllegalArgumentException("field must be one of " + fields + ", got " + field);
    }
    int l = levels.get(f).indexOf(level);
    if (l < 0) {
      throw new IllegalArgumentException("level of " + field + " must be one of " + levels.get(f) + ", got " + level);
    }
    double[][] target = isM ? copy(m) : copy(u);
    target[f][l] = value;
    return isM ? of(fields, levels, target, u, lambda) : of(fields, levels, m, target, lambda);
  }

  double[][] mTable() {
    return copy(m);
  }

  double[][] uTable() {
    return copy(u);
  }

  static double[][] copy(double[][] table) {
    double[][] copy = new double[table.length][];
    for (int i = 0; i < table.length; i++) {
      copy[i] = table[i].clone();
    }
    return copy;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** The table: one line per field and level with m, u and weight, then the prior. */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-18s %-20s %10s %10s %8s", "field", "level", "m", "u", "weight"));
    for (int f = 0; f < fields.size(); f++) {
      for (int l = 0; l < levels.get(f).size(); l++) {
        lines.add(String.format(Locale.ROOT, "%-18s %-20s %10.6f %10.6f %8.2f", fields.get(f),
            levels.get(f).get(l), m[f][l], u[f][l], weight(f, l)));
      }
    }
    lines.add(String.format(Locale.ROOT, "lambda (prior P(match) of two records) = %.8f", lambda));
    return String.join(System.lineSeparator(), lines);
  }
}
