package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.crmkit.core.dimension.code.CodeSequences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of the {@link CodeSequences} port: numbers per key start at 1, every allocation
 * gets the next ones, and no number is handed out twice or skipped, even when many threads
 * allocate at once. Extend it and return a fresh, empty store from {@link #newSequences()}.
 *
 * <pre>{@code
 * class JdbcCodeSequencesTest extends CodeSequencesContract {
 *   @Override
 *   protected CodeSequences newSequences() {
 *     truncate("code_sequence");
 *     return new JdbcCodeSequences(dataSource);
 *   }
 * }
 * }</pre>
 *
 * <p>Properties set their own number of tries; the concurrency property races {@value #THREADS}
 * threads a few times.
 */
public abstract class CodeSequencesContract {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 150;

  /**
   * A new, empty store. Called at the start of every example and every try, so make it cheap:
   * for a database, empty the table and return an adapter over it.
   */
  protected abstract CodeSequences newSequences();

  @Example
  public void theFirstNumberIsOneAndEachNextIsOneMore() {
    CodeSequences sequences = newSequences();

    assertThat(sequences.current("customer:B2B11")).isZero();
    assertThat(sequences.next("customer:B2B11")).isEqualTo(1);
    assertThat(sequences.next("customer:B2B11")).isEqualTo(2);
    assertThat(sequences.next("customer:B2B11")).isEqualTo(3);
    assertThat(sequences.current("customer:B2B11")).isEqualTo(3);
  }

  @Property(tries = 50)
  public void eachKeyCountsOnItsOwn(@ForAll("keys") List<String> keys) {
    CodeSequences sequences = newSequences();
    Map<String, Long> expected = new HashMap<>();

    for (String key : keys) {
      long number = sequences.next(key);
      assertThat(number).as("next(%s)", key).isEqualTo(expected.merge(key, 1L, Long::sum));
    }
    expected.forEach((key, last) -> assertThat(sequences.current(key)).as("current(%s)", key).isEqualTo(last));
  }

  @Example
  public void keysAreExactTextCaseAndSpacesIncluded() {
    CodeSequences sequences = newSequences();
    String longest = "k".repeat(CodeSequences.MAX_KEY_LENGTH - 1) + "客";

    sequences.next("ab");
    sequences.next("ab");
    assertThat(sequences.next("AB")).isEqualTo(1);
    assertThat(sequences.next("ab ")).isEqualTo(1);
    assertThat(sequences.next("区域:北京")).isEqualTo(1);
    assertThat(sequences.next(longest)).isEqualTo(1);
    assertThat(sequences.current("ab")).isEqualTo(2);
    assertThat(sequences.current(longest)).isEqualTo(1);
  }

  @Example
  public void blocksAreConsecutiveAndNeverShareANumber() {
    CodeSequences sequences = newSequences();

    assertThat(sequences.next("k")).isEqualTo(1);
    assertThat(sequences.nextBlock("k", 10)).isEqualTo(2);
    assertThat(sequences.next("k")).isEqualTo(12);
    assertThat(sequences.nextBlock("k", 1)).isEqualTo(13);
    assertThat(sequences.nextBlock("other", 5)).isEqualTo(1);
    assertThat(sequences.current("k")).isEqualTo(13);
    assertThat(sequences.current("other")).isEqualTo(5);
  }

  @Example
  public void invalidKeysAndBlockSizesAreRejectedAndChangeNothing() {
    CodeSequences sequences = newSequences();
    sequences.next("k");

    assertThatThrownBy(() -> sequences.next("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.next("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.next("k".repeat(CodeSequences.MAX_KEY_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.next("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.nextBlock("k", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.nextBlock("k", -3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.current("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequences.next(null)).isInstanceOf(NullPointerException.class);
    assertThat(sequences.next("k")).isEqualTo(2);
  }

  /**
   * Many threads allocating single numbers and blocks from the same two keys at once get every
   * number from 1 to the total exactly once per key: no duplicate, no gap.
   */
  @Property(tries = 3)
  public void manyThreadsAllocatingAtOnceGetEveryNumberExactlyOnce() {
    CodeSequences sequences = newSequences();
    List<String> keys = List.of("customer:B2B11", "customer:GOV44");

    List<Map<String, List<Long>>> perThread = Concurrently.run(THREADS, thread -> () -> {
      Map<String, List<Long>> mine = new HashMap<>();
      for (int i = 0; i < PER_THREAD; i++) {
        String key = keys.get((i + thread) % keys.size());
        if (i % 10 == 0) {
          long first = sequences.nextBlock(key, 3);
          LongStream.range(first, first + 3).forEach(n -> mine.computeIfAbsent(key, k -> new ArrayList<>()).add(n));
        } else {
          mine.computeIfAbsent(key, k -> new ArrayList<>()).add(sequences.next(key));
        }
      }
      return mine;
    });

    for (String key : keys) {
      List<Long> all = perThread.stream().flatMap(m -> m.getOrDefault(key, List.of()).stream()).toList();
      Set<Long> distinct = new TreeSet<>(all);
      assertThat(distinct).as("numbers of %s are unique", key).hasSameSizeAs(all);
      assertThat(distinct).as("numbers of %s have no gap", key)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().collect(Collectors.toList()));
      assertThat(sequences.current(key)).isEqualTo(all.size());
    }
  }

  @Provide
  Arbitrary<List<String>> keys() {
    Arbitrary<String> key = Arbitraries.oneOf(
        Arbitraries.of("customer:B2B11", "customer:B2C44", "客户:GOV", "x"),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40));
    return key.list().ofMinSize(1).ofMaxSize(30);
  }

  @Example
  public void allGivesTheLastNumberDrawnOfEveryKeyDrawnFrom() {
    CodeSequences sequences = newSequences();
    String one = "all-" + System.nanoTime() + "-a";
    String two = "all-" + System.nanoTime() + "-b";
    sequences.nextBlock(one, 5);
    sequences.next(two);
    sequences.next(one);

    assertThat(sequences.all()).containsEntry(one, 6L).containsEntry(two, 1L);
    assertThat(sequences.all()).doesNotContainKey("all-never-drawn");
  }
}
