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
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * feature it does not model (class-level or composed constraints, groups, group sequences,
 * unfamiliar containers, unreadable properties), it answers {@code false} and Hibernate
 * Validator decides and reports. Being wrong in that direction costs only time.
 *
 * <p>Thread-safe: the compiled checks are immutable and cached per class.
 */
final class ConstraintShortcut {
  private static final Logger LOG = LoggerFactory.getLogger(ConstraintShortcut.class);
  /** Deeper cascades than this are left to Hibernate Validator (and a cyclic graph ends here). */
  private static final int MAX_DEPTH = 32;

  private final BeanCheck unsupported = new BeanCheck(List.of(), false);
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
    if (depth > MAX_DEPTH || isContainer(bean.getClass())) {
      return false;
    }
    BeanCheck check = beans.get(bean.getClass());
    if (check == null) {
      check = compile(bean.getClass());
      BeanCheck raced = beans.putIfAbsent(bean.getClass(), check);
      check = raced != null ? raced : check;
    }
    return check.passes(bean, depth);
  }

  private BeanCheck compile(Class<?> type) {
    try {
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
        properties.add(new PropertyCheck(readers(type, property.getPropertyName()), check));
      }
      return new BeanCheck(List.copyOf(properties), true);
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
    return new ValueCheck(List.copyOf(tests), cascaded, List.copyOf(elements));
  }

  private static void requireDefaultGroupSequence(Class<?> type) throws Unsupported {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(GroupSequence.class) || c.isAnnotationPresent(GroupSequenceProvider.class)) {
        throw new Unsupported("redefined default group sequence");
      }
    }
  }

  /**
   * How Hibernate Validator may read the property: through its accessor (crmkit's validator treats
   * every no-argument method as one) and, when the field of that name carries annotations, through
   * the field. Both are checked when both exist.
   */
  private static List<MethodHandle> readers(Class<?> type, String name) throws Unsupported {
    List<MethodHandle> readers = new ArrayList<>(2);
    try {
      Method accessor = accessor(type, name);
      if (accessor != null) {
        readers.add(MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class)));
      }
      Field field = annotatedField(type, name);
      if (field != null) {
        if (!field.trySetAccessible()) {
          throw new Unsupported("field " + name + " cannot be read");
        }
        readers.add(MethodHandles.lookup().unreflectGetter(field)
            .asType(MethodType.methodType(Object.class, Object.class)));
      }
    } catch (IllegalAccessException e) {
      throw new Unsupported("property " + name + " cannot be read: " + e.getMessage());
    }
    if (readers.isEmpty()) {
      throw new Unsupported("no accessor or field for " + name);
    }
    return List.copyOf(readers);
  }

  private static Method accessor(Class<?> type, String name) throws Unsupported {
    Method method;
    try {
      method = type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
    if (Modifier.isStatic(method.getModifiers())) {
      return null;
    }
    if (!method.trySetAccessible()) {
      throw new Unsupported("accessor " + name + " cannot be called");
    }
    return method;
  }

  private static Field annotatedField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())
            && (field.getDeclaredAnnotations().length > 0 || hasAnnotations(field.getAnnotatedType()))) {
          return field;
        }
      }
    }
    return null;
  }

  private static boolean hasAnnotations(AnnotatedType type) {
    if (type.getAnnotations().length > 0) {
      return true;
    }
    if (type instanceof AnnotatedParameterizedType parameterized) {
      for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
        if (hasAnnotations(argument)) {
          return true;
        }
      }
    }
    return type instanceof AnnotatedArrayType array && hasAnnotations(array.getAnnotatedGenericComponentType());
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

  /** How the elements of a supported container are reached. */
  private enum Kind { OPTIONAL, ITERABLE, MAP_KEYS, MAP_VALUES }

  private static Kind kind(Class<?> container, Integer typeArgument) {
    int index = typeArgument == null ? -1 : typeArgument;
    if (container == Optional.class && index == 0) {
      return Kind.OPTIONAL;
    }
    if ((container == List.class || container == Set.class || container == Collection.class
        || container == Iterable.class || container == java.util.SortedSet.class) && index == 0) {
      return Kind.ITERABLE;
    }
    if (container == Map.class || container == java.util.SortedMap.class) {
      return index == 0 ? Kind.MAP_KEYS : index == 1 ? Kind.MAP_VALUES : null;
    }
    return null;
  }

  /** A class, property or container the shortcut does not model; Hibernate Validator handles it. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The checks of one class's constrained properties. */
  private final class BeanCheck {
    private final List<PropertyCheck> properties;
    private final boolean supported;

    BeanCheck(List<PropertyCheck> properties, boolean supported) {
      this.properties = properties;
      this.supported = supported;
    }

    boolean passes(Object bean, int depth) {
      if (!supported) {
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
  private final class PropertyCheck {
    private final List<MethodHandle> readers;
    private final ValueCheck check;

    PropertyCheck(List<MethodHandle> readers, ValueCheck check) {
      this.readers = readers;
      this.check = check;
    }

    boolean passes(Object bean, int depth) {
      Object previous = null;
      for (int i = 0; i < readers.size(); i++) {
        Object value;
        try {
          value = (Object) readers.get(i).invokeExact(bean);
        } catch (Throwable e) {
          return false; // Hibernate Validator will meet the same failure and report it.
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
    private final List<Predicate<Object>> constraints;
    private final boolean cascaded;
    private final List<ElementsCheck> elements;

    ValueCheck(List<Predicate<Object>> constraints, boolean cascaded, List<ElementsCheck> elements) {
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

  /** The elements of a container (an optional's value, a collection's elements, a map's keys or values). */
  private final class ElementsCheck {
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
