package io.crmkit.core.checkdigit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The error-detection guarantees of each system, checked over random payloads of every system
 * with every possible single substitution and every adjacent transposition of each code.
 */
class CheckCharacterProperties {
  private static final List<CheckCharacterSystem> PURE_AND_DAMM = List.of(
      CheckCharacters.MOD_11_2, CheckCharacters.MOD_37_2, CheckCharacters.MOD_97_10, CheckCharacters.DAMM);
  private static final List<CheckCharacterSystem> HYBRID = List.of(CheckCharacters.MOD_11_10, CheckCharacters.MOD_37_36);

  /** A system and a valid code it produced. */
  record Coded(CheckCharacterSystem system, String code) {
    @Override
    public String toString() {
      return system.name() + ": " + code;
    }
  }

  @Provide
  Arbitrary<Coded> everySystem() {
    return coded(CheckCharacters.all());
  }

  @Provide
  Arbitrary<Coded> pureOrDamm() {
    return coded(PURE_AND_DAMM);
  }

  @Provide
  Arbitrary<Coded> hybrid() {
    return coded(HYBRID);
  }

  private static Arbitrary<Coded> coded(List<CheckCharacterSystem> systems) {
    return Arbitraries.of(systems).flatMap(system -> Arbitraries.strings()
        .withChars(system.alphabet().toCharArray())
        .ofMinLength(1).ofMaxLength(30)
        .map(payload -> new Coded(system, system.append(payload))));
  }

  @Property(tries = 600)
  void appendedCodesAreValid(@ForAll("everySystem") Coded coded) {
    CheckCharacterSystem system = coded.system();
    String payload = coded.code().substring(0, coded.code().length() - system.checkLength());

    assertThat(system.isValid(coded.code())).isTrue();
    assertThat(system.compute(payload)).hasSize(system.checkLength());
    assertThat(coded.code().substring(payload.length()).chars())
        .allMatch(c -> system.checkAlphabet().indexOf(c) >= 0);
  }

  /** Every system ships this guarantee, Luhn and the hybrids included. */
  @Property(tries = 600)
  void everySingleSubstitutionIsDetected(@ForAll("everySystem") Coded coded) {
    CheckCharacterSystem system = coded.system();
    String code = coded.code();
    int checkStart = code.length() - system.checkLength();
    for (int i = 0; i < code.length(); i++) {
      String allowed = i < checkStart ? system.alphabet() : system.checkAlphabet();
      for (char replacement : allowed.toCharArray()) {
        if (replacement != code.charAt(i)) {
          String changed = code.substring(0, i) + replacement + code.substring(i + 1);
          assertThat(system.isValid(changed)).as("%s with position %d changed: %s", coded, i + 1, changed).isFalse();
        }
      }
    }
  }

  @Property(tries = 600)
  void pureSystemsAndDammDetectEveryAdjacentTransposition(@ForAll("pureOrDamm") Coded coded) {
    for (String swapped : adjacentTranspositions(coded.code(), (a, b) -> true)) {
      assertThat(coded.system().isValid(swapped)).as("%s transposed to %s", coded, swapped).isFalse();
    }
  }

  /**
   * ISO 7064 promises hybrid systems detect "all or nearly all" transpositions: the misses need
   * two characters with consecutive values (see {@code CheckCharactersTest} for the exact count),
   * so every other transposition is detected.
   */
  @Property(tries = 400)
  void hybridSystemsDetectEveryTranspositionOfNonConsecutiveCharacters(@ForAll("hybrid") Coded coded) {
    String alphabet = coded.system().alphabet();
    int size = alphabet.length();
    for (String swapped : adjacentTranspositions(coded.code(), (a, b) -> {
      int distance = Math.floorMod(alphabet.indexOf(a) - alphabet.indexOf(b), size);
      return distance != 1 && distance != size - 1;
    })) {
      assertThat(coded.system().isValid(swapped)).as("%s transposed to %s", coded, swapped).isFalse();
    }
  }

  @Property(tries = 300)
  void luhnDetectsEverySingleDigitSubstitution(@ForAll("luhnPayloads") String payload) {
    String code = CheckCharacters.LUHN.append(payload);
    for (int i = 0; i < code.length(); i++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit != code.charAt(i)) {
          String changed = code.substring(0, i) + digit + code.substring(i + 1);
          assertThat(CheckCharacters.LUHN.isValid(changed)).as("%s changed to %s", code, changed).isFalse();
        }
      }
    }
  }

  @Provide
  Arbitrary<String> luhnPayloads() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
  }

  private interface PairFilter {
    boolean test(char a, char b);
  }

  /** Every code made by swapping two adjacent, different characters that {@code filter} accepts. */
  private static List<String> adjacentTranspositions(String code, PairFilter filter) {
    List<String> swapped = new ArrayList<>();
    for (int i = 0; i + 1 < code.length(); i++) {
      char a = code.charAt(i);
      char b = code.charAt(i + 1);
      if (a != b && filter.test(a, b)) {
        swapped.add(code.substring(0, i) + b + a + code.substring(i + 2));
      }
    }
    return swapped;
  }
}
