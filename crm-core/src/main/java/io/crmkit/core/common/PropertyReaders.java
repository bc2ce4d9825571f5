package io.crmkit.core.common;

import io.crmkit.core.common.ConstraintShortcut.Unsupported;
import java.lang.invoke.LambdaMetafactory;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a property the ways Hibernate Validator may read it, for {@link ConstraintShortcut}:
 * through its accessor (crmkit's validator treats every no-argument method as one) and, when the
 * field of that name carries annotations, through the field too.
 *
 * <p>An accessor declared on a public type is called through a generated function, as fast as a
 * lambda; anything else through a method handle.
 */
final class PropertyReaders {
  private static final MethodType READER = MethodType.methodType(Object.class, Object.class);

  private PropertyReaders() {}

  /** Every way to read {@code name} on {@code type}, at least one. */
  static List<Function<Object, Object>> of(Class<?> type, String name) throws Unsupported {
    List<Function<Object, Object>> readers = new ArrayList<>(2);
    try {
      Method accessor = accessor(type, name);
      if (accessor != null) {
        readers.add(reader(accessor));
      }
      Field field = annotatedField(type, name);
      if (field != null) {
        if (!field.trySetAccessible()) {
          throw new Unsupported("field " + name + " cannot be read");
        }
        readers.add(handleReader(MethodHandles.lookup().unreflectGetter(field)));
      }
    } catch (IllegalAccessException e) {
      throw new Unsupported("property " + name + " cannot be read: " + e.getMessage());
    }
    if (readers.isEmpty()) {
      throw new Unsupported("no accessor or field for " + name);
    }
    return readers;
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

  private static Function<Object, Object> reader(Method accessor) throws IllegalAccessException {
    Method declared = publicDeclaration(accessor);
    if (declared != null) {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle target = lookup.unreflect(declared);
        @SuppressWarnings("unchecked")
        Function<Object, Object> function = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
            MethodType.methodType(Function.class), READER, target, target.type().wrap()).getTarget().invokeExact();
        return function;
      } catch (Throwable e) {
        // Not linkable from here (a module boundary, say): the method handle below still works.
      }
    }
    return handleReader(MethodHandles.lookup().unreflect(accessor));
  }

  /** The accessor as declared by a public class or interface of the hierarchy, if one declares it. */
  private static Method publicDeclaration(Method accessor) {
    Deque<Class<?>> types = new ArrayDeque<>(List.of(accessor.getDeclaringClass()));
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      if (Modifier.isPublic(type.getModifiers()) && (type.getEnclosingClass() == null
          || Modifier.isPublic(type.getEnclosingClass().getModifiers()))) {
        try {
          Method declared = type.getDeclaredMethod(accessor.getName());
          if (Modifier.isPublic(declared.getModifiers()) && !Modifier.isStatic(declared.getModifiers())) {
            return declared;
          }
        } catch (NoSuchMethodException e) {
          // declared further up
        }
      }
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
      types.addAll(List.of(type.getInterfaces()));
    }
    return null;
  }

  private static Function<Object, Object> handleReader(MethodHandle handle) {
    MethodHandle reader = handle.asType(READER);
    return bean -> {
      try {
        return (Object) reader.invokeExact(bean);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    };
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
}
