package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dimension.Dimensions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns dimension codes to customers with {@link ClassificationRule}s, in bulk.
 *
 * <p>Per dimension the rules are tried in the order given; the first that assigns a code wins.
 * If none does, the customer is reported {@link Unclassified} in that dimension with every rule's
 * reason. By default a customer that already holds a code in a dimension keeps it (the rules are
 * not asked); {@link Builder#replaceExisting} makes rules override held codes, but a held code is
 * never removed when no rule assigns one.
 *
 * <p>Nothing is written: the outcome is {@link CodeUpdate}s for {@link CodeUpdates#apply}. A rule
 * that throws does not stop a batch: it counts as rejecting the customer, with the error as
 * reason. Immutable and thread-safe if the rules are.
 *
 * <pre>{@code
 * Classifier classifier = new Classifier.Builder()
 *     .rule(ClassificationRules.regionFromAddress(Dimensions.REGION, BuiltInSchemes.gbt2260(), "CN"))
 *     .rule(ClassificationRules.regionFromUscc(Dimensions.REGION, BuiltInSchemes.gbt2260()))
 *     .rule(ClassificationRules.customerType(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes()))
 *     .rule(ClassificationRules.industryFromAttribute(Dimensions.INDUSTRY, BuiltInSchemes.gbt4754(), "industry"))
 *     .build();
 * Classifier.Report report = classifier.classifyAll(customers.stream(Criteria.all()));
 * }</pre>
 */
public final class Classifier {
  private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

  private final Map<String, List<ClassificationRule>> rules;
  private final boolean replaceExisting;

  private Classifier(Builder builder) {
    Map<String, List<ClassificationRule>> byDimension = new LinkedHashMap<>();
    builder.rules.forEach((dimension, list) -> byDimension.put(dimension, List.copyOf(list)));
    this.rules = Collections.unmodifiableMap(byDimension);
    this.replaceExisting = builder.replaceExisting;
  }

  /** The dimensions this classifier assigns, in the order their first rule was added. */
  public List<String> dimensions() {
    return List.copyOf(rules.keySet());
  }

  /** Classifies one customer. */
  public Classification classify(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    List<CodeUpdate.Change> changes = new ArrayList<>();
    List<Unclassified> unclassified = new ArrayList<>();
    rules.forEach((dimension, dimensionRules) -> {
      Optional<String> held = Optional.ofNullable(customer.dimensionCodes().get(dimension));
      if (held.isPresent() && !replaceExisting) {
        return;
      }
      List<Violation> reasons = new ArrayList<>();
      for (ClassificationRule rule : dimensionRules) {
        ClassificationRule.Outcome outcome = apply(rule, customer);
        if (outcome instanceof ClassificationRule.Outcome.Assigned assigned) {
          if (!held.filter(assigned.code()::equals).isPresent()) {
            changes.add(new CodeUpdate.Change(dimension, held, assigned.code(), rule.name(), assigned.note()));
          }
          return;
        }
        reasons.add(new Violation(Dimensions.path(dimension), rule.name(),
            outcome instanceof ClassificationRule.Outcome.Rejected rejected ? rejected.reason()
                : ((ClassificationRule.Outcome.NotApplicable) outcome).reason()));
      }
      if (held.isEmpty()) {
        unclassified.add(new Unclassified(customer.id(), dimension, reasons));
      }
    });
    Optional<CodeUpdate> update = changes.isEmpty() ? Optional.empty()
        : Optional.of(new CodeUpdate(customer.id(), customer.version(), changes));
    return new Classification(customer.id(), update, unclassified);
  }

  /**
   * Classifies every customer of {@code customers} (consumed, not closed).
   */
  public Report classifyAll(Stream<? extends Customer> customers) {
    Objects.requireNonNull(customers, "customers");
    return classifyAll(customers.iterator());
  }

  /** Classifies every customer of {@code customers}. */
  public Report classifyAll(Collection<? extends Customer> customers) {
    Objects.requireNonNull(customers, "customers");
    return classifyAll(customers.iterator());
  }

  private Report classifyAll(Iterator<? extends Customer> customers) {
    List<CodeUpdate> updates = new ArrayList<>();
    List<Unclassified> unclassified = new ArrayList<>();
    long count = 0;
    while (customers.hasNext()) {
      Classification classification = classify(customers.next());
      classification.update().ifPresent(updates::add);
      unclassified.addAll(classification.unclassified());
      count++;
    }
    return new Report(count, updates, unclassified);
  }

  private static ClassificationRule.Outcome apply(ClassificationRule rule, Customer customer) {
    try {
      return Objects.requireNonNull(rule.apply(customer), () -> "rule " + rule.name() + " returned no outcome");
    } catch (RuntimeException e) {
      LOG.warn("Classification rule {} failed for customer {}", rule.name(), customer.id(), e);
      return ClassificationRule.Outcome.rejected("the rule failed: " + e);
    }
  }

  /** Builds a {@link Classifier}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<ClassificationRule>> rules = new LinkedHashMap<>();
    private boolean replaceExisting;

    /** Adds a rule after the rules already added for its dimension. */
    public Builder rule(ClassificationRule rule) {
      Objects.requireNonNull(rule, "rule");
      rules.computeIfAbsent(rule.dimension(), d -> new ArrayList<>()).add(rule);
      return this;
    }

    /** Whether rules override codes customers already hold (default: no, held codes are kept). */
    public Builder replaceExisting(boolean replaceExisting) {
      this.replaceExisting = replaceExisting;
      return this;
    }

    /**
     * The classifier.
     *
     * @throws IllegalStateException if no rule was added
     */
    public Classifier build() {
      Require.state(!rules.isEmpty(), "a classifier needs at least one rule");
      return new Classifier(this);
    }
  }

  /**
   * The outcome of classifying one customer.
   *
   * @param customerId the customer
   * @param update the codes to set, if any differ from what the customer holds
   * @param unclassified the dimensions left without a code, with reasons
   */
  public record Classification(CustomerId customerId, Optional<CodeUpdate> update, List<Unclassified> unclassified) {
    public Classification {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(update, "update");
      unclassified = List.copyOf(unclassified);
    }
  }

  /**
   * The outcome of {@link Classifier#classifyAll}: the codes to set per customer, and every customer
   * and dimension that could not be classified, with the reasons.
   *
   * @param customers how many customers were looked at
   * @param updates the codes to set, one update per customer that gets any
   * @param unclassified each customer and dimension left without a code
   */
  public record Report(long customers, List<CodeUpdate> updates, List<Unclassified> unclassified) {
    public Report {
      updates = List.copyOf(updates);
      unclassified = List.copyOf(unclassified);
    }

    /**
     * Every customer left without a code in some dimension, as one {@link Rejection} each (the
     * shape every crmkit batch report uses): subject the customer id, a violation per rule and
     * dimension (path {@code dimensionCodes[region]}, rule the rule's name, the rule's reason), so
     * that a program can list them like any other rejected item.
     */
    public List<Rejection> rejections() {
      return Rejections.perCustomer(unclassified, Unclassified::customerId, Unclassified::reasons);
    }

    /** The customers left without a code in {@code dimension}. */
    public List<Unclassified> unclassified(String dimension) {
      return unclassified.stream().filter(u -> u.dimension().equals(dimension)).toList();
    }
  }

  /**
   * A customer that no rule could give a code in one dimension, with every rule's reason.
   *
   * @param customerId the customer
   * @param dimension the dimension left without code
   * @param reasons each rule's reason, in rule order: path the dimension code
   *     ({@link io.crmkit.core.dimension.Dimensions#path dimensionCodes[region]}), rule the
   *     {@link ClassificationRule#name()}, message why the rule gave no code; {@link
   *     Report#rejections()} lists them per customer
   */
  public record Unclassified(CustomerId customerId, String dimension, List<Violation> reasons) {
    /** @throws IllegalArgumentException if there is no reason */
    public Unclassified {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(dimension, "dimension");
      reasons = List.copyOf(reasons);
      Require.argument(!reasons.isEmpty(), "an unclassified customer has at least one rule's reason");
    }
  }
}
