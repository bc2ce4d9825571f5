package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.privacy.audit.AuditVerification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivacyQuickStartTest {

  @Test
  void privacyQuickStartMasksForTheAnalystKeepsOnlyCiphertextAndErasesWithAnIntactAuditChain() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    AuditVerification audit = PrivacyQuickStart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8),
        "jdbc:h2:mem:privacy-quickstart-test;DB_CLOSE_DELAY=-1");
    String output = buffer.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("Sales rep (owner) sees: 李娜, [+8613812345678, li.na@example.cn], [11010519491231002X]")
        .contains("Analyst sees:           李*, [+86138****5678, l***@example.cn], [110105********002X]")
        .contains("Customers with phone +8613812345678: 1 (by blind index)")
        .contains("Phone in the table: false, stored as: ")
        .contains("May send SMS offers: GRANTED; may call: NO_CONSENT")
        .contains("holds the phone: true")
        .contains("Erased 1 customer; found by phone now: 0")
        .doesNotContain("name now: 李娜");
    assertThat(audit.intact()).isTrue();
    assertThat(audit.checked()).isGreaterThanOrEqualTo(5);
  }
}
