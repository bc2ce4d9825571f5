package io.crmkit.core.common;

import jakarta.validation.ClockProvider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.GroupSequence;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.validation.valueextraction.ValueExtractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hibernate.validator.group.GroupSequenceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves cheaply that a value breaks none of its Jakarta constraints, so that {@link CrmValidator}
 * runs Hibernate Validator only for values that may break one. Almost every value a CRM receives
 * is valid, and for those Hibernate Validator's general machinery (paths, value extraction,
 * processed-bean tracking) costs far more than the checks themselves.
 *
 * <p>The shortcut reads the constraints from Hibernate Validator's own metadata for the value's
 * runtime class, so it checks exactly the constraints Hibernate Validator would, and follows the
 * model as it changes. Built-in constraints it understands ({@link ConstraintPredicates}) are
 * checked as Hibernate Validator checks them; custom ones run their own validator. It answers
 * {@code true} only when every constraint passes; whenever something fails, or the class uses a
 * feature it does not model (class-level or composed constraints, group sequences, unfamiliar
 * containers, unreadable properties), it answers {@code false} and Hibernate Validator decides
 * and reports. Being wrong in that direction costs only time.
 *
 * <p>Thread-safe: the compiled checks are immutable and cached per class.
 */
final class ConstraintShortcut {
  private static final Logger LOG = LoggerFactory.getLogger(ConstraintShortcut.class);
  /** Deeper cascades than this are left to Hibernate Validator (and a cyclic graph ends here). */
  private static final int MAX_DEPTH = 32;

  private final BeanCheck unsupported = new BeanCheck(null);
  private final Validator validator;
  private final ConstraintPredicates predicates;
  private final boolean enabled;
  private final ConcurrentMap<Class<?>, BeanCheck> beans = new ConcurrentHashMap<>();

  ConstraintShortcut(Validator validator, ClockProvider clock) {
    this.validator = validator;
    this.predicates = new ConstraintPredicates(clock);
    this.enabled = !extendedByServiceLoader();
  }

  /**
   * Whether {@code value} certainly satisfies every constraint Hibernate Validator would check;
   * {@code false} means "not proven", not "invalid".
   */
  boolean provesValid(Object value) {
    return enabled && passesBean(value, 0);
  }

  private boolean passesBean(Object bean, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    BeanCheck check = beans.get(bean.getClass());
    if (check == null) {
      // Not computeIfAbsent: compiling asks Hibernate Validator, which must not run inside the map's lock.
      check = compile(bean.getClass());
      BeanCheck raced = beans.putIfAbsent(bean.getClass(), check);
      check = raced != null ? raced : check;
    }
    return check.passes(bean, depth);
  }

  private BeanCheck compile(Class<?> type) {
    try {
      if (isContainer(type)) {
        throw new Unsupported("a container, validated through its elements");
      }
      BeanDescriptor bean = validator.getConstraintsForClass(type);
      if (!bean.getConstraintDescriptors().isEmpty()) {
        throw new Unsupported("class-level constraints");
      }
      requireDefaultGroupSequence(type);
      List<PropertyCheck> properties = new ArrayList<>();
      for (PropertyDescriptor property : bean.getConstrainedProperties()) {
        if (!property.getGroupConversions().isEmpty()) {
          throw new Unsupported("group conversion on " + property.getPropertyName());
        }
        ValueCheck check = valueCheck(property.getElementClass(), property.getConstraintDescriptors(),
            property.isCascaded(), property.getConstrainedContainerElementTypes());
        properties.add(new PropertyCheck(PropertyReaders.of(type, property.getPropertyName()), check));
      }
      return new BeanCheck(properties.toArray(PropertyCheck[]::new));
    } catch (Unsupported | RuntimeException e) {
      // RuntimeException: metadata Hibernate Validator rejects, reported by its own validate() call.
      LOG.debug("Constraint shortcut off for {}: {}", type.getName(), e.getMessage());
      return unsupported;
    }
  }

  private ValueCheck valueCheck(Class<?> declared, Set<ConstraintDescriptor<?>> constraints, boolean cascaded,
      Set<ContainerElementTypeDescriptor> containerElements) throws Unsupported {
    if (!constraints.isEmpty() && unwrapsByDefault(declared)) {
      throw new Unsupported("constraint on " + declared.getSimpleName() + ", which Hibernate Validator unwraps");
    }
    if (cascaded && (declared == Object.class || isContainer(declared))) {
      throw new Unsupported("cascade on a container or an Object");
    }
    List<Predicate<Object>> tests = new ArrayList<>(constraints.size());
    for (ConstraintDescriptor<?> constraint : constraints) {
      tests.add(predicates.compile(constraint, declared));
    }
    List<ElementsCheck> elements = new ArrayList<>(containerElements.size());
    for (ContainerElementTypeDescriptor element : containerElements) {
      if (!element.getGroupConversions().isEmpty()) {
        throw new Unsupported("group conversion on a container element");
      }
      Kind kind = kind(element.getContainerClass(), element.getTypeArgumentIndex());
      if (kind == null) {
        throw new Unsupported("container " + element.getContainerClass().getName());
      }
      elements.add(new ElementsCheck(kind, valueCheck(element.getElementClass(), element.getConstraintDescriptors(),
          element.isCascaded(), element.getConstrainedContainerElementTypes())));
    }
    @SuppressWarnings("unchecked")
    Predicate<Object>[] testArray = tests.toArray(Predicate[]::new);
    return new ValueCheck(testArray, cascaded, elements.toArray(ElementsCheck[]::new));
  }

