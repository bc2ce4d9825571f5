package io.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over positive parameters, the way every model here is fitted:
 * Nelder-Mead (commons-math) over the parameters' logarithms (so they stay positive and the
 * search sees relative changes), restarted until a restart gains nothing, then polished by Newton
 * steps on a numeric Hessian, which is also the observed information the standard errors come
 * from. The outcome says whether it converged ({@link ModelFit} lists the tests).
 */
final class MaximumLikelihood {

  /** Nelder-Mead's evaluation budget per run. */
  static final int MAX_EVALUATIONS = 20_000;
  /** A log-parameter beyond this (a parameter beyond e^±18) has run to the edge. */
  static final double EDGE = 18;
  /** A Newton step that would gain less than this (in log-likelihood) means the maximum is reached. */
  static final double DECREMENT = 1e-6;

  private static final int MAX_RESTARTS = 5;
  private static final int NEWTON_STEPS = 8;
  private static final double STEP = 1e-4;

  private final ToDoubleFunction<double[]> logLikelihood;
  private final String[] names;
  private final double penalty;
  private final int customers;
  private int evaluations;

  /**
   * @param logLikelihood the summed log-likelihood at natural (positive) parameters
   * @param penalty the L2 penalty λ: the fit maximises LL/n − λ Σ θ² (lifetimes' penalizer_coef)
   */
  MaximumLikelihood(ToDoubleFunction<double[]> logLikelihood, String[] names, double penalty, int customers) {
    this.logLikelihood = logLikelihood;
    this.names = names.clone();
    this.penalty = penalty;
    this.customers = customers;
  }

  /** Fits from {@code start} (natural parameters) and reports what was reached. */
  <P> ModelFit<P> maximise(double[] start, Function<double[], P> parameters) {
    double[] u = log(start);
    boolean budgetLeft = true;
    double best = -objective(u);
    try {
      for (int run = 0; run < MAX_RESTARTS; run++) {
        PointValuePair found = new SimplexOptimizer(1e-13, 1e-13).optimize(new MaxEval(MAX_EVALUATIONS),
            new ObjectiveFunction(this::objective), GoalType.MINIMIZE, new InitialGuess(u),
            new NelderMeadSimplex(u.length, 0.5));
        double reached = -found.getValue();
        boolean gained = reached > best + 1e-10 * Math.max(1, Math.abs(best));
        if (reached >= best) {
          u = found.getPoint();
          best = reached;
        }
        if (!gained && run > 0) {
          break;
        }
      }
    } catch (TooManyEvaluationsException e) {
      budgetLeft = false;
    }
    u = newtonPolish(u);
    return verdict(u, budgetLeft, parameters);
  }

  /** Minus the penalised mean log-likelihood at log-parameters u; non-finite values become +max. */
  private double objective(double[] u) {
    evaluations++;
    double[] theta = exp(u);
    double value = logLikelihood.applyAsDouble(theta) / customers;
    for (double parameter : theta) {
      value -= penalty * parameter * parameter;
    }
    return Double.isFinite(value) ? -value : Double.MAX_VALUE;
  }

  /** The penalised total log-likelihood at log-parameters u. */
  private double penalised(double[] u) {
    return -objective(u) * customers;
  }

