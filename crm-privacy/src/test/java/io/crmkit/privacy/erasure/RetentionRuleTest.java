package io.crmkit.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

  @Test
  void theCutoffCountsThePeriodBackInCalendarTermsFromTheRun() {
    Instant now = Instant.parse("2028-02-29T12:00:00Z");

    assertThat(RetentionRule.churnedFor(Period.ofYears(3)).cutoff(now)).isEqualTo(Instant.parse("2025-02-28T12:00:00Z"));
    assertThat(RetentionRule.inactiveFor(Period.ofMonths(18)).cutoff(now))
        .isEqualTo(Instant.parse("2026-08-29T12:00:00Z"));
  }

  @Test
  void namesSayTheRuleAndItsPeriod() {
    assertThat(RetentionRule.churnedFor(Period.ofYears(3)).name()).isEqualTo("churned-for-P3Y");
    assertThat(RetentionRule.inactiveFor(Period.ofYears(2)).name()).isEqualTo("inactive-for-P2Y");
  }

  @Test
  void aPeriodMustBePositive() {
    assertThatThrownBy(() -> RetentionRule.churnedFor(Period.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> RetentionRule.inactiveFor(Period.ofYears(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRetentionNeedsAtLeastOneRule() {
    Eraser eraser = Eraser.builder().privacy(InMemoryCrmStore.create().attach(InMemoryPrivacy.extension())).build();

    assertThatThrownBy(() -> Retention.of(eraser, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one rule");
  }
}
