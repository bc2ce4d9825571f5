package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Within its capacity the tally is a plain exact count. */
class KeyTallyProperties {

  @Property(tries = 200)
  void withinTheCapacityTheTallyEqualsANaiveCount(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 150) Integer> keys) {
    KeyTally tally = new KeyTally("phone", 256);
    Map<Integer, Integer> naive = new HashMap<>();
    for (int key : keys) {
      tally.add("k" + key);
      naive.merge(key, 1, Integer::sum);
    }
    long sharing = naive.values().stream().filter(count -> count >= 2).mapToLong(count -> count).sum();

    QualityReport.KeyUniqueness result = tally.result(keys.size());

    assertThat(result.exact()).isTrue();
    assertThat(result.customersWithKey()).isEqualTo(keys.size());
    assertThat(result.distinctKeys()).isEqualTo(naive.size());
    assertThat(result.customersSharingKey()).isEqualTo(sharing);
    assertThat(result.estimatedDuplicates()).isEqualTo(keys.size() - naive.size());
  }
}
