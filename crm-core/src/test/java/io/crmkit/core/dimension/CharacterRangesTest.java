package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CharacterRangesTest {

  @Test
  void aRangeEndingAtTheLastCharacterEnds() {
    String chars = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CharacterRanges.expand("\uFFFE-\uFFFF"));
    assertThat(chars).isEqualTo("\uFFFE\uFFFF");
  }
}
