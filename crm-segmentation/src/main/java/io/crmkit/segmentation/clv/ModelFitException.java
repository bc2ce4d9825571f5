package io.crmkit.segmentation.clv;

import io.crmkit.core.common.CrmException;

/**
 * A model fit that did not converge was asked for its parameters ({@link ModelFit#requireConverged()}).
 * The message carries the fit's diagnosis.
 */
public class ModelFitException extends CrmException {

  private static final long serialVersionUID = 1L;

  /** @param message what did not converge, and why */
  public ModelFitException(String message) {
    super(message);
  }
}
