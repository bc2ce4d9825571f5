package io.crmkit.privacy.pseudonym;

import io.crmkit.core.common.Require;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * Creates, retires and opens pseudonymisation keys: fresh material from {@link SecureRandom},
 * wrapped by the host's {@link KeyWrapper} before it reaches {@link PseudonymKeys}, unwrapped only
 * in memory when a {@link Pseudonymiser} is made. Keep one key per purpose and recipient (tokens
 * made with different keys cannot be joined, which is the point: two recipients cannot link their
 * files); retire a key when its exports should no longer be extended. Thread-safe if its ports are.
 */
public final class PseudonymKeyring {
  private final PseudonymKeys keys;
  private final KeyWrapper wrapper;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param keys where the wrapped keys are stored ({@code privacyStore.pseudonymKeys()})
   * @param wrapper the host's wrapping of key material
   * @param clock the time keys are created and retired at
   * @throws NullPointerException if an argument is null
   */
  public PseudonymKeyring(PseudonymKeys keys, KeyWrapper wrapper, Clock clock) {
    this.keys = Require.notNull(keys, "keys");
    this.wrapper = Require.notNull(wrapper, "wrapper");
    this.clock = Require.notNull(clock, "clock");
  }

  /**
   * Creates and stores a key with new random material.
   *
   * @return the stored key
   * @throws IllegalArgumentException if the name is malformed
   * @throws io.crmkit.core.common.DuplicateKeyException if the name is taken
   */
  public PseudonymKey create(String name) {
    PseudonymKey.checkName(name);
    byte[] material = new byte[Pseudonymiser.KEY_LENGTH];
    random.nextBytes(material);
    try {
      PseudonymKey key = PseudonymKey.created(name, clock.instant(), wrapper.wrap(name, material));
      keys.add(key);
      return key;
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * Retires the key now (see {@link PseudonymKeys#retire}).
   *
   * @throws NoSuchElementException if there is no such key
   */
  public PseudonymKey retire(String name) {
    return keys.retire(name, clock.instant());
  }

  /**
   * A pseudonymiser with the named key.
   *
   * @throws NoSuchElementException if there is no such key
   * @throws IllegalStateException if the key is retired
   * @throws KeyWrapper.KeyUnwrapException if the wrapper cannot open the stored material
   * @throws IllegalArgumentException if the unwrapped material is not a pseudonymisation key
   */
  public Pseudonymiser pseudonymiser(String name) {
    PseudonymKey key = keys.find(PseudonymKey.checkName(name))
        .orElseThrow(() -> new NoSuchElementException("no pseudonymisation key named " + name));
    Require.state(!key.retired(), "pseudonymisation key %s was retired at %s and makes no more tokens", name,
        key.retiredAt().orElse(null));
    byte[] material = wrapper.unwrap(name, key.wrappedMaterial());
    try {
      return Pseudonymiser.of(material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }
}
