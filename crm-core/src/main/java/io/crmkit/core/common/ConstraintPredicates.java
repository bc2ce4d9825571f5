package io.crmkit.core.common;

import io.crmkit.core.common.ConstraintShortcut.Unsupported;
import jakarta.validation.ClockProvider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ValidateUnwrappedValue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidator;

/**
 * Turns one constraint on a value of a declared type into a test that passes exactly when
 * Hibernate Validator's check of it would pass, for the shortcut in {@link ConstraintShortcut}.
 *
 * <p>Built-in constraints are re-stated from Hibernate Validator's own validators (9.1) for the
 * value types crmkit uses: {@code NotNull}, {@code NotBlank} ({@link String#isBlank()}),
 * {@code Size} on text, collections and maps, {@code Pattern}, {@code Digits} on numbers,
 * {@code PastOrPresent} on dates and instants, {@code Positive(OrZero)} on integers and exact
 * decimals. A custom constraint with a single validator runs that validator; its context offers
 * the clock and nothing else, so a validator that reports anything sends the value to Hibernate
 * Validator. Anything else is {@link Unsupported}.
 */
final class ConstraintPredicates {
  private final ClockProvider clock;
  private final ConstraintValidatorContext context;

  ConstraintPredicates(ClockProvider clock) {
    this.clock = clock;
    this.context = new QuietContext(clock);
  }

  Predicate<Object> compile(ConstraintDescriptor<?> constraint, Class<?> declared) throws Unsupported {
    Annotation annotation = constraint.getAnnotation();
    String name = annotation.annotationType().getSimpleName();
    if (!constraint.getComposingConstraints().isEmpty()) {
      throw new Unsupported("composed constraint " + name);
    }
    if (!constraint.getGroups().contains(Default.class)) {
      return value -> true; // not checked when validating the default group, the only one crmkit validates
    }
    if (constraint.getValueUnwrapping() != ValidateUnwrappedValue.DEFAULT) {
      throw new Unsupported("explicit value unwrapping on " + name);
    }
    Class<?> type = boxed(declared);
    if (annotation.annotationType().getPackageName().equals(NotNull.class.getPackageName())) {
      Predicate<Object> builtIn = builtIn(annotation, type);
      if (builtIn == null) {
        throw new Unsupported("constraint " + name + " on " + type.getName());
      }
      return builtIn;
    }
    List<? extends Class<? extends ConstraintValidator<?, ?>>> validators = constraint.getConstraintValidatorClasses();
    if (validators.size() != 1) {
      throw new Unsupported("constraint " + name + " with " + validators.size() + " validators");
    }
    return custom(validators.get(0), annotation, type);
  }

