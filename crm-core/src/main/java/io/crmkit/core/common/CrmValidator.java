package io.crmkit.core.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;

/**
 * Checks an object against its Jakarta constraints and its domain rules, and reports every
 * violation in one {@link CrmValidationException}.
 *
 * <p>crmkit's value types use record-style accessors ({@code displayName()}, not
 * {@code getDisplayName()}). Hibernate Validator ignores constraints on such methods by default, so
 * this validator configures it to treat every public no-argument accessor as a property. It also
 * interpolates messages without an expression-language implementation, so the library does not
 * drag one onto the host's classpath.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class CrmValidator {
  private static final Pattern CONTAINER_NODE = Pattern.compile("\\.?<[^>]+>");

  private final ValidatorFactory factory;
  private final Validator validator;

  private CrmValidator(ValidatorFactory factory) {
    this.factory = factory;
    this.validator = factory.getValidator();
  }

  /** A validator with English messages. */
  public static CrmValidator create() {
    return create(Locale.ENGLISH);
  }

  /** A validator whose constraint messages use {@code locale} where a translation exists. */
  public static CrmValidator create(Locale locale) {
    return create(locale, Clock.systemUTC());
  }

  /**
   * A validator with English messages whose time constraints ({@code @PastOrPresent} birth dates
   * and the like) read {@code clock}, so that they agree with the clock the application runs on.
   */
  public static CrmValidator create(Clock clock) {
    return create(Locale.ENGLISH, clock);
  }

  /** A validator with messages in {@code locale} and time constraints read from {@code clock}. */
  public static CrmValidator create(Locale locale, Clock clock) {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(clock, "clock");
    ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .getterPropertySelectionStrategy(new AccessorSelection())
        .messageInterpolator(new ParameterMessageInterpolator(Set.of(locale), locale, false))
        .clockProvider(() -> clock)
        .buildValidatorFactory();
    return new CrmValidator(factory);
  }

  /**
   * Every violation of {@code value}'s constraints and of {@code rules}, constraints first, each
   * group sorted by path so reports are stable.
   */
  @SafeVarargs
  public final <T> List<Violation> violations(T value, DomainRule<? super T>... rules) {
    Objects.requireNonNull(value, "value");
    List<Violation> found = new ArrayList<>();
    for (ConstraintViolation<T> v : validator.validate(value)) {
      found.add(new Violation(path(v),
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
          v.getMessage()));
    }
    found.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
    for (DomainRule<? super T> rule : rules) {
      found.addAll(rule.check(value));
    }
    return found;
  }

  /**
   * Returns {@code value} if it satisfies its constraints and {@code rules}.
   *
   * @param subject what is validated, named in the exception message
   * @throws CrmValidationException listing every violation, if there is any
   */
  @SafeVarargs
  public final <T> T validate(String subject, T value, DomainRule<? super T>... rules) {
    List<Violation> found = violations(value, rules);
    if (!found.isEmpty()) {
      throw new CrmValidationException(subject, found);
    }
    return value;
  }

  /**
   * The violation's property path without Hibernate Validator's container nodes: {@code
   * contactPoints[0].value}, {@code dimensionCodes[region]}. A rejected map key is the rejected
   * value itself, so it is left out: {@code attributes[]}.
   */
  private static String path(ConstraintViolation<?> violation) {
    String path = CONTAINER_NODE.matcher(violation.getPropertyPath().toString()).replaceAll("");
    Path.Node leaf = null;
    for (Path.Node node : violation.getPropertyPath()) {
      leaf = node;
    }
    if (leaf != null && "<map key>".equals(leaf.getName()) && leaf.getKey() != null) {
      String key = "[" + leaf.getKey() + "]";
      if (path.endsWith(key)) {
        return path.substring(0, path.length() - key.length()) + "[]";
      }
    }
    return path;
  }

  /** Releases the underlying validator factory's caches. */
  public void close() {
    factory.close();
  }

  /** Treats {@code name()} accessors, not only {@code getName()}, as validated properties. */
  private static final class AccessorSelection implements GetterPropertySelectionStrategy {
    private static final Set<String> NOT_PROPERTIES =
        Set.of("hashCode", "toString", "getClass", "clone", "notify", "notifyAll", "wait");

    @Override
    public Optional<String> getProperty(ConstrainableExecutable executable) {
      String name = executable.getName();
      if (executable.getParameterTypes().length != 0
          || executable.getReturnType() == void.class
          || NOT_PROPERTIES.contains(name)) {
        return Optional.empty();
      }
      return Optional.of(name);
    }

    @Override
    public List<String> getGetterMethodNameCandidates(String propertyName) {
      return List.of(propertyName);
    }
  }
}
