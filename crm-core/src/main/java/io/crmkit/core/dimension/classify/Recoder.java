package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.DimensionScheme;
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
  public RecodingReport recode(Stream<? extends Customer> customers) {
    return recode(Objects.requireNonNull(customers, "customers").iterator());
  }

  /** Re-codes every customer of {@code customers}. */
  public RecodingReport recode(Collection<? extends Customer> customers) {
    return recode(Objects.requireNonNull(customers, "customers").iterator());
  }

  private RecodingReport recode(Iterator<? extends Customer> customers) {
    Map<String, Map<String, Resolution>> cache = new HashMap<>();
    List<CodeUpdate> updates = new ArrayList<>();
    List<Unresolved> unresolved = new ArrayList<>();
    long count = 0;
    long inForce = 0;
    while (customers.hasNext()) {
      Customer customer = customers.next();
      count++;
      List<CodeChange> changes = new ArrayList<>();
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
          changes.add(new CodeChange(dimension, Optional.of(code), replaced.successor().code(),
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
    return new RecodingReport(count, inForce, updates, unresolved);
  }
}
