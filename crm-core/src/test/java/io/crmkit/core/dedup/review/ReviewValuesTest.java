package io.crmkit.core.dedup.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.ScoredPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewValuesTest {
  private static final Instant AT = Instant.parse("2026-05-01T08:00:00Z");

  @Test
  void aPairHasOneFormWhicheverOrderItsIdsAreGivenIn() {
    ReviewItem item = new ReviewItem("rec-9", "rec-1", 0.5, List.of(), AT);
    ReviewDecision decision = new ReviewDecision("rec-9", "rec-1", ReviewDecision.Verdict.SAME, "reviewer", AT);

    assertThat(item.leftId()).isEqualTo("rec-1");
    assertThat(item.rightId()).isEqualTo("rec-9");
    assertThat(decision).isEqualTo(new ReviewDecision("rec-1", "rec-9", ReviewDecision.Verdict.SAME, "reviewer", AT));
  }

  @Test
  void aScoredPairBecomesAnItemWithItsProbabilityAndExplanation() {
    List<FieldScore> fields = List.of(new FieldScore("familyName", "exact", 3.5));
    ScoredPair pair = new ScoredPair("a", "b", 3.5, 0.7, ScoredPair.Decision.REVIEW, fields);

    assertThat(ReviewItem.of(pair, AT)).isEqualTo(new ReviewItem("a", "b", 0.7, fields, AT));
  }

  @Test
  void malformedItemsAndDecisionsAreRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> new ReviewItem("a", "b", 1.5, List.of(), AT)).hasMessageContaining("probability");
    assertThatThrownBy(() -> new ReviewItem(" ", "b", 0.5, List.of(), AT)).hasMessageContaining("leftId");
    assertThatThrownBy(() -> new ReviewItem("a\u0000", "b", 0.5, List.of(), AT)).hasMessageContaining("leftId");
    assertThatThrownBy(() -> new ReviewItem("a", "x".repeat(ReviewQueue.MAX_ID_LENGTH + 1), 0.5, List.of(), AT))
        .hasMessageContaining("rightId");
    assertThatThrownBy(() -> new ReviewDecision("a", "b", ReviewDecision.Verdict.SAME, "", AT))
        .hasMessageContaining("decidedBy");
  }

  @Test
  void negativeZeroProbabilityIsStoredAsZero() {
    assertThat(new ReviewItem("a", "b", -0.0, List.of(), AT).probability()).isEqualTo(0.0).isNotNegative();
  }
}
