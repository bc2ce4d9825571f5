package io.crmkit.examples.cli;

import static io.crmkit.examples.cli.CliRun.rows;
import static io.crmkit.examples.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {

  /** The options of the README's "Command line" section for CDNOW_sample.txt. */
  private static final List<String> CDNOW_OPTIONS = List.of("-d", "whitespace", "--no-header", "--customer", "2",
      "--date", "3", "--amount", "5", "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30",
      "--time-unit", "weeks", "--horizon", "52", "--discount-period", "4", "--discount-rate", "0.01",
      "--holdout-end", "1998-06-30");

  @TempDir
  Path dir;

  private CliRun clv(Path input, List<String> options, String... more) {
    List<String> args = new ArrayList<>(List.of("clv", input.toString()));
    args.addAll(options);
    args.addAll(Arrays.asList(more));
    return CliRun.execute(new ExactKeyEngine(), args.toArray(String[]::new));
  }

  private Path file(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void theCdnowSampleGivesThePapersParametersWithStandardErrors() throws IOException {
    CliRun run = clv(sample(dir, "CDNOW_sample.txt"), CDNOW_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    JsonNode parameters = json(dir.resolve("CDNOW_sample.clv.json"));
    JsonNode bgNbd = parameters.get("bgNbd");
    assertThat(bgNbd.get("converged").asBoolean()).isTrue();
    assertThat(bgNbd.get("customers").asInt()).isEqualTo(2357);
    assertThat(bgNbd.at("/parameters/r/value").asDouble()).isCloseTo(0.2426, within(0.0001));
    assertThat(bgNbd.at("/parameters/r/standardError").asDouble()).isCloseTo(0.01256, within(0.0001));
    assertThat(bgNbd.at("/parameters/alpha/value").asDouble()).isCloseTo(4.4135, within(0.001));
    assertThat(bgNbd.at("/parameters/a/value").asDouble()).isCloseTo(0.7929, within(0.0001));
    assertThat(bgNbd.at("/parameters/b/value").asDouble()).isCloseTo(2.4258, within(0.001));
    assertThat(bgNbd.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
    JsonNode gammaGamma = parameters.get("gammaGamma");
    assertThat(gammaGamma.get("customers").asInt()).isEqualTo(946);
    assertThat(gammaGamma.at("/parameters/p/value").asDouble()).isCloseTo(6.25, within(0.005));
    assertThat(gammaGamma.at("/parameters/q/value").asDouble()).isCloseTo(3.74, within(0.005));
    assertThat(parameters.at("/horizon/periods").asInt()).isEqualTo(13);
    assertThat(parameters.get("timeUnit").asText()).isEqualTo("weeks");
  }

  @Test
  void everyCustomerGetsTheirHistoryPAliveExpectedPurchasesAndLifetimeValue() {
    CliRun run = clv(sample(dir, "CDNOW_sample.txt"), CDNOW_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> customers = rows(dir.resolve("CDNOW_sample.clv.csv"));
    assertThat(customers.get(0)).containsExactly("customer", "x", "t_x", "T", "mean_repeat_spend", "p_alive",
        "expected_purchases", "expected_spend", "lifetime_value");
    assertThat(customers).hasSize(2358);
    List<String> customerOne = customers.get(1);
    assertThat(customerOne.subList(0, 5)).containsExactly("0001", "2", "30.4286", "38.8571", "22.3450");
    assertThat(Double.parseDouble(customerOne.get(5))).isCloseTo(0.7266, within(0.0001));
    assertThat(Double.parseDouble(customerOne.get(6))).isPositive();
    assertThat(Double.parseDouble(customerOne.get(7))).isCloseTo(24.66, within(0.02));
    assertThat(Double.parseDouble(customerOne.get(8)))
        .isLessThan(Double.parseDouble(customerOne.get(6)) * Double.parseDouble(customerOne.get(7)))
        .isPositive();
  }

  @Test
  void theHoldoutTableComparesActualAndPredictedPurchasesPerCalibrationFrequency() {
    CliRun run = clv(sample(dir, "CDNOW_sample.txt"), CDNOW_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> holdout = rows(dir.resolve("CDNOW_sample.holdout.csv"));
    assertThat(holdout.get(0)).containsExactly("frequency", "customers", "actual_mean", "predicted_mean");
    assertThat(holdout).extracting(row -> row.get(0))
        .containsExactly("frequency", "0", "1", "2", "3", "4", "5", "6", "7+", "all");
    assertThat(holdout.get(1)).containsExactly("0", "1411", "0.2367", "0.2251");
    assertThat(holdout.get(9).subList(0, 2)).containsExactly("all", "2357");
    assertThat(run.out()).contains("holdout            39 weeks: actual 1,882 purchases, predicted 1,653.4 (-12.1 %)");
  }

  @Test
  void summarisesTheRun() {
    CliRun run = clv(sample(dir, "CDNOW_sample.txt"), CDNOW_OPTIONS);

    assertThat(run.out()).contains("crmkit clv: CDNOW_sample.txt", "6,919 read, 0 rejected",
        "up to 1997-09-30 in weeks: 2,357 customers, 946 with repeat purchases", "r 0.2426 ± 0.0126",
        "log-likelihood -9582.43", "52 weeks in 13 periods, discount 0.01 a period", "CDNOW_sample.clv.json");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badRowsAreSkippedNamedByFileRowAndColumnAndListedInFull() throws IOException {
    Path sales = file("sales.csv", "客户,日期,金额", "a,2025-01-01,10", "a,2025-13-01,10", "a,2025-02-01,ten",
        ",2025-02-02,5", "b", "a,2025-03-01,12.5", "b,2025-01-05,8", "b,2025-02-05,9");

    CliRun run = clv(sales, List.of("--customer", "客户", "--date", "日期", "--amount", "金额", "--time-unit", "days",
        "--calibration-end", "2025-03-31", "--horizon", "30"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(
        "rejected: sales.csv row 2 (line 3), column 2 (日期): \"2025-13-01\" is not a date in the format yyyy-MM-dd; row skipped",
        "rejected: sales.csv row 3 (line 4), column 3 (金额): \"ten\" is not an amount; row skipped",
        "rejected: sales.csv row 4 (line 5), column 1 (客户): no customer id; row skipped",
        "rejected: sales.csv row 5 (line 6), column 2 (日期): missing (the row has 1 fields); row skipped");
    assertThat(rows(dir.resolve("sales.rejected.csv"))).hasSize(5)
        .contains(List.of("2", "3", "2 (日期)", "\"2025-13-01\" is not a date in the format yyyy-MM-dd"));
  }

  @Test
  void everyGoodRowIsUsedWhenSomeRowsAreBad() throws IOException {
    Path cdnow = sample(dir, "CDNOW_sample.txt");
    Files.writeString(cdnow, " 00001 9999 19971301  1   10.00\r\n 00001 9999 19970105  1   ten\r\n 00002\r\n",
        StandardCharsets.US_ASCII, StandardOpenOption.APPEND);

    CliRun run = clv(cdnow, CDNOW_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(
        "CDNOW_sample.txt row 6920 (line 6920), column 3 (date): \"19971301\" is not a date in the format yyyyMMdd",
        "CDNOW_sample.txt row 6921 (line 6921), column 5 (amount): \"ten\" is not an amount",
        "CDNOW_sample.txt row 6922 (line 6922), column 2 (customer): missing (the row has 1 fields)");
    assertThat(run.out()).contains("6,922 read, 3 rejected", "2,357 customers", "CDNOW_sample.rejected.csv");
    assertThat(rows(dir.resolve("CDNOW_sample.clv.csv"))).hasSize(2358);
  }

  @Test
  void aFitThatDoesNotConvergeWritesItsReasonAndNoCustomerValues() throws IOException {
    Path tiny = file("tiny.csv", "customer,date,amount", "a,2025-01-01,10", "a,2025-01-02,10");

    CliRun run = clv(tiny, List.of("--time-unit", "days", "--calibration-end", "2025-01-31"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("did not converge", "tiny.clv.json", "no customer values were written");
    assertThat(json(dir.resolve("tiny.clv.json")).at("/bgNbd/converged").asBoolean()).isFalse();
    assertThat(dir.resolve("tiny.clv.csv")).doesNotExist();
  }

  @Test
  void aPenaltyIsSuggestedOnlyWhenNoneWasGiven() throws IOException {
    Path tiny = file("tiny.csv", "customer,date,amount", "a,2025-01-01,10", "a,2025-01-02,10");

    CliRun penalised = clv(tiny, List.of("--time-unit", "days", "--calibration-end", "2025-01-31", "--penalty", "0.01"));

    assertThat(penalised.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(penalised.err()).contains("did not converge").doesNotContain("try --penalty");
  }

  @Test
  void aHoldoutEndingAfterTheLastPurchaseIsWarnedOfAndItsLengthRounded() {
    Path cdnow = sample(dir, "CDNOW_sample.txt");
    List<String> options = new ArrayList<>(CDNOW_OPTIONS);
    options.set(options.indexOf("1998-06-30"), "1998-07-10");

    CliRun run = clv(cdnow, options);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.err()).contains("warning: --holdout-end 1998-07-10 is after the last purchase in "
        + "CDNOW_sample.txt (1998-06-30)");
    assertThat(run.out()).contains("holdout            40.4286 weeks");
  }

  @Test
  void anOutputOnTheInputIsRefusedAndTheInputKept() throws IOException {
    Path sales = file("sales.csv", "customer,date,amount", "a,2025-01-01,10");

    CliRun run = clv(sales, List.of("--parameters", sales.toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--parameters " + sales + " is INPUT (");
    assertThat(Files.readString(sales)).isEqualTo("customer,date,amount\na,2025-01-01,10\n");
  }

  @Test
  void amountsInSeveralCurrenciesAreRefused() throws IOException {
    Path sales = file("sales.csv", "customer,date,amount,currency", "a,2025-01-01,10,CNY", "b,2025-01-01,10,USD");

    CliRun run = clv(sales, List.of("--currency", "currency", "--time-unit", "days"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("CNY (customer a) and USD (customer b)");
  }

  @Test
  void wrongOptionsAreUsageErrors() throws IOException {
    Path sales = file("sales.csv", "customer,date,amount", "a,2025-01-01,10");

    assertThat(clv(sales, List.of("--amount", "price")).err())
        .contains("sales.csv has no column price; its columns are customer, date, amount");
    assertThat(clv(sales, List.of("--amount", "price")).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(clv(sales, List.of("--time-unit", "months")).err()).contains("--time-unit must be days or weeks");
    assertThat(clv(sales, List.of("--calibration-end", "2025-02-01", "--holdout-end", "2025-01-01")).exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(clv(sales, List.of("--horizon", "10", "--discount-period", "3")).err())
        .contains("must be a whole number");
    assertThat(clv(sales, List.of("--no-header", "--customer", "id")).err())
        .contains("has no header: name columns by number from 1, not id");
  }

  @Test
  void withoutACalibrationEndTheLastPurchaseDateIsUsed() throws IOException {
    Path cdnow = sample(dir, "CDNOW_sample.txt");

    CliRun run = clv(cdnow, List.of("-d", "whitespace", "--no-header", "--customer", "2", "--date", "3",
        "--amount", "5", "--date-format", "yyyyMMdd", "--time-unit", "days", "--horizon", "360",
        "--discount-period", "30"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("up to 1998-06-30 in days", "360 days in 12 periods");
    assertThat(json(dir.resolve("CDNOW_sample.clv.json")).get("calibrationEnd").asText()).isEqualTo("1998-06-30");
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRun run = clv(dir.resolve("nowhere.csv"), List.of());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nowhere.csv: no such file");
  }

  @Test
  void helpShowsTheCdnowExampleAndTheExitCodes() {
    CliRun run = CliRun.execute(new ExactKeyEngine(), "clv", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("crmkit clv CDNOW_sample.txt -d whitespace --no-header --customer 2 --date 3",
        "Exit codes:", "--holdout-end");
  }
}
