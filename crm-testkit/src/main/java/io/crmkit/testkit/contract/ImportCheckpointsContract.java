package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.io.imports.ImportCheckpoint;
import io.crmkit.io.imports.ImportCheckpoints;
import io.crmkit.io.imports.ImportStore;
import io.crmkit.io.imports.ImportTotals;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of crm-io's {@link ImportCheckpoints}: a checkpoint reads back equal (long ids and
 * sources in any script, counts up to {@code Long.MAX_VALUE}, instants to the nanosecond), a save
 * replaces the import's earlier one, a remove forgets it, and a save rolled back with its
 * transaction leaves the earlier checkpoint, which is what makes an import resumable. Extend it
 * with a factory of a fresh, empty store with the import capability attached:
 *
 * <pre>{@code
 * class JdbcImportCheckpointsTest extends ImportCheckpointsContract {
 *   protected ImportStore newStore() {
 *     return emptyStore().attach(JdbcImports.extension());
 *   }
 * }
 * }</pre>
 */
public abstract class ImportCheckpointsContract {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");

  /** Called once per example or property try. */
  protected abstract ImportStore newStore();

  private static ImportCheckpoint checkpoint(String id, long lastRow, boolean finished) {
    return new ImportCheckpoint(id, "customers.csv (120 bytes, head sha256 ab12)", lastRow, finished,
        new ImportTotals(lastRow, lastRow, 0, 0, 0, 0, 0), T0);
  }

  @Example
  void anImportWithoutCheckpointHasNone() {
    assertThat(newStore().checkpoints().find("never-run")).isEmpty();
  }

  @Property(tries = 30)
  void aSavedCheckpointReadsBackEqual(@ForAll("checkpoints") ImportCheckpoint checkpoint) {
    ImportCheckpoints checkpoints = newStore().checkpoints();

    checkpoints.save(checkpoint);

    assertThat(checkpoints.find(checkpoint.importId())).contains(checkpoint);
  }

  @Example
  void aSaveReplacesTheImportsEarlierCheckpointAndLeavesOtherImportsAlone() {
    ImportCheckpoints checkpoints = newStore().checkpoints();
    checkpoints.save(checkpoint("a", 1_000, false));
    checkpoints.save(checkpoint("b", 7, false));

    checkpoints.save(checkpoint("a", 2_000, true));

    assertThat(checkpoints.find("a")).contains(checkpoint("a", 2_000, true));
    assertThat(checkpoints.find("b")).contains(checkpoint("b", 7, false));
  }

  @Example
  void removeForgetsTheCheckpointAndSaysWhetherThereWasOne() {
    ImportCheckpoints checkpoints = newStore().checkpoints();
    checkpoints.save(checkpoint("a", 5, false));

    assertThat(checkpoints.remove("a")).isTrue();
    assertThat(checkpoints.remove("a")).isFalse();
    assertThat(checkpoints.find("a")).isEmpty();
  }

  @Example
  void aSaveRolledBackWithItsTransactionLeavesTheEarlierCheckpoint() {
    ImportStore store = newStore();
    store.checkpoints().save(checkpoint("a", 1_000, false));
    RuntimeException failure = new IllegalStateException("the batch failed");

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      store.checkpoints().save(checkpoint("a", 2_000, false));
      throw failure;
    })).isSameAs(failure);

    assertThat(store.checkpoints().find("a")).contains(checkpoint("a", 1_000, false));
  }

  @Example
  void aRemoveRolledBackWithItsTransactionKeepsTheCheckpoint() {
    ImportStore store = newStore();
    store.checkpoints().save(checkpoint("a", 3, false));
    RuntimeException failure = new IllegalStateException("restart failed");

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      store.checkpoints().remove("a");
      throw failure;
    })).isSameAs(failure);

    assertThat(store.checkpoints().find("a")).contains(checkpoint("a", 3, false));
  }

  @Provide
  Arbitrary<ImportCheckpoint> checkpoints() {
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').withChars("客户导入-_.@ 0123456789")
        .ofMinLength(1).ofMaxLength(ImportCheckpoint.MAX_ID_LENGTH).filter(s -> !s.isBlank());
    Arbitrary<String> sources = Arbitraries.strings().withCharRange(' ', '~').withChars("客户文件")
        .ofMaxLength(ImportCheckpoint.MAX_SOURCE_LENGTH);
    Arbitrary<Long> counts = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<ImportTotals> totals = Combinators.combine(counts, counts, counts, counts, counts, counts, counts)
        .as(ImportTotals::new);
    Arbitrary<Instant> instants = Arbitraries.longs().between(0, 253_402_300_799L)
        .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
            .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    return Combinators.combine(ids, sources, counts, Arbitraries.of(true, false), totals, instants)
        .as(ImportCheckpoint::new);
  }
}
