package io.crmkit.core.common;

/**
 * A storage adapter failed for a reason that is not the caller's input (connection lost, disk
 * full, ...). Adapters wrap their technology's exception as the cause and describe the operation in
 * the message; no adapter type such as {@code SQLException} leaks through the signature.
 */
public class CrmStorageException extends CrmException {
  private static final long serialVersionUID = 1L;

  public CrmStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public CrmStorageException(String message) {
    super(message);
  }
}
