package io.crmkit.privacy.crypto;

import io.crmkit.core.common.Require;
import io.crmkit.core.protection.ProtectedField;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one key of a field's keyset, without its material: which key (Tink's key
 * id), whether it is the primary, and when it was created, stopped being the primary and was
 * retired. A key that was rotated away still decrypts until it is retired. Kept by {@link
 * ProtectionKeys} so that an operator can see which keys exist and which can go.
 *
 * @param keyId Tink's key id, unique within the keyset
 * @param rotatedAt when a newer key became the primary in its place
 * @param retiredAt when it was disabled: nothing under it decrypts any more
 */
public record ProtectionKey(ProtectedField field, KeyPurpose purpose, int keyId, boolean primary, Instant createdAt,
    Optional<Instant> rotatedAt, Optional<Instant> retiredAt) {
  /** The first instant a key record may carry (what databases store). */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  /** The last instant a key record may carry. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
  /**
   * The order {@link ProtectionKeys} reads keys in: by field and purpose as declared, then oldest
   * first (creation, then key id).
   */
  public static final Comparator<ProtectionKey> ORDER = Comparator.comparing(ProtectionKey::field)
      .thenComparing(ProtectionKey::purpose).thenComparing(ProtectionKey::createdAt)
      .thenComparingInt(ProtectionKey::keyId);

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an instant is outside years 1..9999 or before {@code
   *     createdAt}, or a primary key has been rotated or retired
   */
  public ProtectionKey {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(purpose, "purpose");
    checkInstant(createdAt, "createdAt");
    Objects.requireNonNull(rotatedAt, "rotatedAt");
    Objects.requireNonNull(retiredAt, "retiredAt");
    rotatedAt.ifPresent(at -> checkAfterCreation(at, createdAt, "rotatedAt"));
    retiredAt.ifPresent(at -> checkAfterCreation(at, createdAt, "retiredAt"));
    Require.argument(!primary || (rotatedAt.isEmpty() && retiredAt.isEmpty()),
        "the primary key %s of %s/%s cannot have been rotated or retired", keyId, field, purpose);
  }

  /** A key just added to its keyset, primary or not. */
  public static ProtectionKey created(ProtectedField field, KeyPurpose purpose, int keyId, boolean primary,
      Instant createdAt) {
    return new ProtectionKey(field, purpose, keyId, primary, createdAt, Optional.empty(), Optional.empty());
  }

  /** Whether it may still decrypt: not retired. */
  public boolean active() {
    return retiredAt.isEmpty();
  }

  /** This key as the primary since its creation or again; a former rotation is forgotten. */
  public ProtectionKey asPrimary() {
    Require.state(active(), "key %s of %s/%s is retired and cannot become the primary", keyId, field, purpose);
    return new ProtectionKey(field, purpose, keyId, true, createdAt, Optional.empty(), Optional.empty());
  }

  /** This key after a newer key became the primary at {@code at}. */
  public ProtectionKey rotatedAway(Instant at) {
    return new ProtectionKey(field, purpose, keyId, false, createdAt, Optional.of(at), retiredAt);
  }

  /** This key retired at {@code at}; a retired key stays retired at its first instant. */
  public ProtectionKey retired(Instant at) {
    Require.state(!primary, "key %s is the primary of %s/%s; rotate before retiring it", keyId, field, purpose);
    return retiredAt.isPresent() ? this
        : new ProtectionKey(field, purpose, keyId, false, createdAt, rotatedAt, Optional.of(at));
  }

  private static void checkInstant(Instant at, String name) {
    Objects.requireNonNull(at, name);
    Require.argument(!at.isBefore(MIN_INSTANT) && !at.isAfter(MAX_INSTANT),
        "%s must be within years 1..9999, got %s", name, at);
  }

  private static void checkAfterCreation(Instant at, Instant createdAt, String name) {
    checkInstant(at, name);
    Require.argument(!at.isBefore(createdAt), "%s %s is before the key's creation at %s", name, at, createdAt);
  }
}
