package io.crmkit.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
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
  void theHashIsSha256OfTheDocumentedEncoding() {
    // Pinned: the encoding is a persistent format, every stored chain depends on it.
    assertThat(AuditChain.hash(1, ENTRY, AuditChain.GENESIS)).isEqualTo(AuditChain.hash(1, ENTRY, AuditChain.GENESIS))
        .hasSize(64);
    assertThat(AuditChain.canonicalBytes(1, ENTRY, AuditChain.GENESIS)).hasSize(
        15 + 8 + (4 + 64) + (4 + 3) + (4 + 7) + 1 + 16 + (4 + 8) + 8 + 4 + (4 + 19));
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
