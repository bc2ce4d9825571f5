package io.crmkit.core.checkdigit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Published reference values, error handling and the documented blind spots. Each reference value
 * was checked against two independent implementations (python-stdnum's {@code stdnum.iso7064},
 * {@code stdnum.damm}; jacoelho/go-iso7064's tests) or a published worked example, and recomputed
 * by hand where the comment shows the arithmetic.
 */
class CheckCharactersTest {

  @ParameterizedTest(name = "{0} of {1} is {2}")
  @CsvSource({
      // MOD 11-2, ISO 7064's own example: 0·2³+7·2²+9·2 = 46; 46 mod 11 = 2; (1 - 2) mod 11 = 10 -> X
      "ISO 7064 MOD 11-2, 079, X",
      "ISO 7064 MOD 11-2, 0794, 0",
      // GB 11643-1999's example resident identity number 11010519491231002X
      "ISO 7064 MOD 11-2, 11010519491231002, X",
      "ISO 7064 MOD 11-2, 000000021825009, 7",
      // MOD 37-2 (python-stdnum and go-iso7064 agree), and the supplementary check character *
      "ISO 7064 MOD 37-2, G123489654321, Y",
      "ISO 7064 MOD 37-2, A999915000001, M",
      "ISO 7064 MOD 37-2, LMOSBYFCTRSSJCB3X6U9DUBLKNIH03FO6X963TGXYAHG, *",
      // MOD 97-10: 79400 mod 97 = 54; (97 + 1 - 54) mod 97 = 44
      "ISO 7064 MOD 97-10, 794, 44",
      "ISO 7064 MOD 97-10, 99991234567890121414, 90",
      "ISO 7064 MOD 97-10, 22181321400515123456741100, 07",
      // MOD 11,10
      "'ISO 7064 MOD 11,10', 0794, 5",
      "'ISO 7064 MOD 11,10', 79462, 3",
      "'ISO 7064 MOD 11,10', 00200667308, 5",
      // MOD 37,36
      "'ISO 7064 MOD 37,36', A12425GABC1234002, M",
      "'ISO 7064 MOD 37,36', RABD, A",
      "'ISO 7064 MOD 37,36', 9, J",
      // Luhn, the worked example of ISO/IEC 7812-1 and Wikipedia
      "Luhn, 7992739871, 3",
      // Damm, the worked example of Wikipedia and python-stdnum: 0->5->9->7->4
      "Damm, 572, 4",
      "Damm, 43881234567, 9",
  })
  void computesThePublishedCheckCharacters(String system, String payload, String check) {
    CheckCharacterSystem checks = CheckCharacters.byName(system).orElseThrow();

    assertThat(checks.compute(payload)).isEqualTo(check);
    assertThat(checks.append(payload)).isEqualTo(payload + check);
    assertThat(checks.isValid(payload + check)).isTrue();
  }

  @Test
  void mod97_10AcceptsBothTheIsoAndTheIbanFormOfTheLowestChecks() {
    // 9700 mod 97 = 0: ISO's (1 - 0) mod 97 gives 01, IBAN's 98 - 0 gives 98; both make the code ≡ 1 (mod 97).
    assertThat(CheckCharacters.MOD_97_10.compute("97")).isEqualTo("01");
    assertThat(CheckCharacters.MOD_97_10.isValid("9701")).isTrue();
    assertThat(CheckCharacters.MOD_97_10.isValid("9798")).isTrue();
    assertThat(CheckCharacters.MOD_97_10.isValid("9799")).isFalse();
  }

  @Test
  void luhnMissesTheTranspositionOf09And90() {
    // Doubling 9 gives 18 -> 1 + 8 = 9 and doubling 0 gives 0, so "09" and "90" add 9 to the sum
    // whichever digit is doubled: both payloads get check digit 1 and the swap goes unnoticed.
    assertThat(CheckCharacters.LUHN.compute("09")).isEqualTo("1");
    assertThat(CheckCharacters.LUHN.compute("90")).isEqualTo("1");
    assertThat(CheckCharacters.LUHN.isValid("091")).isTrue();
    assertThat(CheckCharacters.LUHN.isValid("901")).isTrue();
    assertThat(CheckCharacters.LUHN.isValid("79927398713")).isTrue();
    assertThat(CheckCharacters.LUHN.isValid("79927398731")).as("a transposition Luhn does catch").isFalse();
  }

  @Test
  void dammCatchesTheTranspositionLuhnMisses() {
    String code = CheckCharacters.DAMM.append("09");

    assertThat(CheckCharacters.DAMM.isValid(code)).isTrue();
    assertThat(CheckCharacters.DAMM.isValid("90" + code.substring(2))).isFalse();
  }

  @Test
  void hybridMod11_10MissesATranspositionOfConsecutiveDigitsAtTheMidpoint() {
    // Start P = 10. "56": S = (10+5) mod 10 = 5, P = 2·5 mod 11 = 10; S = (10+6) mod 10 = 6, P = 12 mod 11 = 1.
    //            "65": S = 6, P = 12 mod 11 = 1;  S = (1+5) mod 10 = 6, P = 1.
    // Same state, same check digit (11 - 1) mod 10 = 0, so 560 and 650 are both valid.
    assertThat(CheckCharacters.MOD_11_10.compute("56")).isEqualTo("0");
    assertThat(CheckCharacters.MOD_11_10.compute("65")).isEqualTo("0");
    assertThat(CheckCharacters.MOD_11_10.isValid("560")).isTrue();
    assertThat(CheckCharacters.MOD_11_10.isValid("650")).isTrue();
  }

  @Test
  void hybridMod37_36MissesATranspositionOfConsecutiveCharactersAtTheMidpoint() {
    // I = 18, J = 19: the running sums meet 18 and 19, the midpoint of 36, in either order.
    assertThat(CheckCharacters.MOD_37_36.isValid("IJ0")).isTrue();
    assertThat(CheckCharacters.MOD_37_36.isValid("JI0")).isTrue();
  }

  @ParameterizedTest(name = "{0} misses {1}")
  @CsvSource({
      "ISO 7064 MOD 11-2, 0",
      "ISO 7064 MOD 37-2, 0",
      "ISO 7064 MOD 97-10, 0",
      "Damm, 0",
      // 20 of 10·10·9 = 900 swaps (2.2%): in each of the 10 states, the pair meeting sums 5 and 6, both ways round
      "'ISO 7064 MOD 11,10', 20",
      // 72 of 36·36·35 = 45,360 swaps (0.16%): the pair meeting sums 18 and 19 in each of the 36 states
      "'ISO 7064 MOD 37,36', 72",
      // 09 <-> 90 after each of the 10 prefix digits
      "Luhn, 20",
  })
  void exhaustiveCountOfUndetectedAdjacentTranspositions(String system, int expected) {
    assertThat(undetectedTranspositions(CheckCharacters.byName(system).orElseThrow())).isEqualTo(expected);
  }

  /**
   * Over every payload {@code xab} with {@code a != b} and every prefix character {@code x} (which
   * puts a hybrid system into each of its states in turn), how many codes stay valid when
   * {@code ab} is swapped to {@code ba}.
   */
  private static int undetectedTranspositions(CheckCharacterSystem system) {
    String alphabet = system.alphabet();
    int undetected = 0;
    for (char prefix : alphabet.toCharArray()) {
      for (char a : alphabet.toCharArray()) {
        for (char b : alphabet.toCharArray()) {
          if (a != b) {
            String code = system.append("" + prefix + a + b);
            if (system.isValid("" + prefix + b + a + code.substring(3))) {
              undetected++;
            }
          }
        }
      }
    }
    return undetected;
  }

  static Stream<Arguments> systems() {
    return CheckCharacters.all().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void computeNamesTheIllegalCharacterAndItsPosition(CheckCharacterSystem system) {
    assertThatThrownBy(() -> system.compute("12a4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(system.name())
        .hasMessageContaining("'a'")
        .hasMessageContaining("position 3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void computeRejectsAnEmptyOrNullPayload(CheckCharacterSystem system) {
    assertThatThrownBy(() -> system.compute("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatNullPointerException().isThrownBy(() -> system.compute(null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void isValidNeverThrowsAndRejectsMalformedCodes(CheckCharacterSystem system) {
    String valid = system.append("12345");
    assertThat(system.isValid(valid)).isTrue();
    assertThat(system.isValid(null)).isFalse();
    assertThat(system.isValid("")).isFalse();
    assertThat(system.isValid(valid.substring(valid.length() - system.checkLength()))).as("check alone").isFalse();
    assertThat(system.isValid(valid.toLowerCase() + "\u0000")).isFalse();
    assertThat(system.isValid("12\u00e945" + valid.substring(5))).isFalse();
    assertThat(system.isValid("１２３４５" + valid.substring(5))).as("full-width digits").isFalse();
    assertThat(system.isValid(" " + valid)).isFalse();
  }

  @Test
  void lookupIgnoresCaseAndBlanksAndFindsEverySystemByItsOwnName() {
    assertThat(CheckCharacters.byName("  iso 7064 mod 97-10 ")).containsSame(CheckCharacters.MOD_97_10);
    assertThat(CheckCharacters.byName("DAMM")).containsSame(CheckCharacters.DAMM);
    assertThat(CheckCharacters.byName("Verhoeff")).isEmpty();
    for (CheckCharacterSystem system : CheckCharacters.all()) {
      assertThat(CheckCharacters.byName(system.name())).containsSame(system);
    }
    assertThat(CheckCharacters.all()).extracting(CheckCharacterSystem::name).doesNotHaveDuplicates().containsExactly(
        "ISO 7064 MOD 11-2", "ISO 7064 MOD 37-2", "ISO 7064 MOD 97-10", "ISO 7064 MOD 11,10",
        "ISO 7064 MOD 37,36", "Luhn", "Damm");
  }

  @Test
  void checkAlphabetsIncludeTheSupplementaryCharacters() {
    assertThat(CheckCharacters.MOD_11_2.checkAlphabet()).isEqualTo("0123456789X");
    assertThat(CheckCharacters.MOD_11_2.alphabet()).isEqualTo("0123456789");
    assertThat(CheckCharacters.MOD_37_2.checkAlphabet()).endsWith("Z*").hasSize(37);
    assertThat(CheckCharacters.MOD_97_10.checkLength()).isEqualTo(2);
    assertThat(CheckCharacters.MOD_37_36.checkAlphabet()).isEqualTo(CheckCharacters.MOD_37_36.alphabet()).hasSize(36);
  }

  @Test
  void aSupplementaryCheckCharacterIsNotAcceptedInThePayload() {
    assertThat(CheckCharacters.MOD_11_2.isValid("07X" + "0")).isFalse();
    assertThatThrownBy(() -> CheckCharacters.MOD_11_2.compute("07X")).hasMessageContaining("position 3");
    assertThatThrownBy(() -> CheckCharacters.MOD_37_2.compute("A*B")).hasMessageContaining("position 2");
  }
}