  private static void requireDefaultGroupSequence(Class<?> type) throws Unsupported {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(GroupSequence.class) || c.isAnnotationPresent(GroupSequenceProvider.class)) {
        throw new Unsupported("redefined default group sequence");
      }
    }
  }

  /** Types whose constraints Hibernate Validator applies to the wrapped value unless told otherwise. */
  private static boolean unwrapsByDefault(Class<?> type) {
    return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
        || type == OptionalDouble.class || type.getName().startsWith("javafx.");
  }

  private static boolean isContainer(Class<?> type) {
    return Iterable.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray()
        || unwrapsByDefault(type);
  }

  /** How the elements of a supported container are reached. */
  private enum Kind { OPTIONAL, ITERABLE, MAP_KEYS, MAP_VALUES }

  private static Kind kind(Class<?> container, Integer typeArgument) {
    int index = typeArgument == null ? -1 : typeArgument;
    if (container == Optional.class && index == 0) {
      return Kind.OPTIONAL;
    }
    if ((container == List.class || container == Set.class || container == SortedSet.class
        || container == Collection.class || container == Iterable.class) && index == 0) {
      return Kind.ITERABLE;
    }
    if (container == Map.class || container == SortedMap.class) {
      return index == 0 ? Kind.MAP_KEYS : index == 1 ? Kind.MAP_VALUES : null;
    }
    return null;
  }

  /**
   * Value extractors or constraint validators registered through {@link ServiceLoader} change how
   * Hibernate Validator reads or checks values in ways the shortcut does not model; it then stays
   * off.
   */
  private static boolean extendedByServiceLoader() {
    ClassLoader own = ConstraintShortcut.class.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    try {
      for (ClassLoader loader : context == null || context == own ? List.of(own) : List.of(own, context)) {
        if (ServiceLoader.load(ValueExtractor.class, loader).stream().findAny().isPresent()
            || ServiceLoader.load(ConstraintValidator.class, loader).stream().findAny().isPresent()) {
          return true;
        }
      }
      return false;
    } catch (ServiceConfigurationError e) {
      return true;
    }
  }

  /** A class, property or container the shortcut does not model; Hibernate Validator handles it. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The checks of one class's constrained properties, or none ({@code null}) for a class left to Hibernate Validator. */
  private static final class BeanCheck {
    private final PropertyCheck[] properties;

    BeanCheck(PropertyCheck[] properties) {
      this.properties = properties;
    }

    boolean passes(Object bean, int depth) {
      if (properties == null) {
        return false;
      }
      for (PropertyCheck property : properties) {
        if (!property.passes(bean, depth)) {
          return false;
        }
      }
      return true;
    }
  }

  /** One property, read every way Hibernate Validator may read it. */
  private static final class PropertyCheck {
    private final Function<Object, Object>[] readers;
    private final ValueCheck check;

    @SuppressWarnings("unchecked")
    PropertyCheck(List<Function<Object, Object>> readers, ValueCheck check) {
      this.readers = readers.toArray(Function[]::new);
      this.check = check;
    }

    boolean passes(Object bean, int depth) {
      Object previous = null;
      for (int i = 0; i < readers.length; i++) {
        Object value;
        try {
          value = readers[i].apply(bean);
        } catch (RuntimeException | Error e) {
          return false; // Hibernate Validator meets the same failure and reports it.
        }
        if ((i == 0 || value != previous) && !check.passes(value, depth)) {
          return false;
        }
        previous = value;
      }
      return true;
    }
  }

  /** The constraints on one value, its cascade and the checks of the elements it contains. */
  private final class ValueCheck {
    private final Predicate<Object>[] constraints;
    private final boolean cascaded;
    private final ElementsCheck[] elements;

    ValueCheck(Predicate<Object>[] constraints, boolean cascaded, ElementsCheck[] elements) {
      this.constraints = constraints;
      this.cascaded = cascaded;
      this.elements = elements;
    }

    boolean passes(Object value, int depth) {
      for (Predicate<Object> constraint : constraints) {
        if (!constraint.test(value)) {
          return false;
        }
      }
      if (value == null) {
        return true; // Hibernate Validator cascades into and extracts from non-null values only.
      }
      if (cascaded && !passesBean(value, depth + 1)) {
        return false;
      }
      for (ElementsCheck element : elements) {
        if (!element.passes(value, depth)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The elements of a container: an optional's value, a collection's elements, a map's keys or values. */
  private static final class ElementsCheck {
    private final Kind kind;
    private final ValueCheck check;

    ElementsCheck(Kind kind, ValueCheck check) {
      this.kind = kind;
      this.check = check;
    }

    boolean passes(Object container, int depth) {
      return switch (kind) {
        // Hibernate Validator hands an empty Optional's element constraints null.
        case OPTIONAL -> check.passes(((Optional<?>) container).orElse(null), depth);
        case ITERABLE -> all((Iterable<?>) container, depth);
        case MAP_KEYS -> all(((Map<?, ?>) container).keySet(), depth);
        case MAP_VALUES -> all(((Map<?, ?>) container).values(), depth);
      };
    }

    private boolean all(Iterable<?> values, int depth) {
      for (Object value : values) {
        if (!check.passes(value, depth)) {
          return false;
        }
      }
      return true;
    }
  }
}