  private Predicate<Object> builtIn(Annotation annotation, Class<?> type) {
    boolean text = CharSequence.class.isAssignableFrom(type);
    if (annotation instanceof NotNull) {
      return value -> value != null;
    } else if (annotation instanceof NotBlank && text) {
      return value -> value != null && !value.toString().isBlank();
    } else if (annotation instanceof Size size) {
      return size(size.min(), size.max(), type);
    } else if (annotation instanceof Pattern pattern && text) {
      int flags = 0;
      for (Pattern.Flag flag : pattern.flags()) {
        flags |= flag.getValue();
      }
      java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern.regexp(), flags);
      return value -> value == null || compiled.matcher((CharSequence) value).matches();
    } else if (annotation instanceof Digits digits && Number.class.isAssignableFrom(type)) {
      return value -> value == null || fitsDigits((Number) value, digits.integer(), digits.fraction());
    } else if (annotation instanceof PastOrPresent) {
      return pastOrPresent(type);
    } else if (annotation instanceof PositiveOrZero) {
      return sign(type, true);
    } else if (annotation instanceof Positive) {
      return sign(type, false);
    }
    return null;
  }

  private static Predicate<Object> size(int min, int max, Class<?> type) {
    if (CharSequence.class.isAssignableFrom(type)) {
      return value -> value == null || within(((CharSequence) value).length(), min, max);
    } else if (Collection.class.isAssignableFrom(type)) {
      return value -> value == null || within(((Collection<?>) value).size(), min, max);
    } else if (Map.class.isAssignableFrom(type)) {
      return value -> value == null || within(((Map<?, ?>) value).size(), min, max);
    }
    return null;
  }

  private static boolean within(int size, int min, int max) {
    return size >= min && size <= max;
  }

  /** As Hibernate Validator's {@code DigitsValidatorForNumber}: a BigDecimal as it is, others stripped. */
  private static boolean fitsDigits(Number value, int integer, int fraction) {
    BigDecimal number;
    try {
      number = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return false; // NaN or infinity: Hibernate Validator fails on it and reports.
    }
    int integerDigits = number.precision() - number.scale();
    int fractionDigits = Math.max(number.scale(), 0);
    return integerDigits <= integer && fractionDigits <= fraction;
  }

  private Predicate<Object> pastOrPresent(Class<?> type) {
    if (type == LocalDate.class) {
      return value -> value == null || !((LocalDate) value).isAfter(LocalDate.now(clock.getClock()));
    } else if (type == Instant.class) {
      return value -> value == null || !((Instant) value).isAfter(clock.getClock().instant());
    }
    return null;
  }

  private static Predicate<Object> sign(Class<?> type, boolean zeroAllowed) {
    int least = zeroAllowed ? 0 : 1;
    if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
      return value -> value == null || Long.signum(((Number) value).longValue()) >= least;
    } else if (type == BigDecimal.class) {
      return value -> value == null || ((BigDecimal) value).signum() >= least;
    } else if (type == BigInteger.class) {
      return value -> value == null || ((BigInteger) value).signum() >= least;
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Predicate<Object> custom(Class<? extends ConstraintValidator<?, ?>> validatorClass, Annotation annotation,
      Class<?> type) throws Unsupported {
    String name = validatorClass.getName();
    if (HibernateConstraintValidator.class.isAssignableFrom(validatorClass)) {
      throw new Unsupported(name + " needs Hibernate Validator's initialisation");
    }
    Class<?> validated = validatedType(validatorClass);
    if (validated == null || !validated.isAssignableFrom(type)) {
      throw new Unsupported(name + " does not validate " + type.getName());
    }
    ConstraintValidator validator;
    try {
      Constructor<? extends ConstraintValidator<?, ?>> constructor = validatorClass.getConstructor();
      if (!Modifier.isPublic(validatorClass.getModifiers())) {
        throw new Unsupported(name + " is not public");
      }
      validator = constructor.newInstance();
      validator.initialize(annotation);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Unsupported(name + " cannot be created: " + e);
    }
    return value -> {
      try {
        return validator.isValid(value, context);
      } catch (RuntimeException e) {
        return false; // reporting (or failing): Hibernate Validator runs it again and reports.
      }
    };
  }

  /** The {@code T} of {@code ConstraintValidator<A, T>}, if the validator class states it. */
  private static Class<?> validatedType(Class<?> validatorClass) {
    for (Class<?> c = validatorClass; c != null; c = c.getSuperclass()) {
      for (Type implemented : c.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType parameterized
            && parameterized.getRawType() == ConstraintValidator.class) {
          Type argument = parameterized.getActualTypeArguments()[1];
          if (argument instanceof Class<?> validated) {
            return validated;
          }
          return argument instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
              ? raw : null;
        }
      }
    }
    return null;
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return type == long.class ? Long.class : type == int.class ? Integer.class : type == boolean.class ? Boolean.class
        : type == double.class ? Double.class : type == float.class ? Float.class : type == short.class ? Short.class
        : type == byte.class ? Byte.class : type == char.class ? Character.class : Void.class;
  }

  /**
   * The context a custom validator sees in the shortcut: the validator's clock, and nothing to
   * report with. A validator only reports a value it rejects, and Hibernate Validator then runs
   * it again with a real context.
   */
  private static final class QuietContext implements ConstraintValidatorContext {
    private final ClockProvider clock;

    QuietContext(ClockProvider clock) {
      this.clock = clock;
    }

    @Override
    public ClockProvider getClockProvider() {
      return clock;
    }

    @Override
    public void disableDefaultConstraintViolation() {
      throw reportsNothing();
    }

    @Override
    public String getDefaultConstraintMessageTemplate() {
      throw reportsNothing();
    }

    @Override
    public ConstraintViolationBuilder buildConstraintViolationWithTemplate(String messageTemplate) {
      throw reportsNothing();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw reportsNothing();
    }

    private static UnsupportedOperationException reportsNothing() {
      return new UnsupportedOperationException("the constraint shortcut reports nothing; Hibernate Validator will");
    }
  }
}
