package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortRunCompilationTest {

  @TempDir
  Path dir;

  @Test
  void filesUpToTheLimitInAllMakeAShortRun() throws IOException {
    Path input = sized("input.csv", ShortRunCompilation.MAX_BYTES / 2);
    Path other = sized("other.csv", ShortRunCompilation.MAX_BYTES / 2);

    assertThat(ShortRunCompilation.isShort(List.of(input))).isTrue();
    assertThat(ShortRunCompilation.isShort(List.of(input, other))).isTrue();
  }

  @Test
  void filesOverTheLimitInAllMakeALongRun() throws IOException {
    Path input = sized("input.csv", ShortRunCompilation.MAX_BYTES / 2 + 1);
    Path other = sized("other.csv", ShortRunCompilation.MAX_BYTES / 2);

    assertThat(ShortRunCompilation.isShort(List.of(input, other))).isFalse();
    assertThat(ShortRunCompilation.isShort(List.of(sized("big.csv", ShortRunCompilation.MAX_BYTES + 1)))).isFalse();
  }

  @Test
  void aFileWhoseSizeCannotBeReadCountsAsLong() {
    assertThat(ShortRunCompilation.isShort(List.of(dir.resolve("missing.csv")))).isFalse();
  }

  /** A directive that matches no class changes nothing in this test JVM, but shows the JVM takes directives. */
  @Test
  void theJvmTakesAWellFormedDirective() {
    assertThat(ShortRunCompilation.addDirective(
        "[{match: \"io/crmkit/examples/cli/NoSuchClass.*\", c2: {Exclude: true}}]")).isTrue();
  }

  @Test
  void aDirectiveTheJvmCannotParseIsReportedAsNotTaken() {
    assertThat(ShortRunCompilation.addDirective("not a directive")).isFalse();
  }

  @Test
  void theShortRunDirectiveIsWellFormed() throws IOException {
    // Checked by parsing it as HotSpot would, without applying it to the test JVM: the same text
    // with its match narrowed to a class that does not exist.
    String narrowed = ShortRunCompilation.EXCLUDE_C2.replace("\"*.*\"", "\"io/crmkit/examples/cli/NoSuchClass.*\"");

    assertThat(narrowed).isNotEqualTo(ShortRunCompilation.EXCLUDE_C2);
    assertThat(ShortRunCompilation.addDirective(narrowed)).isTrue();
  }

  private Path sized(String name, long bytes) throws IOException {
    Path file = Files.createFile(dir.resolve(name));
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(bytes);
    }
    return file;
  }
}
