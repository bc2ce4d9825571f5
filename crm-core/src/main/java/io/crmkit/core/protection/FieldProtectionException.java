package io.crmkit.core.protection;

import io.crmkit.core.common.CrmException;

/**
 * A protected value could not be decrypted: the key is unknown or wrong, or the ciphertext, its
 * field or its context was altered. Never carries the value or the ciphertext.
 */
public class FieldProtectionException extends CrmException {

  private static final long serialVersionUID = 1L;

  public FieldProtectionException(String message) {
    super(message);
  }

  public FieldProtectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
