package io.crmkit.core.dedup.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.BlockingKeyIndex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StoredKeysProperties {

  /** Keys as the standardiser leaves them: well-formed text (it drops unpaired surrogates), often beyond 200 characters. */
  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(400),
        Arbitraries.of("王", "伟", "长", "😀", "𠀀", "a", " ", "|").list().ofMinSize(1).ofMaxSize(300)
            .map(parts -> String.join("", parts)),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(400).filter(StoredKeysProperties::wellFormed));
    return text.map(t -> "name+year:" + t);
  }

  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
          || Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 300)
  void aStoredKeyOfWellFormedTextFitsTheIndexAndStaysWellFormed(@ForAll("keys") String key) {
    String stored = StoredKeys.of(key);

    assertThat(BlockingKeyIndex.checkKey(stored)).isEqualTo(stored);
    assertThat(wellFormed(stored)).as("no half of a surrogate pair in %s", stored).isTrue();
    if (key.length() <= BlockingKeyIndex.MAX_KEY_LENGTH) {
      assertThat(stored).isEqualTo(key);
    }
  }

  @Property(tries = 200)
  void differentKeysStayDifferentAndEqualKeysEqual(@ForAll("keys") String one, @ForAll("keys") String other) {
    assertThat(StoredKeys.of(one)).isEqualTo(StoredKeys.of(new String(one.toCharArray())));
    if (!one.equals(other)) {
      assertThat(StoredKeys.of(one)).isNotEqualTo(StoredKeys.of(other));
    }
    String longer = one + "x".repeat(BlockingKeyIndex.MAX_KEY_LENGTH);
    assertThat(StoredKeys.of(longer)).isNotEqualTo(StoredKeys.of(longer + "y"));
  }
}
