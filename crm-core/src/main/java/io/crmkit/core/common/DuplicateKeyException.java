package io.crmkit.core.common;

/**
 * A write would give a unique key to a second record: for example an external reference that
 * already points at another customer, or an activity id recorded before with different content.
 * Nothing was written.
 */
public class DuplicateKeyException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the duplicated key, as text
   * @param message what clashed with what
   */
  public DuplicateKeyException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key that is already taken. */
  public String key() {
    return key;
  }
}