  private double[] newtonPolish(double[] start) {
    double[] u = start.clone();
    double value = penalised(u);
    for (int step = 0; step < NEWTON_STEPS; step++) {
      double[] gradient = gradient(u);
      RealMatrix information = hessian(u).scalarMultiply(-1);
      RealVector direction;
      try {
        direction = new CholeskyDecomposition(information).getSolver().solve(MatrixUtils.createRealVector(gradient));
      } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
        return u;
      }
      if (direction.dotProduct(MatrixUtils.createRealVector(gradient)) / 2 < 1e-12) {
        return u;
      }
      boolean improved = false;
      for (double length = 1; length > 1e-4 && !improved; length /= 2) {
        double[] candidate = u.clone();
        for (int i = 0; i < u.length; i++) {
          candidate[i] += length * direction.getEntry(i);
        }
        double candidateValue = penalised(candidate);
        if (candidateValue > value) {
          u = candidate;
          value = candidateValue;
          improved = true;
        }
      }
      if (!improved) {
        return u;
      }
    }
    return u;
  }

  private <P> ModelFit<P> verdict(double[] u, boolean budgetLeft, Function<double[], P> parameters) {
    double[] theta = exp(u);
    double reached = logLikelihood.applyAsDouble(theta);
    List<String> problems = new ArrayList<>();
    if (!budgetLeft) {
      problems.add("the optimiser used its " + MAX_EVALUATIONS + " evaluations");
    }
    if (!Double.isFinite(reached)) {
      problems.add("the log-likelihood is not finite");
    }
    for (int i = 0; i < u.length; i++) {
      if (!(Math.abs(u[i]) < EDGE)) {
        problems.add(String.format(Locale.ROOT, "%s ran to the edge (%.3g)", names[i], theta[i]));
      }
    }
    double[] logErrors = new double[u.length];
    Arrays.fill(logErrors, Double.NaN);
    if (problems.isEmpty()) {
      RealMatrix information = hessian(u).scalarMultiply(-1);
      try {
        RealMatrix covariance = new CholeskyDecomposition(information).getSolver().getInverse();
        RealVector gradient = MatrixUtils.createRealVector(gradient(u));
        double decrement = covariance.operate(gradient).dotProduct(gradient) / 2;
        for (int i = 0; i < u.length; i++) {
          logErrors[i] = Math.sqrt(covariance.getEntry(i, i));
        }
        if (!(decrement < DECREMENT)) {
          problems.add(String.format(Locale.ROOT, "not at the maximum: a Newton step would still gain %.3g", decrement));
        }
      } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
        problems.add("the information matrix is not positive definite (no strict maximum: the data do not "
            + "determine every parameter)");
      }
    }
    List<Estimate> estimates = new ArrayList<>();
    for (int i = 0; i < u.length; i++) {
      // At the maximum the gradient is 0, so the covariance of θ = e^u is diag(θ) Cov(u) diag(θ).
      estimates.add(new Estimate(names[i], theta[i], theta[i] * logErrors[i]));
    }
    String diagnosis = problems.isEmpty()
        ? "converged after " + evaluations + " log-likelihood evaluations"
        : String.join("; ", problems);
    return new ModelFit<>(parameters.apply(theta), estimates, reached, customers, problems.isEmpty(), diagnosis);
  }

  private double[] gradient(double[] u) {
    double[] gradient = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      gradient[i] = (penalised(shifted(u, i, STEP)) - penalised(shifted(u, i, -STEP))) / (2 * STEP);
    }
    return gradient;
  }

  private RealMatrix hessian(double[] u) {
    int k = u.length;
    double[][] h = new double[k][k];
    double centre = penalised(u);
    for (int i = 0; i < k; i++) {
      h[i][i] = (penalised(shifted(u, i, STEP)) - 2 * centre + penalised(shifted(u, i, -STEP))) / (STEP * STEP);
      for (int j = 0; j < i; j++) {
        double value = (penalised(shifted(shifted(u, i, STEP), j, STEP))
            - penalised(shifted(shifted(u, i, STEP), j, -STEP))
            - penalised(shifted(shifted(u, i, -STEP), j, STEP))
            + penalised(shifted(shifted(u, i, -STEP), j, -STEP))) / (4 * STEP * STEP);
        h[i][j] = value;
        h[j][i] = value;
      }
    }
    return MatrixUtils.createRealMatrix(h);
  }

  private static double[] shifted(double[] u, int i, double by) {
    double[] copy = u.clone();
    copy[i] += by;
    return copy;
  }

  private static double[] log(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(values[i]);
    }
    return logs;
  }

  private static double[] exp(double[] values) {
    double[] exps = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      exps[i] = Math.exp(values[i]);
    }
    return exps;
  }
}
