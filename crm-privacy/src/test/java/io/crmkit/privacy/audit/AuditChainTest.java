package io.crmkit.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final CustomerId CUSTOMER = CustomerId.of(UUID.fromString("00000000-0000-0000-0000-000000000001"));
  private static final AuditEntry ENTRY = AuditEntry.about(CUSTOMER, "dpo", AuditAction.ERASURE, "customer",
      Instant.parse("2026-01-02T03:04:05.123456789Z"), "erasure request #42");

  @Test
  void theFirstRecordStartsFromGenesisAndTheNextLinksToIt() {
    AuditRecord first = AuditChain.next(ENTRY, Optional.empty());
    AuditRecord second = AuditChain.next(ENTRY, Optional.of(first));

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).isNotEqualTo(first.hash());
  }

  @Test
  void theHashIsSha256OfTheDocumentedEncoding() throws Exception {
    ByteBuffer expected = ByteBuffer.allocate(200);
    expected.put("crmkit-audit-v1".getBytes(StandardCharsets.UTF_8)).putLong(1);
    text(expected, AuditChain.GENESIS);
    text(expected, "dpo");
    text(expected, "ERASURE");
    expected.put((byte) 1).putLong(0).putLong(1);
    text(expected, "customer");
    expected.putLong(ENTRY.occurredAt().getEpochSecond()).putInt(123_456_789);
    text(expected, "erasure request #42");
    byte[] bytes = Arrays.copyOf(expected.array(), expected.position());

    assertThat(AuditChain.canonicalBytes(1, ENTRY, AuditChain.GENESIS)).isEqualTo(bytes);
    assertThat(AuditChain.hash(1, ENTRY, AuditChain.GENESIS))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  private static void text(ByteBuffer buffer, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    buffer.putInt(utf8.length).put(utf8);
  }

  @Test
  void movingTextBetweenFieldsChangesTheEncoding() {
    AuditEntry a = AuditEntry.general("ab", AuditAction.EXPORT, "c", ENTRY.occurredAt(), "r");
    AuditEntry b = AuditEntry.general("a", AuditAction.EXPORT, "bc", ENTRY.occurredAt(), "r");

    assertThat(AuditChain.hash(1, a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, b, AuditChain.GENESIS));
  }

  @Test
  void aRecordWhosePreviousHashWasReplacedIsModified() {
    AuditRecord first = AuditChain.next(ENTRY, Optional.empty());
    String other = "f".repeat(64);
    AuditRecord forged = new AuditRecord(1, ENTRY, other, AuditChain.hash(1, ENTRY, other));

    AuditVerification verification = AuditChain.verify(List.of(forged, AuditChain.next(ENTRY, Optional.of(first))));

    assertThat(verification.firstBreak()).get().extracting(AuditVerification.Break::sequence,
        AuditVerification.Break::kind).containsExactly(1L, AuditVerification.Kind.MODIFIED);
  }

  @Test
  void anEmptyChainIsIntact() {
    assertThat(AuditChain.verify(List.of())).isEqualTo(new AuditVerification(0, Optional.empty()));
  }

  @Test
  void anEntryRefusesBlankOrOverlongTextAndInstantsDatabasesCannotStore() {
    Instant at = ENTRY.occurredAt();
    assertThatThrownBy(() -> AuditEntry.general(" ", AuditAction.EXPORT, "t", at, "r"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("actor must not be blank");
    assertThatThrownBy(() -> AuditEntry.general("a", AuditAction.EXPORT, "t".repeat(201), at, "r"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("target must have at most 200 characters, got 201");
    assertThatThrownBy(() -> AuditEntry.general("a", AuditAction.EXPORT, "t", Instant.MAX, "r"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("occurredAt must be within years 1..9999");
    assertThatThrownBy(() -> new AuditRecord(1, ENTRY, "XYZ", AuditChain.GENESIS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("previousHash must be 64 lower-case hex");
  }
}
