package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of schemes by id, one version each: what a service that meets codes of several schemes
 * (code review, classification set-up) looks them up in. Schemes are reference data loaded from
 * resources or definitions, so the registry is an immutable value, not a storage port.
 */
public final class DimensionSchemes {
  private final Map<String, DimensionScheme> byId;

  private DimensionSchemes(Map<String, DimensionScheme> byId) {
    this.byId = byId;
  }

  /**
   * A registry of {@code schemes}.
   *
   * @throws IllegalArgumentException if two schemes have the same id
   */
  public static DimensionSchemes of(Collection<DimensionScheme> schemes) {
    Map<String, DimensionScheme> byId = new LinkedHashMap<>();
    for (DimensionScheme scheme : schemes) {
      Objects.requireNonNull(scheme, "scheme");
      DimensionScheme before = byId.put(scheme.id(), scheme);
      Require.argument(before == null, "two schemes with id %s", scheme.id());
    }
    return new DimensionSchemes(Map.copyOf(byId));
  }

  /** A registry of {@code schemes}. */
  public static DimensionSchemes of(DimensionScheme... schemes) {
    return of(List.of(schemes));
  }

  /** A registry of every {@link BuiltInSchemes built-in scheme}. */
  public static DimensionSchemes builtIn() {
    return of(BuiltInSchemes.all());
  }

  /** This registry with {@code scheme} added, or replacing the scheme with its id (a new version). */
  public DimensionSchemes with(DimensionScheme scheme) {
    Objects.requireNonNull(scheme, "scheme");
    Map<String, DimensionScheme> copy = new LinkedHashMap<>(byId);
    copy.put(scheme.id(), scheme);
    return new DimensionSchemes(Map.copyOf(copy));
  }

  /** The scheme with {@code id}, if registered. */
  public Optional<DimensionScheme> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * The scheme with {@code id}.
   *
   * @throws NoSuchElementException if none is registered
   */
  public DimensionScheme get(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException("no scheme '" + id + "'; registered: " + byId.keySet()));
  }

  /** Every registered scheme. */
  public Collection<DimensionScheme> all() {
    return byId.values();
  }
}
