package io.crmkit.core.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Port for new identifiers, injected so that tests and replays are deterministic.
 *
 * <p>The default, {@link #timeOrdered()}, makes RFC 9562 version 7 UUIDs: unique like random ones,
 * but increasing with time, which keeps database index inserts local.
 */
@FunctionalInterface
public interface IdGenerator {

  /** A new identifier, never returned before by this generator. */
  UUID newId();

  /** Time-ordered version 7 UUIDs from a secure random source. Thread-safe. */
  static IdGenerator timeOrdered() {
    return new TimeOrderedIdGenerator(new SecureRandom(), System::currentTimeMillis);
  }

  /** Random version 4 UUIDs. Thread-safe. */
  static IdGenerator random() {
    return UUID::randomUUID;
  }
}
