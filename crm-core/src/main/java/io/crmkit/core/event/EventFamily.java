package io.crmkit.core.event;

import io.crmkit.core.common.Require;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A family of domain events: a sealed interface extending {@link DomainEvent} whose permitted
 * subclasses are the events one module or feature publishes. Declaring the family, usually as a
 * constant on its interface, is what lets crmkit's JSON module and the JDBC outbox write and read
 * its events without knowing the module:
 *
 * <pre>{@code
 * public sealed interface ConsentEvent extends DomainEvent permits ConsentGiven, ConsentWithdrawn {
 *   EventFamily<ConsentEvent> FAMILY = EventFamily.of("consent", ConsentEvent.class);
 * }
 * ObjectMapper mapper = CrmJson.newMapper(ConsentEvent.FAMILY);
 * }</pre>
 *
 * <p>Each event type is known by its <em>type id</em>, its simple class name, which tags it in JSON
 * and in the outbox. The family lists its types once, here, by following the sealed hierarchy
 * (sealed sub-interfaces included), so a type added to the {@code permits} clause is registered
 * everywhere without further code. Type ids must be unique across every family a mapper or store
 * registers; they are persistent names, so renaming an event class is a breaking change for stored
 * and travelling events.
 *
 * <p>Immutable and thread-safe; two families are equal when their names and interfaces are.
 *
 * @param <E> the family's sealed interface
 */
public final class EventFamily<E extends DomainEvent> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  /** The longest type id, so that every store can keep it in a bounded column. */
  public static final int MAX_TYPE_ID_LENGTH = 100;

  private final String name;
  private final Class<E> root;
  private final Map<String, Class<? extends E>> types;

  private EventFamily(String name, Class<E> root, Map<String, Class<? extends E>> types) {
    this.name = name;
    this.root = root;
    this.types = types;
  }

  /**
   * The family of events {@code root} permits.
   *
   * @param name a short name for messages and registration, unique among the families of one
   *     mapper or store: a lower-case letter, then up to 39 lower-case letters, digits or {@code -}
   * @param root the family's sealed interface (or sealed abstract class)
   * @throws IllegalArgumentException if the name is malformed, if {@code root} is not sealed, if a
   *     type in the hierarchy is {@code non-sealed} (its subtypes could not be listed, so they could
   *     not be read back), if two event types share a simple name, or if a simple name is longer
   *     than {@value #MAX_TYPE_ID_LENGTH} characters
   */
  public static <E extends DomainEvent> EventFamily<E> of(String name, Class<E> root) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Require.argument(NAME.matcher(name).matches(), "An event family name must match %s, got '%s'",
        NAME.pattern(), name);
    Require.argument(root.isSealed(),
        "The root of event family '%s', %s, must be sealed, so that its event types can be listed",
        name, root.getName());
    Map<String, Class<? extends E>> types = new LinkedHashMap<>();
    collect(name, root, root, types);
    return new EventFamily<>(name, root, Collections.unmodifiableMap(types));
  }

  /** The family's name, as given to {@link #of}. */
  public String name() {
    return name;
  }

  /** The family's sealed interface: read or switch over the family's events as this type. */
  public Class<E> root() {
    return root;
  }

  /** Every concrete event type of the family by its type id, in declaration order. */
  public Map<String, Class<? extends E>> types() {
    return types;
  }

  /** Whether {@code type} is one of this family's concrete event types. */
  public boolean includes(Class<?> type) {
    Objects.requireNonNull(type, "type");
    return types.get(type.getSimpleName()) == type;
  }

  private static <E extends DomainEvent> void collect(
      String family, Class<E> root, Class<?> type, Map<String, Class<? extends E>> into) {
    if (type.isSealed()) {
      for (Class<?> permitted : type.getPermittedSubclasses()) {
        collect(family, root, permitted, into);
      }
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      Require.argument(type.isSealed(),
          "Event family '%s' has the non-sealed type %s, whose subtypes cannot be listed; make it sealed",
          family, type.getName());
      return;
    }
    Require.argument(type.isSealed() || Modifier.isFinal(type.getModifiers()),
        "Event family '%s' has the non-sealed class %s, whose subclasses cannot be listed; make it final or sealed",
        family, type.getName());
    Class<? extends E> event = type.asSubclass(root);
    Require.argument(event.getSimpleName().length() <= MAX_TYPE_ID_LENGTH,
        "Event family '%s' has the type %s, whose simple name is longer than the %s characters a type id may have",
        family, event.getName(), MAX_TYPE_ID_LENGTH);
    Class<? extends E> clash = into.putIfAbsent(event.getSimpleName(), event);
    if (clash != null) {
      throw new IllegalArgumentException("Event family '" + family + "' has two types with the type id '"
          + event.getSimpleName() + "': " + clash.getName() + " and " + event.getName() + "; rename one");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventFamily<?> that && name.equals(that.name) && root.equals(that.root);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, root);
  }

  @Override
  public String toString() {
    return "EventFamily[" + name + ": " + String.join(", ", types.keySet()) + "]";
  }
}
