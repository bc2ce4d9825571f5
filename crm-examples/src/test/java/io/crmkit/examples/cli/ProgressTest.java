package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final StringWriter shown = new StringWriter();

  @Test
  void showsTheCountOnceEveryThousandUnitsOnOneRewrittenLine() {
    Progress progress = Progress.to(new PrintWriter(shown));

    progress.start("reading a.csv");
    for (long row = 1; row <= 2_500; row++) {
      progress.advance(row);
    }
    progress.finish("2,500 records");

    String nl = System.lineSeparator();
    assertThat(shown.toString()).isEqualTo("\rreading a.csv ...\rreading a.csv: 1,000\rreading a.csv: 2,000"
        + "\rreading a.csv: 2,500 records" + nl);
  }

  @Test
  void blanksWhatIsLeftOfALongerLine() {
    Progress progress = Progress.to(new PrintWriter(shown));

    progress.start("matching 1,000,000 records");
    progress.finish("0");

    assertThat(shown.toString()).as("one blank where the longer line had its last character")
        .isEqualTo("\rmatching 1,000,000 records ...\rmatching 1,000,000 records: 0 " + System.lineSeparator());
  }

  @Test
  void closingEndsALineATaskLeftOpenAndOnlyThat() {
    Progress progress = Progress.to(new PrintWriter(shown));

    progress.start("matching");
    progress.close();
    progress.close();

    assertThat(shown.toString()).isEqualTo("\rmatching ..." + System.lineSeparator());
  }

  @Test
  void silentProgressShowsNothing() {
    Progress progress = Progress.silent();

    progress.start("reading");
    progress.advance(5_000);
    progress.finish("done");
    progress.close();

    assertThat(shown.toString()).isEmpty();
  }

  @Test
  void quietProgressShowsNothingEvenAtATerminal() {
    assertThat(Progress.forTerminal(true, new PrintWriter(shown))).satisfies(progress -> {
      progress.start("reading");
      progress.finish("done");
    });

    assertThat(shown.toString()).isEmpty();
  }
}
