package io.crmkit.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.protection.ProtectedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReencryptionTest {
  private final InMemoryKeyProvider keys = InMemoryKeyProvider.generate();
  private final TinkFieldProtection protection = TinkFieldProtection.of(keys);
  /** A store of ciphertexts by key, paged in key order. */
  private final TreeMap<String, Reencryption.Stored> store = new TreeMap<>();
  private final List<Integer> batchSizes = new ArrayList<>();

  private final Reencryption.Source source = (after, limit) -> (after.isEmpty() ? store : store.tailMap(after.get(),
      false)).values().stream().limit(limit).toList();
  private final Reencryption.Sink sink = batch -> {
    batchSizes.add(batch.size());
    batch.forEach(r -> store.compute(r.key(), (k, s) -> new Reencryption.Stored(k, r.field(), r.cipherText(),
        s.context())));
  };

  @Test
  void afterARotationEveryStaleCipherTextIsRewrittenUnderTheNewKeyInPages() {
    for (int i = 0; i < 25; i++) {
      put("row" + (100 + i), ProtectedField.PHONE, "+86138000000" + (10 + i));
    }
    keys.rotate(ProtectedField.PHONE);
    put("row200", ProtectedField.PHONE, "+8613900000000");

    Reencryption.Report report = Reencryption.of(protection, 10).run(source, sink);

    assertThat(report).isEqualTo(new Reencryption.Report(26, 25, List.of()));
    assertThat(batchSizes).containsExactly(10, 10, 5);
    assertThat(store.values()).allSatisfy(s -> assertThat(protection.isCurrent(s.field(), s.cipherText())).isTrue());
    assertThat(protection.decrypt(ProtectedField.PHONE, store.get("row105").cipherText(), "ctx-row105"))
        .isEqualTo("+8613800000015");
  }

  @Test
  void aSecondRunFindsNothingToDo() {
    put("a", ProtectedField.EMAIL, "a@example.com");
    keys.rotate(ProtectedField.EMAIL);
    Reencryption reencryption = Reencryption.of(protection, 2);
    reencryption.run(source, sink);
    batchSizes.clear();

    assertThat(reencryption.run(source, sink)).isEqualTo(new Reencryption.Report(1, 0, List.of()));
    assertThat(batchSizes).isEmpty();
  }

  @Test
  void aCipherTextThatDoesNotDecryptIsReportedByKeyAndLeftAsItWas() {
    put("a", ProtectedField.EMAIL, "a@example.com");
    String foreign = TinkFieldProtection.of(InMemoryKeyProvider.generate())
        .encrypt(ProtectedField.EMAIL, "b@example.com", "ctx-b");
    store.put("b", new Reencryption.Stored("b", ProtectedField.EMAIL, foreign, "ctx-b"));
    keys.rotate(ProtectedField.EMAIL);

    Reencryption.Report report = Reencryption.of(protection, 10).run(source, sink);

    assertThat(report).isEqualTo(new Reencryption.Report(2, 1, List.of("b")));
    assertThat(store.get("b").cipherText()).isEqualTo(foreign);
  }

  @Test
  void aSourceThatDoesNotMoveOnIsStoppedRatherThanReadForever() {
    put("a", ProtectedField.EMAIL, "a@example.com");
    Reencryption.Source stuck = (after, limit) -> List.of(store.get("a"));

    assertThatThrownBy(() -> Reencryption.of(protection, 1).run(stuck, sink))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("must move on");
  }

  @Test
  void aSourceThatReturnsMoreThanThePageIsRejected() {
    put("a", ProtectedField.EMAIL, "a@example.com");
    put("b", ProtectedField.EMAIL, "b@example.com");

    assertThatThrownBy(() -> Reencryption.of(protection, 1).run((after, limit) -> List.copyOf(store.values()), sink))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("for a page of 1");
  }

  @Test
  void thePageSizeMustBePositive() {
    assertThatThrownBy(() -> Reencryption.of(protection, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
  }

  private void put(String key, ProtectedField field, String value) {
    String context = "ctx-" + key;
    store.put(key, new Reencryption.Stored(key, field, protection.encrypt(field, value, context), context));
  }
}
