package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.dimension.review.CodeRequest.Decision;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.dimension.review.CodeRequests;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of the {@link CodeRequests} port: requests round-trip exactly (labels keep their
 * order, since the first is the default), a scheme has one pending request per code, a decision
 * is made exactly once even when reviewers race, and listings are ordered by request time, then
 * id (unsigned, as databases order UUIDs). Extend it and return a fresh, empty store from {@link
 * #newRequests()}.
 *
 * <p>Times are generated with microsecond precision, the finest that common databases keep.
 */
public abstract class CodeRequestsContract {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123456Z");
  private static final int REVIEWERS = 6;

  /**
   * A new, empty store. Called at the start of every example and every try, so make it cheap:
   * for a database, empty the table and return an adapter over it.
   */
  protected abstract CodeRequests newRequests();

  @Property(tries = 100)
  public void aRequestRoundTripsExactly(@ForAll("requests") CodeRequest request) {
    CodeRequests store = newRequests();

    store.add(request);

    CodeRequest stored = store.findById(request.id()).orElseThrow();
    assertThat(stored).isEqualTo(request);
    assertThat(stored.labels().texts().keySet()).containsExactlyElementsOf(request.labels().texts().keySet());
    assertThat(store.findPending(request.schemeId(), request.code())).contains(request);
    assertThat(store.find(request.schemeId(), EnumSet.of(CodeRequest.Status.PENDING))).containsExactly(request);
  }

  @Property(tries = 100)
  public void aDecisionRoundTripsExactly(@ForAll("requests") CodeRequest request, @ForAll("decisions") Decision decision) {
    CodeRequests store = newRequests();
    store.add(request);

    CodeRequest decided = store.decide(request.id(), decision);

    assertThat(decided).isEqualTo(request.withDecision(decision));
    assertThat(store.findById(request.id())).contains(decided);
    assertThat(store.findPending(request.schemeId(), request.code())).isEmpty();
    assertThat(store.find(request.schemeId(), EnumSet.of(decided.status()))).containsExactly(decided);
  }

  @Example
  public void aSchemeHasOnePendingRequestPerCode() {
    CodeRequests store = newRequests();
    CodeRequest first = request(1, "segment", "K02", T0);
    store.add(first);

    CodeRequest second = request(2, "segment", "K02", T0.plusSeconds(1));
    assertThatThrownBy(() -> store.add(second)).isInstanceOf(DuplicateKeyException.class);
    assertThat(store.findById(second.id())).isEmpty();

    CodeRequest otherScheme = request(3, "branch", "K02", T0);
    store.add(otherScheme);
    store.decide(first.id(), Decision.rejected("bob", T0.plusSeconds(5), "duplicate of K01"));
    store.add(second);
    assertThat(store.findPending("segment", "K02")).contains(second);
    assertThat(store.findPending("branch", "K02")).contains(otherScheme);
  }

  @Example
  public void anIdIsUsedOnceAndOnlyPendingRequestsAreAdded() {
    CodeRequests store = newRequests();
    CodeRequest first = request(1, "segment", "K02", T0);
    store.add(first);

    assertThatThrownBy(() -> store.add(request(1, "segment", "K03", T0))).isInstanceOf(DuplicateKeyException.class);
    CodeRequest decided = request(2, "segment", "K04", T0).withDecision(Decision.approved("bob", T0, null));
    assertThatThrownBy(() -> store.add(decided)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.findById(decided.id())).isEmpty();
    assertThat(store.findById(first.id())).contains(first);
  }

  @Example
  public void aDecisionIsFinalAndTheFirstOneIsKept() {
    CodeRequests store = newRequests();
    CodeRequest request = request(1, "segment", "K02", T0);
    store.add(request);
    Decision first = Decision.approved("bob", T0.plusSeconds(60), "agreed");
    store.decide(request.id(), first);

    assertThatThrownBy(() -> store.decide(request.id(), Decision.rejected("carol", T0.plusSeconds(90), "no")))
        .isInstanceOf(CodeRequests.AlreadyDecidedException.class)
        .satisfies(e -> assertThat(((CodeRequests.AlreadyDecidedException) e).request().decision()).contains(first));
    assertThat(store.findById(request.id()).orElseThrow().decision()).contains(first);
    assertThatThrownBy(() -> store.decide(CodeRequestId.of(new UUID(7, 7)), first))
        .isInstanceOf(CodeRequests.CodeRequestNotFoundException.class);
  }

  @Example
  public void listingsFilterBySchemeAndStatusOldestFirstThenByUnsignedId() {
    CodeRequests store = newRequests();
    CodeRequest late = request(1, "segment", "K05", T0.plusSeconds(10));
    CodeRequest lowId = request(2, "segment", "K06", T0);
    CodeRequest highId = new CodeRequest.Builder().from(request(3, "segment", "K07", T0))
        .id(CodeRequestId.of(new UUID(0x8000_0000_0000_0000L, 1))).build();
    CodeRequest rejected = request(4, "segment", "K08", T0.minusSeconds(10));
    CodeRequest elsewhere = request(5, "branch", "B01", T0);
    for (CodeRequest request : List.of(late, highId, rejected, lowId, elsewhere)) {
      store.add(request);
    }
    CodeRequest decided = store.decide(rejected.id(), Decision.rejected("bob", T0, "not needed"));

    assertThat(store.find("segment", EnumSet.of(CodeRequest.Status.PENDING))).containsExactly(lowId, highId, late);
    assertThat(store.find("segment", EnumSet.allOf(CodeRequest.Status.class)))
        .containsExactly(decided, lowId, highId, late);
    assertThat(store.find("segment", EnumSet.of(CodeRequest.Status.APPROVED))).isEmpty();
    assertThat(store.find("nothing", EnumSet.allOf(CodeRequest.Status.class))).isEmpty();
  }

  /** Reviewers deciding one request at once: exactly one decision wins and is stored. */
  @Property(tries = 3)
  public void ofReviewersDecidingAtOnceExactlyOneWins() {
    CodeRequests store = newRequests();
    CodeRequest request = request(1, "segment", "K02", T0);
    store.add(request);

    List<Optional<Decision>> outcomes = Concurrently.run(REVIEWERS, reviewer -> () -> {
      Decision decision = reviewer % 2 == 0
          ? Decision.approved("reviewer-" + reviewer, T0.plusSeconds(reviewer + 1), null)
          : Decision.rejected("reviewer-" + reviewer, T0.plusSeconds(reviewer + 1), "no");
      try {
        store.decide(request.id(), decision);
        return Optional.of(decision);
      } catch (CodeRequests.AlreadyDecidedException lost) {
        return Optional.empty();
      }
    });

    List<Decision> winners = outcomes.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    assertThat(store.findById(request.id()).orElseThrow().decision()).contains(winners.get(0));
  }

  /** Requesters adding the same code at once: exactly one request is pending. */
  @Property(tries = 3)
  public void ofRequestersAddingOneCodeAtOnceExactlyOneIsPending() {
    CodeRequests store = newRequests();

    List<Boolean> added = Concurrently.run(REVIEWERS, requester -> () -> {
      try {
        store.add(request(100 + requester, "segment", "K02", T0));
        return true;
      } catch (DuplicateKeyException lost) {
        return false;
      }
    });

    assertThat(added.stream().filter(Boolean::booleanValue)).hasSize(1);
    assertThat(store.find("segment", EnumSet.of(CodeRequest.Status.PENDING))).hasSize(1);
  }

  @Provide
  Arbitrary<CodeRequest> requests() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
        Arbitraries.of("北京分部", "Zweigstelle Köln", "O'Brien & Co", "客户 \"甲\"", "a,b;c"));
    Arbitrary<Labels> labels = Arbitraries.subsetOf("zh", "en", "zh-Hant", "de").ofMinSize(1)
        .flatMap(tags -> text.list().ofSize(tags.size()).map(texts -> {
          Map<String, String> byTag = new LinkedHashMap<>();
          List<String> ordered = new ArrayList<>(tags);
          for (int i = 0; i < ordered.size(); i++) {
            byTag.put(ordered.get(i), texts.get(i));
          }
          return new Labels(byTag);
        }));
    return Builders.withBuilder(CodeRequest.Builder::new)
        .use(Arbitraries.randomValue(random -> CodeRequestId.of(new UUID(random.nextLong(), random.nextLong()))))
        .in((b, id) -> b.id(id))
        .use(Arbitraries.of("segment", "gbt2260", "客户分组")).in((b, scheme) -> b.schemeId(scheme))
        .use(Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(12)).in((b, code) -> b.code(code))
        .use(labels).in((b, l) -> b.labels(l))
        .use(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6).optional()).in((b, p) -> b.parent(p))
        .use(Arbitraries.of(CodeRequest.Origin.class)).in((b, o) -> b.origin(o))
        .use(Arbitraries.of("alice", "erp-import", "王芳")).in((b, who) -> b.requestedBy(who))
        .use(Arbitraries.longs().between(0, 10_000_000_000L)).in((b, micros) -> b.requestedAt(T0.plus(micros, ChronoUnit.MICROS)))
        .use(text.optional()).in((b, note) -> b.note(note))
        .build(CodeRequest.Builder::build);
  }

  @Provide
  Arbitrary<Decision> decisions() {
    Arbitrary<Instant> after = Arbitraries.longs().between(10_000_000_000L, 20_000_000_000L)
        .map(micros -> T0.plus(micros, ChronoUnit.MICROS));
    Arbitrary<String> reviewer = Arbitraries.of("bob", "审核员", "carol.o'neill");
    Arbitrary<String> reason = Arbitraries.of("agreed in the sales meeting", "重复：见 K01", "n/a");
    return Arbitraries.oneOf(
        Combinators.combine(reviewer, after, reason.injectNull(0.5)).as(Decision::approved),
        Combinators.combine(reviewer, after, reason).as(Decision::rejected));
  }

  private static CodeRequest request(long id, String scheme, String code, Instant at) {
    return new CodeRequest.Builder()
        .id(CodeRequestId.of(new UUID(0, id)))
        .schemeId(scheme)
        .code(code)
        .labels(Labels.of("zh", "代码 " + code, "en", "code " + code))
        .origin(CodeRequest.Origin.USER)
        .requestedBy("alice")
        .requestedAt(at)
        .build();
  }

  @Example
  public void allListsPendingAndDecidedRequestsOfEveryScheme() {
    CodeRequests store = newRequests();
    CodeRequest pending = request(9001, "scheme-a", "P01", T0);
    CodeRequest toDecide = request(9002, "scheme-b", "P02", T0);
    store.add(pending);
    store.add(toDecide);
    CodeRequest decided = store.decide(toDecide.id(), Decision.rejected("bob", T0.plusSeconds(60), "duplicate"));

    assertThat(store.all()).contains(pending, decided).doesNotContain(toDecide);
  }
}
