package io.crmkit.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.audit.AuditVerification.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Any single tampering with a chain (a changed entry, re-hashed or not, a deleted entry, two
 * swapped entries, a run cut from the middle) is found, at the position where it happened.
 */
class AuditChainProperties {

  @Property(tries = 100)
  void anIntactChainVerifies(@ForAll("chains") List<AuditRecord> chain) {
    AuditVerification verification = AuditChain.verify(chain);

    assertThat(verification.intact()).isTrue();
    assertThat(verification.checked()).isEqualTo(chain.size());
  }

  @Property(tries = 100)
  void aChangedEntryIsFoundWhereItWasChanged(@ForAll("chains") List<AuditRecord> chain,
      @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll("entries") AuditEntry other) {
    int index = pick % chain.size();
    AuditRecord original = chain.get(index);
    List<AuditRecord> tampered = new ArrayList<>(chain);
    tampered.set(index, new AuditRecord(original.sequence(), otherThan(original.entry(), other),
        original.previousHash(), original.hash()));

    assertBreak(AuditChain.verify(tampered), index + 1, Kind.MODIFIED);
  }

  @Property(tries = 100)
  void aChangedAndReHashedEntryIsFoundByTheNextLink(@ForAll("chains") List<AuditRecord> chain,
      @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll("entries") AuditEntry other) {
    int index = pick % (chain.size() - 1);
    AuditRecord original = chain.get(index);
    AuditEntry changed = otherThan(original.entry(), other);
    List<AuditRecord> tampered = new ArrayList<>(chain);
    tampered.set(index, new AuditRecord(original.sequence(), changed, original.previousHash(),
        AuditChain.hash(original.sequence(), changed, original.previousHash())));

    assertBreak(AuditChain.verify(tampered), index + 1, Kind.MODIFIED);
  }

  @Property(tries = 100)
  void aDeletedEntryIsFoundWhereItWas(@ForAll("chains") List<AuditRecord> chain,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    int index = pick % (chain.size() - 1);
    List<AuditRecord> tampered = new ArrayList<>(chain);
    tampered.remove(index);

    assertBreak(AuditChain.verify(tampered), index + 1, Kind.DELETED);
  }

  @Property(tries = 100)
  void twoSwappedEntriesAreFoundAtTheFirst(@ForAll("chains") List<AuditRecord> chain,
      @ForAll @IntRange(min = 0, max = 1000) int first, @ForAll @IntRange(min = 1, max = 1000) int distance) {
    int i = first % (chain.size() - 1);
    int j = i + 1 + distance % (chain.size() - 1 - i);
    List<AuditRecord> tampered = new ArrayList<>(chain);
    Collections.swap(tampered, i, j);

    assertBreak(AuditChain.verify(tampered), i + 1, Kind.REORDERED);
  }

  @Property(tries = 100)
  void aRunCutFromTheMiddleIsFoundWhereItStarted(@ForAll("chains") List<AuditRecord> chain,
      @ForAll @IntRange(min = 0, max = 1000) int start, @ForAll @IntRange(min = 1, max = 1000) int length) {
    int from = start % (chain.size() - 1);
    int to = from + 1 + length % (chain.size() - 1 - from);
    List<AuditRecord> tampered = new ArrayList<>(chain.subList(0, from));
    tampered.addAll(chain.subList(to, chain.size()));

    assertBreak(AuditChain.verify(tampered), from + 1, Kind.DELETED);
  }

  @Provide
  Arbitrary<List<AuditRecord>> chains() {
    return entries().list().ofMinSize(2).ofMaxSize(30).map(AuditChainProperties::chainOf);
  }

  @Provide
  Arbitrary<AuditEntry> entries() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('张', '伟', ' ').ofMinLength(1)
        .ofMaxLength(20).filter(s -> !s.isBlank());
    Arbitrary<Optional<CustomerId>> customers = Arbitraries.longs().map(n -> CustomerId.of(new UUID(n, ~n)))
        .optional(0.8);
    Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_000_000_000L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    return Combinators.combine(names, Arbitraries.of(AuditAction.class), customers, names, instants, names)
        .as(AuditEntry::new);
  }

  static List<AuditRecord> chainOf(List<AuditEntry> entries) {
    List<AuditRecord> chain = new ArrayList<>();
    for (AuditEntry entry : entries) {
      chain.add(AuditChain.next(entry, chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1))));
    }
    return chain;
  }

  /** {@code other}, or if it happens to equal {@code entry}, the entry with another reason. */
  private static AuditEntry otherThan(AuditEntry entry, AuditEntry other) {
    return other.equals(entry) ? new AuditEntry(entry.actor(), entry.action(), entry.customer(), entry.target(),
        entry.occurredAt(), entry.reason() + "!") : other;
  }

  private static void assertBreak(AuditVerification verification, long sequence, Kind kind) {
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBreak()).get().satisfies(found -> {
      assertThat(found.sequence()).as(found.explanation()).isEqualTo(sequence);
      assertThat(found.kind()).as(found.explanation()).isEqualTo(kind);
    });
    assertThat(verification.checked()).isEqualTo(sequence - 1);
  }
}
