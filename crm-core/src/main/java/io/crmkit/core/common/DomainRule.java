package io.crmkit.core.common;

import java.util.List;

/**
 * A rule about a whole object that a single-field constraint cannot express, such as "a person
 * needs a person name". Returns every violation it finds; an empty list means the object passes.
 *
 * @param <T> the type checked
 */
@FunctionalInterface
public interface DomainRule<T> {
  List<Violation> check(T value);
}
