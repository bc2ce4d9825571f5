package io.crmkit.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The constraints fire through {@link CrmValidator} on record-style accessors, once each, and an
 * empty {@code Optional} passes.
 */
class IdentifierConstraintsTest {
  private static final CrmValidator VALIDATOR = CrmValidator.create();
  private static final String USCC = "91350100M000100Y43";
  private static final String ID = "11010519491231002X";

  /** An input type as a host application would write one. */
  record SupplierRegistration(
      @ValidUnifiedSocialCreditCode String creditCode,
      Optional<@ValidResidentIdentityNumber String> legalRepresentativeId,
      List<@ValidUnifiedSocialCreditCode String> branchCodes) {}

  record CustomMessage(@ValidUnifiedSocialCreditCode(message = "bitte prüfen") String creditCode) {}

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  private static List<Violation> violations(Object value) {
    return VALIDATOR.violations(value);
  }

  @Test
  void validIdentifiersPass() {
    assertThat(violations(new SupplierRegistration(USCC, Optional.of(ID), List.of("91110000600037341L")))).isEmpty();
  }

  @Test
  void absentValuesPass() {
    assertThat(violations(new SupplierRegistration(null, Optional.empty(), List.of()))).isEmpty();
  }

  @Test
  void aMistypedCreditCodeIsReportedOnceWithWhatIsWrong() {
    assertThat(violations(new SupplierRegistration("91350100M000100Y44", Optional.empty(), List.of())))
        .containsExactly(new Violation("creditCode", "ValidUnifiedSocialCreditCode",
            "must be a valid Unified Social Credit Code (GB 32100-2015): the check character (position 18) "
                + "does not match positions 1-17; a character is mistyped or two are swapped"));
  }

  @Test
  void aMistypedIdentityNumberInsideAnOptionalIsReportedWithoutTheNumber() {
    List<Violation> found = violations(new SupplierRegistration(USCC, Optional.of("110105194912310021"), List.of()));

    assertThat(found).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("legalRepresentativeId");
      assertThat(v.rule()).isEqualTo("ValidResidentIdentityNumber");
      assertThat(v.message()).startsWith("must be a valid resident identity number (GB 11643-1999): the check character")
          .doesNotContain("110105");
    });
  }

  @Test
  void aBadCodeInAListIsReportedAtItsIndex() {
    assertThat(violations(new SupplierRegistration(USCC, Optional.empty(), List.of(USCC, "9135"))))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("branchCodes[1]", "ValidUnifiedSocialCreditCode"));
  }

  @Test
  void aMessageSetOnTheAnnotationIsKept() {
    assertThat(violations(new CustomMessage("91350100M000100Y44"))).extracting(Violation::message)
        .containsExactly("bitte prüfen");
  }

  @Test
  void identityNumbersBornAfterTheValidatorsClockAreRejected() {
    String bornNextYear = "110105" + (LocalDate.now().getYear() + 1) + "0101123";
    bornNextYear += ResidentIdentityNumber.computeCheckCharacter(bornNextYear);

    assertThat(violations(new SupplierRegistration(USCC, Optional.of(bornNextYear), List.of())))
        .extracting(Violation::message).singleElement().asString().endsWith("is in the future");
  }
}
