package io.crmkit.privacy.audit;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditLog#verify()} found: how many records it checked and the first place where the
 * chain is broken, if any. Verification stops at the first break, because every later link is
 * suspect once one is.
 *
 * @param checked how many records, from the first, were found intact (all of them if intact)
 * @param firstBreak the first break in chain order, or empty if the chain is intact
 */
public record AuditVerification(long checked, Optional<Break> firstBreak) {
  public AuditVerification {
    Require.atLeast(checked, 0, "checked");
    Objects.requireNonNull(firstBreak, "firstBreak");
  }

  /** Whether every record matched its hash and linked to the one before, in an unbroken sequence. */
  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /** How the chain was broken. */
  public enum Kind {
    /** An entry's content, sequence or link was changed (re-hashed or not). */
    MODIFIED,
    /** One or more entries are missing from the middle or the start of the chain. */
    DELETED,
    /** An entry stands at another entry's place in the chain. */
    REORDERED
  }

  /**
   * The first break of a chain.
   *
   * @param sequence the position in the chain (from 1) of the first entry that is not as appended
   * @param kind what happened there
   * @param explanation which entries are concerned and what did not match, for a person to read
   */
  public record Break(long sequence, Kind kind, String explanation) {
    public Break {
      Require.positive(sequence, "sequence");
      Objects.requireNonNull(kind, "kind");
      Require.notBlank(explanation, "explanation");
    }
  }
}
