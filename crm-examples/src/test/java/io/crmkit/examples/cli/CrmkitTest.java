package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrmkitTest {

  private final ExactKeyEngine engine = new ExactKeyEngine();

  @Test
  void dedupHelpShowsEachOptionAnExampleTheFebrlMappingAndTheExitCodes() {
    CliRun run = CliRun.execute(engine, "dedup", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("Usage: crmkit dedup", "--column=FIELD=COLUMN", "--mapping=FILE", "--link=OTHER",
        "--encoding=CHARSET", "--date-format=PATTERN", "--match-threshold=P", "(default: 0.9)", "--region=CC",
        "Examples:", "crmkit dedup customers.csv", "-c street=street_number,address_1,address_2",
        "Exit codes:", "0   done", "1   bad input", "2   usage", "3   failure");
  }

  @Test
  void dedupHelpNamesEveryFieldAColumnCanBeMappedTo() {
    String help = CliRun.execute(engine, "dedup", "--help").out().replaceAll("\\s+", " ");

    for (MappedField field : MappedField.values()) {
      assertThat(help).containsPattern(" " + field.key() + "[,.]");
    }
    assertThat(help).contains("(default: " + InputSpec.DEFAULT_PERSON_VALUES + ")");
  }

  @Test
  void helpOfTheProgramListsItsCommands() {
    CliRun run = CliRun.execute(engine, "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("Usage: crmkit", "COMMAND", "dedup", "Find duplicate customers", "Exit codes:");
  }

  @Test
  void versionNamesTheProgramAndItsBuild() {
    CliRun top = CliRun.execute(engine, "--version");
    CliRun dedup = CliRun.execute(engine, "dedup", "--version");

    assertThat(top.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(top.out()).startsWith("crmkit 0.").doesNotContain("${").doesNotContain("unknown");
    assertThat(dedup.out()).isEqualTo(top.out());
  }

  @Test
  void noCommandIsAUsageErrorNamingTheCommands() {
    CliRun run = CliRun.execute(engine);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Name a command: help, demo, import, dedup, segment, quality, report, export,"
        + " backup, restore, clv, rfm, anonymize", "Try 'crmkit --help'.");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun run = CliRun.execute(engine, "merge-everything");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("merge-everything");
  }

  @Test
  void dedupWithoutInputIsAUsageError() {
    CliRun run = CliRun.execute(engine, "dedup", "-c", "id=x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required parameter: 'INPUT'", "Try 'crmkit dedup --help'.");
  }
}
