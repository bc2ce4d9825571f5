package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.BlockingKeyIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of the {@link BlockingKeyIndex} port. Extend it with a factory for your adapter:
 *
 * <pre>{@code
 * class InMemoryBlockingKeyIndexTest extends BlockingKeyIndexContract {
 *   protected BlockingKeyIndex newIndex() { return InMemoryCrmStore.create().attach(InMemoryExtensions.dedup()).blockingKeys(); }
 * }
 * }</pre>
 *
 * <p>The tests do not assume an empty index: each uses customers and keys of its own.
 */
public abstract class BlockingKeyIndexContract {
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

  /** The adapter under test; called once per example or property try. */
  protected abstract BlockingKeyIndex newIndex();

  @Property(tries = 30)
  void findGivesEveryCustomerWithOneOfTheKeysAsAModelOfTheReplacementsWould(@ForAll("replacements") List<Replacement> steps) {
    BlockingKeyIndex index = newIndex();
    String run = "run" + IDS.incrementAndGet() + ":";
    Map<CustomerId, Set<String>> model = new HashMap<>();
    Set<String> allKeys = new HashSet<>();
    for (Replacement step : steps) {
      Set<String> keys = new HashSet<>();
      step.keys().forEach(k -> keys.add(run + k));
      index.replace(step.customer(), keys);
      model.put(step.customer(), keys);
      allKeys.addAll(keys);
    }

    for (Map.Entry<CustomerId, Set<String>> entry : model.entrySet()) {
      assertThat(index.keysOf(entry.getKey())).isEqualTo(entry.getValue());
    }
    for (String key : allKeys) {
      Map<CustomerId, Set<String>> expected = new HashMap<>();
      model.forEach((id, keys) -> {
        if (keys.contains(key)) {
          expected.put(id, Set.of(key));
        }
      });
      assertThat(index.find(List.of(key))).isEqualTo(expected);
    }
    Map<CustomerId, Set<String>> everything = new HashMap<>();
    model.forEach((id, keys) -> {
      if (!keys.isEmpty()) {
        everything.put(id, keys);
      }
    });
    assertThat(index.find(allKeys)).isEqualTo(everything);
  }

  @Example
  void replacingDropsTheOldKeysAndAnEmptySetRemovesTheCustomer() {
    BlockingKeyIndex index = newIndex();
    CustomerId customer = customer();
    String old = "phone:+86138" + IDS.incrementAndGet();
    String kept = "name:wang wei/" + IDS.incrementAndGet();
    String added = "email:wang@example.com/" + IDS.incrementAndGet();
    index.replace(customer, Set.of(old, kept));

    index.replace(customer, Set.of(kept, added));

    assertThat(index.keysOf(customer)).containsExactlyInAnyOrder(kept, added);
    assertThat(index.find(List.of(old))).isEmpty();
    assertThat(index.find(List.of(old, added))).containsExactlyEntriesOf(Map.of(customer, Set.of(added)));

    index.replace(customer, Set.of());

    assertThat(index.keysOf(customer)).isEmpty();
    assertThat(index.find(List.of(kept, added))).isEmpty();
  }

  @Example
  void manyCustomersKeysAreReadAndReplacedAsOneByOne() {
    BlockingKeyIndex index = newIndex();
    CustomerId keeps = customer();
    CustomerId changes = customer();
    CustomerId loses = customer();
    CustomerId none = customer();
    String kept = "phone:+86139" + IDS.incrementAndGet();
    String old = "name:li na/" + IDS.incrementAndGet();
    String added = "email:li@example.com/" + IDS.incrementAndGet();
    index.replace(keeps, Set.of(kept));
    index.replace(changes, Set.of(old));
    index.replace(loses, Set.of(old, kept));

    assertThat(index.keysOf(List.of(keeps, changes, loses, none))).isEqualTo(
        Map.of(keeps, Set.of(kept), changes, Set.of(old), loses, Set.of(old, kept), none, Set.of()));

    Map<CustomerId, Set<String>> replacements = new LinkedHashMap<>();
    replacements.put(changes, Set.of(added, kept));
    replacements.put(loses, Set.of());
    index.replaceAll(replacements);

    assertThat(index.keysOf(List.of(keeps, changes, loses))).isEqualTo(
        Map.of(keeps, Set.of(kept), changes, Set.of(added, kept), loses, Set.of()));
    assertThat(index.find(List.of(old))).isEmpty();
    assertThat(index.find(List.of(kept))).containsOnlyKeys(keeps, changes);
  }

  @Example
  void replacingManyWithOneBadKeyWritesNothing() {
    BlockingKeyIndex index = newIndex();
    CustomerId first = customer();
    CustomerId second = customer();
    String key = "phone:+86137" + IDS.incrementAndGet();
    index.replace(first, Set.of(key));
    Map<CustomerId, Set<String>> replacements = new LinkedHashMap<>();
    replacements.put(first, Set.of());
    replacements.put(second, Set.of(" "));

    assertThatThrownBy(() -> index.replaceAll(replacements)).isInstanceOf(IllegalArgumentException.class);

    assertThat(index.keysOf(first)).containsExactly(key);
    assertThat(index.keysOf(second)).isEmpty();
  }

  @Example
  void customersSharingAKeyAreAllFound() {
    BlockingKeyIndex index = newIndex();
    String shared = "phone:+861062751234/" + IDS.incrementAndGet();
    CustomerId one = customer();
    CustomerId other = customer();
    index.replace(one, Set.of(shared, "own:" + one));
    index.replace(other, Set.of(shared));

    assertThat(index.find(List.of(shared))).containsOnlyKeys(one, other);
    assertThat(index.find(List.of())).isEmpty();
  }

  @Example
  void aBlankOrTooLongKeyIsRefusedAndNothingIsWritten() {
    BlockingKeyIndex index = newIndex();
    CustomerId customer = customer();
    String good = "good:" + customer;
    index.replace(customer, Set.of(good));

    assertThatThrownBy(() -> index.replace(customer, Set.of("fine:" + customer, " ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.replace(customer, Set.of("x".repeat(BlockingKeyIndex.MAX_KEY_LENGTH + 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(index.keysOf(customer)).containsExactly(good);
  }

  @Example
  void theLongestKeyAndUnicodeKeysRoundTrip() {
    BlockingKeyIndex index = newIndex();
    CustomerId customer = customer();
    String longest = ("k" + IDS.incrementAndGet() + "王").repeat(40).substring(0, BlockingKeyIndex.MAX_KEY_LENGTH);
    String chinese = "name:王伟|1980/" + IDS.incrementAndGet();

    index.replace(customer, Set.of(longest, chinese));

    assertThat(index.keysOf(customer)).containsExactlyInAnyOrder(longest, chinese);
    assertThat(index.find(List.of(chinese))).containsExactlyEntriesOf(Map.of(customer, Set.of(chinese)));
  }

  @Provide
  Arbitrary<List<Replacement>> replacements() {
    List<CustomerId> customers = List.of(customer(), customer(), customer(), customer());
    Arbitrary<Set<String>> keys = Arbitraries.of("a", "b", "c", "d", "e", "王", "phone:+8613800138000")
        .set().ofMaxSize(4);
    return Combinators.combine(Arbitraries.of(customers), keys).as(Replacement::new).list().ofMaxSize(12);
  }

  /** One replacement of a customer's keys. */
  record Replacement(CustomerId customer, Set<String> keys) {}

  private static CustomerId customer() {
    return CustomerId.of(new UUID(0xB10C, IDS.incrementAndGet()));
  }
}
