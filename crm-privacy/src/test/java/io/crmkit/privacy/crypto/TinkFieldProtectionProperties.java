package io.crmkit.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.protection.FieldProtectionException;
import io.crmkit.core.protection.ProtectedField;
import java.util.Base64;
import java.util.EnumSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The guarantees of {@link TinkFieldProtection}: encryption round-trips any Unicode text, is
 * randomised while the blind index is deterministic and per field, and anything wrong (key, field,
 * context, one byte) fails with {@link FieldProtectionException}, never with a wrong value.
 */
class TinkFieldProtectionProperties {
  /** Keys are costly to generate: one provider for the properties that do not rotate. */
  private static final InMemoryKeyProvider KEYS = InMemoryKeyProvider.generate();
  private static final TinkFieldProtection PROTECTION = TinkFieldProtection.of(KEYS);

  @Property(tries = 300)
  void decryptingAnEncryptionGivesTheValueBack(@ForAll("encrypted") ProtectedField field,
      @ForAll("unicode") String value, @ForAll("contexts") String context) {
    String cipherText = PROTECTION.encrypt(field, value, context);

    assertThat(cipherText).matches("[A-Za-z0-9_-]+");
    assertThat(PROTECTION.decrypt(field, cipherText, context)).isEqualTo(value);
  }

  @Property(tries = 100)
  void theSameValueEncryptsDifferentlyEachTimeButHasOneBlindIndex(@ForAll("encrypted") ProtectedField field,
      @ForAll("unicode") String value) {
    assertThat(PROTECTION.encrypt(field, value, "c1")).isNotEqualTo(PROTECTION.encrypt(field, value, "c1"));
    assertThat(PROTECTION.blindIndex(field, value)).isEqualTo(PROTECTION.blindIndex(field, value))
        .hasSize(22).matches("[A-Za-z0-9_-]{22}");
  }

  @Property(tries = 100)
  void differentFieldsGiveDifferentBlindIndexesForTheSameValue(@ForAll ProtectedField one,
      @ForAll ProtectedField other, @ForAll("unicode") String value) {
    Assume.that(one != other);

    assertThat(PROTECTION.blindIndex(one, value)).isNotEqualTo(PROTECTION.blindIndex(other, value));
  }

  @Property(tries = 100)
  void differentValuesGiveDifferentBlindIndexes(@ForAll ProtectedField field, @ForAll("unicode") String one,
      @ForAll("unicode") String other) {
    Assume.that(!one.equals(other));

    assertThat(PROTECTION.blindIndex(field, one)).isNotEqualTo(PROTECTION.blindIndex(field, other));
  }

  @Property(tries = 30)
  void anotherKeyProvidersKeysNeitherDecryptNorMatchBlindIndexes(@ForAll("encrypted") ProtectedField field,
      @ForAll("unicode") String value) {
    TinkFieldProtection other = TinkFieldProtection.of(InMemoryKeyProvider.generate());
    String cipherText = PROTECTION.encrypt(field, value, "c1");

    assertThatThrownBy(() -> other.decrypt(field, cipherText, "c1")).isInstanceOf(FieldProtectionException.class);
    assertThatThrownBy(() -> other.isCurrent(field, cipherText)).isInstanceOf(FieldProtectionException.class);
    assertThat(other.blindIndex(field, value)).isNotEqualTo(PROTECTION.blindIndex(field, value));
  }

  @Property(tries = 100)
  void aCipherTextDoesNotDecryptAsAnotherField(@ForAll("encrypted") ProtectedField field,
      @ForAll("encrypted") ProtectedField other, @ForAll("unicode") String value) {
    Assume.that(field != other);
    String cipherText = PROTECTION.encrypt(field, value, "c1");

    assertThatThrownBy(() -> PROTECTION.decrypt(other, cipherText, "c1"))
        .isInstanceOf(FieldProtectionException.class);
  }

  @Property(tries = 100)
  void aCipherTextDoesNotDecryptUnderAnotherContext(@ForAll("encrypted") ProtectedField field,
      @ForAll("unicode") String value, @ForAll("contexts") String context, @ForAll("contexts") String other) {
    Assume.that(!context.equals(other));
    String cipherText = PROTECTION.encrypt(field, value, context);

    assertThatThrownBy(() -> PROTECTION.decrypt(field, cipherText, other))
        .isInstanceOf(FieldProtectionException.class);
  }

  @Property(tries = 200)
  void anyTamperedByteFailsLoudly(@ForAll("encrypted") ProtectedField field, @ForAll("unicode") String value,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 1, max = 255) int flip) {
    byte[] bytes = Base64.getUrlDecoder().decode(PROTECTION.encrypt(field, value, "c1"));
    bytes[position % bytes.length] ^= (byte) flip;
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThatThrownBy(() -> PROTECTION.decrypt(field, tampered, "c1")).isInstanceOf(FieldProtectionException.class);
  }

  @Property(tries = 100)
  void aTruncatedOrExtendedCipherTextFailsLoudly(@ForAll("encrypted") ProtectedField field,
      @ForAll("unicode") String value, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    String cipherText = PROTECTION.encrypt(field, value, "c1");
    String truncated = cipherText.substring(0, cut % cipherText.length());

    assertThatThrownBy(() -> PROTECTION.decrypt(field, truncated, "c1")).isInstanceOf(FieldProtectionException.class);
    assertThatThrownBy(() -> PROTECTION.decrypt(field, cipherText + "AAAA", "c1"))
        .isInstanceOf(FieldProtectionException.class);
  }

  @Property(tries = 20)
  void afterRotationOldCipherTextsStillDecryptAndOnlyNewOnesAreCurrent(@ForAll("encrypted") ProtectedField field,
      @ForAll("unicode") String value, @ForAll @IntRange(min = 1, max = 3) int rotations) {
    InMemoryKeyProvider keys = InMemoryKeyProvider.generate();
    TinkFieldProtection protection = TinkFieldProtection.of(keys);
    String blindIndex = protection.blindIndex(field, value);
    String old = protection.encrypt(field, value, "c1");
    assertThat(protection.isCurrent(field, old)).isTrue();

    for (int i = 0; i < rotations; i++) {
      keys.rotate(field);
    }
    String fresh = protection.encrypt(field, value, "c1");

    assertThat(protection.decrypt(field, old, "c1")).isEqualTo(value);
    assertThat(protection.decrypt(field, fresh, "c1")).isEqualTo(value);
    assertThat(protection.isCurrent(field, old)).isFalse();
    assertThat(protection.isCurrent(field, fresh)).isTrue();
    assertThat(protection.blindIndex(field, value)).as("blind indexes survive a rotation").isEqualTo(blindIndex);
  }

  @Provide
  Arbitrary<ProtectedField> encrypted() {
    return Arbitraries.of(EnumSet.complementOf(EnumSet.of(ProtectedField.BLOCKING_KEY)));
  }

  /** Well-formed Unicode text: any code point but unpaired surrogates, empty and long included. */
  @Provide
  Arbitrary<String> unicode() {
    Arbitrary<String> anyCodePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list().ofMaxSize(40).map(cps -> cps.stream()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    return Arbitraries.oneOf(anyCodePoints, Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of("", "+8613812345678", "j.smith@example.com", "张三", "110105199001011234", "😀\u0000x"));
  }

  @Provide
  Arbitrary<String> contexts() {
    return Arbitraries.oneOf(Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12));
  }
}
