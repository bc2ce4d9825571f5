package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.dedup.ScoredPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusteringTest {

  private static ScoredPair pair(String a, String b, double weight) {
    return new ScoredPair(a, b, weight, 0.99, ScoredPair.Decision.MATCH, List.of());
  }

  @Test
  void aDenseComponentIsOneEntityNamedByItsSmallestId() {
    Map<String, String> entities = Clustering.defaults().entities(List.of("d", "b", "c", "a", "z"),
        List.of(pair("b", "c", 10), pair("c", "d", 12), pair("b", "d", 9)));

    assertThat(entities).containsEntry("b", "b").containsEntry("c", "b").containsEntry("d", "b")
        .containsEntry("a", "a").containsEntry("z", "z");
  }

  @Test
  void aChainOfWeakLinksIsCutAtItsWeakestLink() {
    // a-b-c-d-e-f: 5 of 15 possible pairs, far below half; the weakest link c-d goes first.
    List<ScoredPair> chain = List.of(pair("a", "b", 20), pair("b", "c", 18), pair("c", "d", 5),
        pair("d", "e", 19), pair("e", "f", 21));
    Map<String, String> entities = Clustering.defaults().entities(List.of("a", "b", "c", "d", "e", "f"), chain);

    assertThat(entities).containsEntry("a", "a").containsEntry("b", "a").containsEntry("c", "a")
        .containsEntry("d", "d").containsEntry("e", "d").containsEntry("f", "d");
  }

  @Test
  void withoutTheGuardAChainIsOneComponent() {
    List<ScoredPair> chain = List.of(pair("a", "b", 20), pair("b", "c", 18), pair("c", "d", 5),
        pair("d", "e", 19), pair("e", "f", 21));
    Map<String, String> entities = new Clustering(0).entities(List.of("a", "b", "c", "d", "e", "f"), chain);

    assertThat(entities.values()).containsOnly("a");
  }

  @Test
  void aLongChainWhoseLinksWeakenAlongItIsPeeledDownToItsStrongestFour() {
    // 100,001 records in one chain, each link weaker than the one before: the weakest link is
    // always at the far end, so the rule peels one record at a time, 100,000 splits, which took
    // minutes when each split recomputed the components. Four records linked in a row have half of
    // their possible pairs, dense enough: the four at the strong end stay joined.
    int records = 100_001;
    List<String> ids = new ArrayList<>(records);
    List<ScoredPair> chain = new ArrayList<>(records - 1);
    for (int i = 0; i < records; i++) {
      ids.add(String.format("r%06d", i));
    }
    for (int i = 0; i + 1 < records; i++) {
      chain.add(pair(ids.get(i), ids.get(i + 1), records - i));
    }

    Map<String, String> entities = Clustering.defaults().entities(ids, chain);

    assertThat(entities).hasSize(records).containsEntry("r000000", "r000000").containsEntry("r000001", "r000000")
        .containsEntry("r000003", "r000000").containsEntry("r000004", "r000004")
        .containsEntry("r100000", "r100000");
    assertThat(new HashSet<>(entities.values())).hasSize(records - 3);
  }

  @Test
  void aPairNamingAnUnknownIdIsRejected() {
    assertThatThrownBy(() -> Clustering.defaults().entities(List.of("a"), List.of(pair("a", "q", 3))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q");
  }
}
