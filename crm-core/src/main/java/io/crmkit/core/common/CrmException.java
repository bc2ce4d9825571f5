package io.crmkit.core.common;

/**
 * Root of every exception crmkit throws on purpose. Unchecked, so that callers catch what they can
 * act on ({@link CrmValidationException}, {@link ConcurrentUpdateException}, ...) and let the rest
 * propagate.
 */
public abstract class CrmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected CrmException(String message) {
    super(message);
  }

  protected CrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
