package io.crmkit.core.common;

import jakarta.validation.ClockProvider;
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
import java.util.stream.IntStream;
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
 * drag one onto the host's classpath. It is configured in code only: a {@code
 * META-INF/validation.xml} on the host's class path, meant for the host's own validator, is
 * ignored.
 *
 * <p>Most values a CRM receives are valid, and for them Hibernate Validator's general machinery
 * costs far more than the checks. So a shortcut first tries to prove, from Hibernate Validator's
 * own constraint metadata, that a value breaks nothing; Hibernate Validator runs only when the
 * shortcut cannot prove it, and its report is the one returned. The result is the same either
 * way, only faster for valid values.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class CrmValidator {
  private static final Pattern CONTAINER_NODE = Pattern.compile("\\.?<[^>]+>");

  /** Lists at least this long are validated on more than one core. */
  private static final int PARALLEL_THRESHOLD = 64;

  private final ValidatorFactory factory;
  private final Validator validator;
  private final ConstraintShortcut shortcut;

  private CrmValidator(ValidatorFactory factory, ClockProvider clock) {
    this.factory = factory;
    this.validator = factory.getValidator();
    this.shortcut = new ConstraintShortcut(validator, clock);
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
    ClockProvider clockProvider = () -> clock;
    ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .ignoreXmlConfiguration()
        .getterPropertySelectionStrategy(new AccessorSelection())
        .messageInterpolator(new ParameterMessageInterpolator(Set.of(locale), locale, false))
        .clockProvider(clockProvider)
        .buildValidatorFactory();
    return new CrmValidator(factory, clockProvider);
  }

  /**
   * Every violation of {@code value}'s constraints and of {@code rules}, constraints first, each
   * group sorted by path so reports are stable.
   */
  @SafeVarargs
  public final <T> List<Violation> violations(T value, DomainRule<? super T>... rules) {
    Objects.requireNonNull(value, "value");
    // Most values are valid: when the shortcut proves it, Hibernate Validator has nothing to report.
    List<Violation> found = shortcut.provesValid(value) ? new ArrayList<>() : constraintViolations(value);
    for (DomainRule<? super T> rule : rules) {
      found.addAll(rule.check(value));
    }
    return found;
  }

  /**
   * The violations of every value, as {@link #violations} reports them for each: element {@code i}
   * of the result lists the violations of {@code values.get(i)}, empty if it is valid.
   *
   * <p>A list of 64 values or more is validated on several cores
   * through a parallel stream, that is on the JVM's common {@link java.util.concurrent.ForkJoinPool}
   * and the calling thread. crmkit creates no thread and owns none; it borrows the pool every
   * parallel stream of the application shares. The rules therefore run concurrently and must be
   * thread-safe, as crmkit's own ({@code CustomerRules}) are.
   *
   * @return one unmodifiable list of violations per value, in the order of {@code values}
   * @throws NullPointerException if {@code values}, one of its elements, or a rule is {@code null}
   */
  @SafeVarargs
  public final <T> List<List<Violation>> violationsOfAll(List<? extends T> values, DomainRule<? super T>... rules) {
    Objects.requireNonNull(values, "values");
    for (DomainRule<? super T> rule : rules) {
      Objects.requireNonNull(rule, "rule");
    }
    List<? extends T> items = List.copyOf(values); // random access, and no null: NullPointerException here
    IntStream indexes = IntStream.range(0, items.size());
    if (items.size() >= PARALLEL_THRESHOLD) {
      indexes = indexes.parallel();
    }
    return indexes.mapToObj(i -> List.copyOf(violations(items.get(i), rules))).toList();
  }

  /** Hibernate Validator's report for {@code value}, sorted by path and rule so reports are stable. */
  private <T> List<Violation> constraintViolations(T value) {
    List<Violation> found = new ArrayList<>();
    for (ConstraintViolation<T> v : validator.validate(value)) {
      found.add(new Violation(path(v),
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
          v.getMessage()));
    }
    found.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
    return found;
  }

  /**
   * Every violation of {@code value}'s constraints alone, found by Hibernate Validator without the
   * shortcut: what {@link #violations} must agree with. For tests that prove they do.
   */
  <T> List<Violation> constraintViolationsInFull(T value) {
    return constraintViolations(Objects.requireNonNull(value, "value"));
  }

  /** Whether the shortcut alone proves that {@code value} breaks no constraint. For tests. */
  boolean shortcutProvesValid(Object value) {
    return shortcut.provesValid(Objects.requireNonNull(value, "value"));
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
