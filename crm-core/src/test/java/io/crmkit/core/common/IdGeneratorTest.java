package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void timeOrderedIdsAreVersion7AndIncreaseEvenWithinOneMillisecond() {
    IdGenerator ids = new TimeOrderedIdGenerator(new Random(1), () -> 1_700_000_000_000L);
    UUID previous = ids.newId();
    Set<UUID> seen = new HashSet<>(Set.of(previous));
    for (int i = 0; i < 10_000; i++) {
      UUID next = ids.newId();
      assertThat(next.version()).isEqualTo(7);
      assertThat(next.variant()).isEqualTo(2);
      assertThat(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()))
          .isPositive();
      assertThat(seen.add(next)).isTrue();
      previous = next;
    }
  }

  @Test
  void timeOrderedIdsCarryTheirMillisecond() {
    UUID id = new TimeOrderedIdGenerator(new Random(1), () -> 0x0123_4567_89ABL).newId();
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(0x0123_4567_89ABL);
  }

  @Test
  void aClockGoingBackwardsDoesNotBreakTheOrder() {
    long[] now = {5_000};
    IdGenerator ids = new TimeOrderedIdGenerator(new Random(1), () -> now[0]);
    UUID before = ids.newId();
    now[0] = 1_000;
    assertThat(Long.compareUnsigned(ids.newId().getMostSignificantBits(), before.getMostSignificantBits()))
        .isPositive();
  }
}
