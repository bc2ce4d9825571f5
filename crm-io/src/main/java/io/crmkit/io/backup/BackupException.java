package io.crmkit.io.backup;

import io.crmkit.core.common.CrmException;
import java.util.Objects;

/**
 * A backup that cannot be restored, or a store it cannot be restored into; thrown before anything
 * is written, so the target stays as it was.
 */
public final class BackupException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Why a restore was refused. */
  public enum Reason {
    /** The file is damaged: a checksum or count mismatch, invalid JSON, a missing file, truncation. */
    DAMAGED,
    /** The backup was written in a format version this crmkit does not read. */
    UNKNOWN_FORMAT,
    /** The target store already holds data; a restore writes into an empty store only. */
    TARGET_NOT_EMPTY
  }

  private final Reason reason;

  /** A refusal for {@code reason}, its message saying what was found and where. */
  public BackupException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** A refusal for {@code reason} caused by {@code cause}. */
  public BackupException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the restore was refused. */
  public Reason reason() {
    return reason;
  }
}
