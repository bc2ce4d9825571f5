package io.crmkit.privacy.pseudonym;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named pseudonymisation key as {@link PseudonymKeys} stores it: its material only wrapped by the
 * host's {@link KeyWrapper}, so a copy of the database alone cannot produce or check tokens. A key
 * is used from its creation until it is retired; a retired key stays stored so that the record of
 * which key made which export is kept, but produces no more tokens.
 *
 * @param name the key's name: 1-64 characters of lower-case ASCII letters, digits, {@code .},
 *     {@code _} and {@code -}, starting with a letter or digit ({@code exports-2026})
 * @param createdAt when the key was created
 * @param retiredAt when it was retired, if it was; never before {@code createdAt}
 * @param wrappedMaterial the key material as the {@link KeyWrapper} wrapped it, 1 to {@value
 *     #MAX_WRAPPED_LENGTH} bytes (copied in and out)
 */
public record PseudonymKey(String name, Instant createdAt, Optional<Instant> retiredAt, byte[] wrappedMaterial) {
  /** The longest key name, in characters. */
  public static final int MAX_NAME_LENGTH = 64;
  /** The longest wrapped key material, in bytes: room for a KMS's ciphertext envelope. */
  public static final int MAX_WRAPPED_LENGTH = 4096;
  /** The first instant a key may carry (what databases store). */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  /** The last instant a key may carry. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is malformed, the material empty or too long, an
   *     instant outside years 1-9999, or the key retired before it was created
   */
  public PseudonymKey {
    checkName(name);
    checkInstant(createdAt, "createdAt");
    Require.notNull(retiredAt, "retiredAt");
    retiredAt.ifPresent(at -> checkInstant(at, "retiredAt"));
    retiredAt.ifPresent(at -> Require.argument(!at.isBefore(createdAt),
        "a key cannot be retired (%s) before it was created (%s)", at, createdAt));
    Require.notNull(wrappedMaterial, "wrappedMaterial");
    Require.inRange(wrappedMaterial.length, 1, MAX_WRAPPED_LENGTH, "wrappedMaterial length");
    wrappedMaterial = wrappedMaterial.clone();
  }

  /** A key created at {@code createdAt} and not retired. */
  public static PseudonymKey created(String name, Instant createdAt, byte[] wrappedMaterial) {
    return new PseudonymKey(name, createdAt, Optional.empty(), wrappedMaterial);
  }

  /**
   * Checks a key name (see the record's description).
   *
   * @return the name
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is malformed
   */
  public static String checkName(String name) {
    Require.notNull(name, "name");
    Require.argument(NAME.matcher(name).matches(),
        "a key name must be 1-%s of [a-z0-9._-], starting with a letter or digit, got '%s'", MAX_NAME_LENGTH, name);
    return name;
  }

  private static void checkInstant(Instant at, String name) {
    Require.notNull(at, name);
    Require.argument(!at.isBefore(MIN_INSTANT) && !at.isAfter(MAX_INSTANT), "%s must be within years 1..9999, got %s",
        name, at);
  }

  /** A copy of the wrapped material. */
  @Override
  public byte[] wrappedMaterial() {
    return wrappedMaterial.clone();
  }

  /** Whether the key is retired. */
  public boolean retired() {
    return retiredAt.isPresent();
  }

  /** This key retired at {@code at}. */
  public PseudonymKey retire(Instant at) {
    return new PseudonymKey(name, createdAt, Optional.of(Require.notNull(at, "at")), wrappedMaterial);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PseudonymKey key && name.equals(key.name) && createdAt.equals(key.createdAt)
        && retiredAt.equals(key.retiredAt) && Arrays.equals(wrappedMaterial, key.wrappedMaterial);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, createdAt, retiredAt, Arrays.hashCode(wrappedMaterial));
  }

  /** Names the key and its dates; the wrapped material is not printed, only its length. */
  @Override
  public String toString() {
    return "PseudonymKey[" + name + ", created " + createdAt + retiredAt.map(at -> ", retired " + at).orElse("")
        + ", " + wrappedMaterial.length + " wrapped bytes]";
  }
}
