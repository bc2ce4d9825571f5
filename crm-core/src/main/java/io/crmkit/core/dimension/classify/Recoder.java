package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.Resolution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Moves customers off retired codes when a scheme changes: every customer holding a retired code
 * with exactly one successor in force gets an update to it; every customer whose code has several
 * successors, none, or is unknown to the scheme is listed as {@link Unresolved}. Nobody is
 * dropped silently, and nothing is guessed.
 *
 * <p>Give it the new version of the scheme (with the retired codes and their successors, as
 * {@link io.crmkit.core.dimension.BuiltInSchemes#gbt2260()} carries its history). Nothing is
 * written: apply the updates with {@link CodeUpdates}. Immutable and thread-safe.
 */
public final class Recoder {
  private final Map<String, DimensionScheme> schemes;

  /**
   * A recoder for several dimensions at once: one update per customer covers them all.
   *
   * @param schemesByDimension dimension to the scheme its codes are checked against
   * @throws IllegalArgumentException if there is no dimension
   */
  public Recoder(Map<String, DimensionScheme> schemesByDimension) {
    Objects.requireNonNull(schemesByDimension, "schemesByDimension");
    Require.argument(!schemesByDimension.isEmpty(), "a recoder needs at least one dimension");
    this.schemes = Map.copyOf(schemesByDimension);
  }

  /** A recoder for one dimension. */
  public static Recoder of(String dimension, DimensionScheme scheme) {
    return new Recoder(Map.of(dimension, scheme));
  }

  /** Re-codes every customer of {@code customers} (consumed, not closed). */
  public Report recode(Stream<? extends Customer> customers) {
    return recode(Objects.requireNonNull(customers, "customers").iterator());
  }

  /** Re-codes every customer of {@code customers}. */
  public Report recode(Collection<? extends Customer> customers) {
    return recode(Objects.requireNonNull(customers, "customers").iterator());
  }

  private Report recode(Iterator<? extends Customer> customers) {
    Map<String, Map<String, Resolution>> cache = new HashMap<>();
    List<CodeUpdate> updates = new ArrayList<>();
    List<Unresolved> unresolved = new ArrayList<>();
    long count = 0;
    long inForce = 0;
    while (customers.hasNext()) {
      Customer customer = customers.next();
      count++;
      List<CodeUpdate.Change> changes = new ArrayList<>();
      for (Map.Entry<String, String> held : new LinkedHashMap<>(customer.dimensionCodes()).entrySet()) {
        DimensionScheme scheme = schemes.get(held.getKey());
        if (scheme == null) {
          continue;
        }
        String dimension = held.getKey();
        String code = held.getValue();
        Resolution resolution = cache.computeIfAbsent(dimension, d -> new HashMap<>())
            .computeIfAbsent(code, scheme::resolve);
        if (resolution instanceof Resolution.Current) {
          inForce++;
        } else if (resolution instanceof Resolution.Replaced replaced) {
          changes.add(new CodeUpdate.Change(dimension, Optional.of(code), replaced.successor().code(),
              "recode-" + scheme.id() + "-" + scheme.version(), resolution.describe()));
        } else if (resolution instanceof Resolution.Ambiguous ambiguous) {
          unresolved.add(new Unresolved(customer.id(), dimension, code, Unresolved.Kind.AMBIGUOUS,
              ambiguous.candidates().stream().map(DimensionCode::code).toList(), resolution.describe()));
        } else if (resolution instanceof Resolution.Discontinued) {
          unresolved.add(new Unresolved(customer.id(), dimension, code, Unresolved.Kind.NO_SUCCESSOR, List.of(),
              resolution.describe()));
        } else {
          unresolved.add(new Unresolved(customer.id(), dimension, code, Unresolved.Kind.UNKNOWN, List.of(),
              resolution.describe() + " (scheme " + scheme.id() + " " + scheme.version() + ")"));
        }
      }
      if (!changes.isEmpty()) {
        updates.add(new CodeUpdate(customer.id(), customer.version(), changes));
      }
    }
    return new Report(count, inForce, updates, unresolved);
  }

  /**
   * A customer whose code the {@link Recoder} could not move to a single code in force: listed, so
   * that someone decides, instead of being dropped or guessed.
   *
   * @param customerId the customer
   * @param dimension the dimension
   * @param code the code the customer holds
   * @param kind why it was not moved
   * @param candidates the codes in force it could become (for {@link Kind#AMBIGUOUS}), else empty
   * @param reason the same in words
   */
  public record Unresolved(CustomerId customerId, String dimension, String code, Kind kind, List<String> candidates,
      String reason) {

    /** Why a code was not moved. */
    public enum Kind {
      /** Retired, with several successors in force. */
      AMBIGUOUS("ambiguous-successors"),
      /** Retired, with no successor in force. */
      NO_SUCCESSOR("no-successor"),
      /** Not in the scheme at all (or malformed, or a wrong check character). */
      UNKNOWN("unknown-code");

      private final String ruleName;

      Kind(String ruleName) {
        this.ruleName = ruleName;
      }

      /** The kind as a stable rule name for a {@link Violation}, such as {@code ambiguous-successors}. */
      public String ruleName() {
        return ruleName;
      }
    }

    public Unresolved {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(kind, "kind");
      candidates = List.copyOf(candidates);
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the code was not moved, as a {@link Violation}: path the dimension code
     * ({@code dimensionCodes[region]}), rule the {@link Kind#ruleName()}, message the reason (which
     * names the candidates of an ambiguous code). {@link Report#rejections()} lists these.
     */
    public Violation violation() {
      return new Violation(Dimensions.path(dimension), kind.ruleName(), reason);
    }
  }

  /**
   * The outcome of {@link Recoder#recode}: every code looked at is either in force (nothing to do),
   * moved to its successor (an update), or listed as unresolved.
   *
   * @param customers how many customers were looked at
   * @param codesInForce how many of their codes were in force already
   * @param updates the moves to successors, one update per customer
   * @param unresolved every code that could not be moved, with why
   */
  public record Report(long customers, long codesInForce, List<CodeUpdate> updates, List<Unresolved> unresolved) {
    public Report {
      updates = List.copyOf(updates);
      unresolved = List.copyOf(unresolved);
    }

    /**
     * Every customer with a code that could not be moved, as one {@link Rejection} each (the shape
     * every crmkit batch report uses): subject the customer id, a violation per code (path
     * {@code dimensionCodes[region]}, rule {@link Unresolved.Kind#ruleName()}, the reason, which names
     * the candidates of an ambiguous code). {@link #unresolved()} keeps the candidates as codes.
     */
    public List<Rejection> rejections() {
      return Rejections.perCustomer(unresolved, Unresolved::customerId, u -> List.of(u.violation()));
    }
  }
}
