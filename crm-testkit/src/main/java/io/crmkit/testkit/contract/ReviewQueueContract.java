package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.review.ReviewDecision.Verdict;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.review.ReviewQueue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of the {@link ReviewQueue} port. Extend it with a factory for your adapter:
 *
 * <pre>{@code
 * class InMemoryReviewQueueTest extends ReviewQueueContract {
 *   protected ReviewQueue newQueue() { return InMemoryCrmStore.create().attach(InMemoryExtensions.dedup()).reviewQueue(); }
 * }
 * }</pre>
 *
 * <p>{@link #newQueue()} must give an empty queue each time (a database adapter empties its
 * tables), because the examples read the whole queue. Instants are whole microseconds.
 */
public abstract class ReviewQueueContract {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final AtomicLong IDS = new AtomicLong();

  /** An empty queue of the adapter under test; called once per example or property try. */
  protected abstract ReviewQueue newQueue();

  @Property(tries = 40)
  void aQueuedPairComesBackWithItsProbabilityAndExplanationWhateverTheOrderOfItsIds(
      @ForAll("items") ReviewItem item) {
    ReviewQueue queue = newQueue();

    assertThat(queue.enqueue(item)).isTrue();

    assertThat(queue.pending(10)).containsExactly(item);
    assertThat(queue.pending(item.rightId(), item.leftId())).contains(item);
    assertThat(queue.pending(item.leftId(), item.rightId())).contains(item);
    assertThat(queue.pendingCount()).isEqualTo(1);
  }

  @Example
  void aPairWaitingAlreadyIsNotQueuedTwiceInEitherOrder() {
    ReviewQueue queue = newQueue();
    ReviewItem first = item("a", "b", 0.6);

    queue.enqueue(first);

    assertThat(queue.enqueue(item("b", "a", 0.7))).isFalse();
    assertThat(queue.pending(10)).containsExactly(first);
  }

  @Example
  public void aDecidedPairLeavesTheQueueAndIsNeverQueuedAgainWhicheverOrderItsIdsComeIn() {
    ReviewQueue queue = newQueue();
    queue.enqueue(item("left", "right", 0.5));
    ReviewDecision decision = new ReviewDecision("right", "left", Verdict.DIFFERENT, "reviewer", AT);

    queue.decide(decision);

    assertThat(queue.pending(10)).isEmpty();
    assertThat(queue.pendingCount()).isZero();
    assertThat(queue.decision("left", "right")).contains(decision);
    assertThat(queue.decision("right", "left")).contains(decision);
    assertThat(queue.enqueue(item("left", "right", 0.5))).isFalse();
    assertThat(queue.enqueue(item("right", "left", 0.9))).isFalse();
    assertThat(queue.pending(10)).isEmpty();
  }

  @Example
  void aPairCanBeDecidedWithoutHavingWaited() {
    ReviewQueue queue = newQueue();
    ReviewDecision decision = new ReviewDecision("x", "y", Verdict.SAME, "reviewer", AT);

    queue.decide(decision);

    assertThat(queue.decision("y", "x")).contains(decision);
    assertThat(queue.enqueue(item("x", "y", 0.4))).isFalse();
  }

  @Example
  void decidingAgainTheSameWayIsHarmlessAndDifferentlyIsRefused() {
    ReviewQueue queue = newQueue();
    ReviewDecision decision = new ReviewDecision("p", "q", Verdict.SAME, "reviewer", AT);
    queue.decide(decision);

    queue.decide(new ReviewDecision("q", "p", Verdict.SAME, "reviewer", AT));

    assertThatThrownBy(() -> queue.decide(new ReviewDecision("p", "q", Verdict.DIFFERENT, "other", AT)))
        .isInstanceOf(ReviewQueue.AlreadyDecidedException.class)
        .satisfies(e -> assertThat(((ReviewQueue.AlreadyDecidedException) e).decision()).isEqualTo(decision));
    assertThat(queue.decision("p", "q")).contains(decision);
  }

  @Example
  void pendingPairsComeMostProbableFirstThenByIdsUpToTheLimit() {
    ReviewQueue queue = newQueue();
    List<ReviewItem> items = List.of(item("c", "d", 0.5), item("a", "b", 0.5), item("e", "f", 0.9),
        item("g", "h", 0.1));
    items.forEach(queue::enqueue);

    assertThat(queue.pending(3)).containsExactly(items.get(2), items.get(1), items.get(0));
    assertThat(queue.pending(10)).hasSize(4).isSortedAccordingTo(
        Comparator.comparingDouble(ReviewItem::probability).reversed().thenComparing(ReviewItem::leftId));
    assertThatThrownBy(() -> queue.pending(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void nothingWaitsOrIsDecidedInAnEmptyQueue() {
    ReviewQueue queue = newQueue();

    assertThat(queue.pending(5)).isEmpty();
    assertThat(queue.pending("m", "n")).isEmpty();
    assertThat(queue.decision("m", "n")).isEmpty();
    assertThat(queue.pendingCount()).isZero();
  }

  @Example
  void aPairOfOneRecordWithItselfIsRefused() {
    assertThatThrownBy(() -> item("same", "same", 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewDecision("same", "same", Verdict.SAME, "reviewer", AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<ReviewItem> items() {
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').withChars("王伟é").ofMinLength(1)
        .ofMaxLength(ReviewQueue.MAX_ID_LENGTH).filter(s -> !s.isBlank());
    Arbitrary<FieldScore> scores = Combinators.combine(
            Arbitraries.of("familyName", "givenName", "phones", "emails", "birthDate"),
            Arbitraries.of("exact", "jw>=0.92", "missing", "swapped-day-month"),
            Arbitraries.doubles().between(-30, 30))
        .as(FieldScore::new);
    return Combinators.combine(ids, ids, Arbitraries.doubles().between(0, 1), scores.list().ofMaxSize(8))
        .filter((left, right, p, s) -> !left.equals(right))
        .as((left, right, p, s) -> new ReviewItem(left, right, p, s, AT.plusSeconds(IDS.incrementAndGet())));
  }

  private static ReviewItem item(String one, String other, double probability) {
    return new ReviewItem(one, other, probability,
        List.of(new FieldScore("familyName", "exact", 4.25), new FieldScore("phones", "missing", 0)), AT);
  }

  @Example
  void decisionsListsEveryDecisionAndNotThePairsStillWaiting() {
    ReviewQueue queue = newQueue();
    ReviewItem waiting = item("w1", "w2", 0.5);
    queue.enqueue(waiting);
    queue.enqueue(item("d1", "d2", 0.6));
    ReviewDecision afterWaiting = new ReviewDecision("d2", "d1", Verdict.SAME, "reviewer", AT);
    ReviewDecision without = new ReviewDecision("n1", "n2", Verdict.DIFFERENT, "reviewer", AT.plusSeconds(1));
    queue.decide(afterWaiting);
    queue.decide(without);

    assertThat(queue.decisions()).contains(afterWaiting, without);
    assertThat(queue.decisions()).noneMatch(d -> d.leftId().equals("w1") || d.rightId().equals("w1"));
  }
}
