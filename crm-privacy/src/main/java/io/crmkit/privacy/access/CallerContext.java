package io.crmkit.privacy.access;

import java.util.Objects;

/**
 * Port: the host's security context, asked on every call of a {@link ProtectedCrm} who is calling.
 * So one {@code Crm}, and one {@code ProtectedCrm} around it, serve many users at once: a web host
 * answers from its request's authenticated principal, a batch job from its service account.
 *
 * <p>Implementations must be thread-safe and answer for the calling thread.
 */
@FunctionalInterface
public interface CallerContext {

  /**
   * The caller of the current call.
   *
   * @throws RuntimeException of the host's choosing if nobody is authenticated: the protected
   *     facade then does nothing
   */
  Caller current();

  /** A context that always answers {@code caller}: for batch jobs and tests. */
  static CallerContext fixed(Caller caller) {
    Objects.requireNonNull(caller, "caller");
    return () -> caller;
  }
}
