package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.ScoredPair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * {@link Clustering} reads the single-linkage tree from the top; these properties hold it to the
 * rule as the documentation states it, applied literally (drop the weakest pair of a sparse
 * component, split, check each part again), on random graphs.
 */
class ClusteringProperties {

  @Property(tries = 300)
  void givesTheSameEntitiesAsDroppingTheWeakestPairOneAtATime(@ForAll("graphs") List<ScoredPair> pairs,
      @ForAll @DoubleRange(min = 0, max = 1) double minDensity) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(id(i));
    }

    assertThat(new Clustering(minDensity).entities(ids, pairs)).isEqualTo(literalRule(ids, pairs, minDensity));
  }

  @Provide
  Arbitrary<List<ScoredPair>> graphs() {
    // Few distinct weights, so that ties (broken by ids) happen often.
    Arbitrary<ScoredPair> pair = Combinators.combine(Arbitraries.integers().between(0, 11),
        Arbitraries.integers().between(0, 11), Arbitraries.integers().between(1, 6))
        .filter((a, b, w) -> !a.equals(b))
        .as((a, b, w) -> new ScoredPair(id(Math.min(a, b)), id(Math.max(a, b)), w, 0.99,
            ScoredPair.Decision.MATCH, List.of()));
    return pair.list().ofMaxSize(40).map(ClusteringProperties::distinctPairs);
  }

  private static List<ScoredPair> distinctPairs(List<ScoredPair> pairs) {
    Set<String> seen = new HashSet<>();
    return pairs.stream().filter(p -> seen.add(p.leftId() + "|" + p.rightId())).toList();
  }

  private static String id(int i) {
    return String.format("r%02d", i);
  }

  /** The rule as documented, one dropped pair at a time: quadratic, fine for a dozen records. */
  private static Map<String, String> literalRule(List<String> ids, List<ScoredPair> pairs, double minDensity) {
    Comparator<ScoredPair> strongestFirst = Comparator.comparingDouble(ScoredPair::weight).reversed()
        .thenComparing(ScoredPair::leftId).thenComparing(ScoredPair::rightId);
    List<ScoredPair> sorted = new ArrayList<>(pairs);
    sorted.sort(strongestFirst);
    Map<String, String> entity = new TreeMap<>();
    ids.forEach(id -> entity.put(id, id));
    Deque<List<ScoredPair>> work = new ArrayDeque<>(components(sorted));
    while (!work.isEmpty()) {
      List<ScoredPair> component = work.pop();
      TreeSet<String> members = new TreeSet<>();
      component.forEach(p -> {
        members.add(p.leftId());
        members.add(p.rightId());
      });
      double possible = members.size() * (members.size() - 1) / 2.0;
      if (members.size() <= 2 || component.size() >= minDensity * possible) {
        members.forEach(m -> entity.put(m, members.first()));
      } else {
        work.addAll(components(component.subList(0, component.size() - 1)));
      }
    }
    return entity;
  }

  private static List<List<ScoredPair>> components(List<ScoredPair> pairs) {
    Map<String, String> parent = new HashMap<>();
    for (ScoredPair p : pairs) {
      String a = root(parent, p.leftId());
      String b = root(parent, p.rightId());
      if (!a.equals(b)) {
        parent.put(a.compareTo(b) > 0 ? a : b, a.compareTo(b) > 0 ? b : a);
      }
    }
    Map<String, List<ScoredPair>> byRoot = new TreeMap<>();
    for (ScoredPair p : pairs) {
      byRoot.computeIfAbsent(root(parent, p.leftId()), r -> new ArrayList<>()).add(p);
    }
    return new ArrayList<>(byRoot.values());
  }

  private static String root(Map<String, String> parent, String id) {
    String r = id;
    while (parent.containsKey(r)) {
      r = parent.get(r);
    }
    return r;
  }
}
