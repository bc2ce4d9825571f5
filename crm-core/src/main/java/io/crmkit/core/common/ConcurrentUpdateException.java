package io.crmkit.core.common;

/**
 * An optimistic-locking conflict: the record was changed by someone else since the caller read it.
 * Nothing was written. Re-read the record, re-apply the change and try again.
 */
public class ConcurrentUpdateException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String id;
  private final long expectedVersion;

  /**
   * @param entity the kind of record, for example {@code "Customer"}
   * @param id the record's id
   * @param expectedVersion the version the caller read
   * @param detail what was found instead, for the message
   */
  public ConcurrentUpdateException(String entity, String id, long expectedVersion, String detail) {
    super(entity + " " + id + " was changed concurrently: expected version " + expectedVersion
        + ", " + detail);
    this.entity = entity;
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  public String entity() {
    return entity;
  }

  public String id() {
    return id;
  }

  /** The version the caller expected to replace. */
  public long expectedVersion() {
    return expectedVersion;
  }
}
