package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.ScoredPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups records into entities: the connected components of the accepted pairs, guarded against
 * chaining (a path of links joining records that do not match each other, A~B~C~D with A and D
 * nothing alike).
 *
 * <p><b>The rule.</b> A component of three records or more is kept whole only if its accepted
 * pairs are dense enough: at least {@code minDensity} of its k(k-1)/2 possible pairs. Otherwise
 * its weakest pair (lowest weight; ties broken by the larger ids) is dropped and the rest is
 * split into components again, each checked the same way. A true entity of several records
 * links most of its members directly, so it stays whole; a chain is cut at its weakest link.
 *
 * <p><b>Cost.</b> Dropping the weakest pair of a sparse component changes nothing until the
 * component falls apart, so the rule splits a component where its strongest pairs stop
 * connecting it: at the merge of single-linkage clustering. {@link Dendrogram} builds that tree
 * once, strongest pair first, counting each node's pairs, and reads it from the top: near-linear
 * in the pairs, where dropping one pair at a time and splitting again was quadratic in a large
 * component (minutes for a chain of a few thousand links at 100,000 records).
 *
 * <p><b>Deterministic.</b> The entity id is the smallest record id of the component, and the
 * result depends only on the set of ids and pairs, not on their order.
 *
 * @param minDensity the share of possible pairs a component must have, in [0, 1]; 0 turns the
 *     guard off (plain connected components)
 */
public record Clustering(double minDensity) {

  /**
   * @throws IllegalArgumentException if {@code minDensity} is outside [0, 1]
   */
  public Clustering {
    Require.inRange(minDensity, 0.0, 1.0, "minDensity");
  }

  /** Components kept whole when at least half of their possible pairs were accepted. */
  public static Clustering defaults() {
    return new Clustering(0.5);
  }

  /**
   * The entity of every record: record id → entity id (the smallest id of its cluster). A record
   * in no accepted pair is its own entity.
   *
   * @param ids every record id of the run
   * @param accepted the pairs accepted as matches (their decision is not looked at)
   * @throws IllegalArgumentException if a pair names an id not in {@code ids}
   */
  public Map<String, String> entities(Collection<String> ids, Collection<ScoredPair> accepted) {
    String[] sorted = new TreeSet<>(ids).toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sorted.length; i++) {
      index.put(sorted[i], i);
    }
    List<Edge> edges = new ArrayList<>(accepted.size());
    for (ScoredPair pair : accepted) {
      Integer a = index.get(pair.leftId());
      Integer b = index.get(pair.rightId());
      if (a == null || b == null) {
        throw new IllegalArgumentException("pair must name known ids, got " + pair.leftId() + " and " + pair.rightId());
      }
      edges.add(new Edge(Math.min(a, b), Math.max(a, b), pair.weight()));
    }
    edges.sort(Edge.STRONGEST_FIRST);
    int[] entity = new Dendrogram(sorted.length, edges).entities(minDensity);
    Map<String, String> result = new TreeMap<>();
    for (int i = 0; i < sorted.length; i++) {
      result.put(sorted[i], sorted[entity[i]]);
    }
    return result;
  }

  record Edge(int a, int b, double weight) {
    static final Comparator<Edge> STRONGEST_FIRST = Comparator.<Edge>comparingDouble(e -> e.weight).reversed()
        .thenComparingInt(e -> e.a).thenComparingInt(e -> e.b);
  }
}
