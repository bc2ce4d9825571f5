package io.crmkit.testkit.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;

import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.testkit.contract.CodeRequestsContract;
import io.crmkit.testkit.contract.CodeSequencesContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dimension-code contracts fail for adapters that break the ports' promises. */
class DimensionContractsCatchBrokenAdaptersTest {

  @Test
  void aSequenceThatReadsThenWritesWithoutALockHandsOutNumbersTwice() {
    CodeSequencesContract contract = new CodeSequencesContract() {
      @Override
      protected CodeSequences newSequences() {
        return new RacySequences();
      }
    };
    assertThatThrownBy(contract::manyThreadsAllocatingAtOnceGetEveryNumberExactlyOnce)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aSequenceThatIgnoresBlockSizesIsCaught() {
    CodeSequencesContract contract = new CodeSequencesContract() {
      @Override
      protected CodeSequences newSequences() {
        return new RacySequences() {
          @Override
          public long nextBlock(String key, int count) {
            return super.nextBlock(key, 1);
          }
        };
      }
    };
    assertThatThrownBy(contract::blocksAreConsecutiveAndNeverShareANumber).isInstanceOf(AssertionError.class);
  }

  @Test
  void aStoreThatLetsASecondDecisionOverwriteTheFirstIsCaught() {
    CodeRequestsContract contract = new CodeRequestsContract() {
      @Override
      protected CodeRequests newRequests() {
        return new Overwriting();
      }
    };
    assertThatThrownBy(contract::aDecisionIsFinalAndTheFirstOneIsKept).isInstanceOf(AssertionError.class);
  }

  /** Reads the last number, pauses a millisecond, then writes: the classic lost update. */
  private static class RacySequences implements CodeSequences {
    private final Map<String, Long> last = new HashMap<>();

    @Override
    public long nextBlock(String key, int count) {
      CodeSequences.requireValidKey(key);
      CodeSequences.requireValidCount(count);
      long current;
      synchronized (last) {
        current = last.getOrDefault(key, 0L);
      }
      pause();
      synchronized (last) {
        last.put(key, current + count);
      }
      return current + 1;
    }

    private static void pause() {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public long current(String key) {
      CodeSequences.requireValidKey(key);
      synchronized (last) {
        return last.getOrDefault(key, 0L);
      }
    }
  }

  /** Decides without checking that the request is still pending. */
  private static final class Overwriting implements CodeRequests {
    private final CodeRequests delegate = InMemoryCrmStore.create().attach(InMemoryExtensions.dimensionCodes()).codeRequests();
    private final Map<CodeRequestId, CodeRequest> overwritten = new HashMap<>();

    @Override
    public void add(CodeRequest request) {
      delegate.add(request);
    }

    @Override
    public Optional<CodeRequest> findById(CodeRequestId id) {
      return Optional.ofNullable(overwritten.get(id)).or(() -> delegate.findById(id));
    }

    @Override
    public Optional<CodeRequest> findPending(String schemeId, String code) {
      return delegate.findPending(schemeId, code);
    }

    @Override
    public CodeRequest decide(CodeRequestId id, CodeRequest.Decision decision) {
      CodeRequest current = findById(id).orElseThrow(() -> new CodeRequests.CodeRequestNotFoundException(id));
      if (current.decision().isEmpty()) {
        return delegate.decide(id, decision);
      }
      CodeRequest again = current.withDecision(decision);
      overwritten.put(id, again);
      return again;
    }

    @Override
    public List<CodeRequest> find(String schemeId, Set<CodeRequest.Status> statuses) {
      return delegate.find(schemeId, statuses);
    }
  }
}
