package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import java.util.List;

/**
 * The outcome of a maximum-likelihood fit, honest about itself: the parameters, each with its
 * standard error, the log-likelihood reached, and whether the fit converged. A fit that did not
 * converge is returned, not thrown, so that a caller can see how far it got; its {@link
 * #diagnosis()} says why, and {@link #requireConverged()} turns it into an exception for callers
 * that cannot use anything but a sound fit. The parameters of a fit that did not converge are the
 * best point found, which is no maximum-likelihood estimate: do not score with them.
 *
 * <p>A fit converged when the optimiser stopped on its tolerance (not on its evaluation budget),
 * no parameter ran off towards 0 or infinity, the information matrix (minus the Hessian of the
 * log-likelihood) is positive definite, and a Newton step would add less than 1e-6 to the
 * log-likelihood.
 *
 * @param <P> the model's parameters
 * @param parameters the estimates (the best point found, when not converged)
 * @param estimates each parameter by name with its standard error, in the model's order
 * @param logLikelihood the log-likelihood at {@code parameters}, without the penalty
 * @param customers how many customers the fit used
 * @param converged whether the fit converged, as above
 * @param diagnosis what the fit found: "converged" with the evaluations it took, or why not
 */
public record ModelFit<P>(P parameters, List<Estimate> estimates, double logLikelihood, int customers,
    boolean converged, String diagnosis) {

  /**
   * @throws NullPointerException if a component is null
   */
  public ModelFit {
    Require.notNull(parameters, "parameters");
    estimates = List.copyOf(estimates);
    Require.notNull(diagnosis, "diagnosis");
  }

  /**
   * The parameters of a fit that converged.
   *
   * @throws ModelFitException with the {@link #diagnosis()} if the fit did not converge
   */
  public P requireConverged() {
    if (!converged) {
      throw new ModelFitException("the fit on " + customers + " customers did not converge: " + diagnosis);
    }
    return parameters;
  }

  /**
   * The estimate of one parameter.
   *
   * @throws IllegalArgumentException if the model has no parameter of that name
   */
  public Estimate estimate(String name) {
    return estimates.stream().filter(estimate -> estimate.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in " + estimates));
  }
}
