package io.crmkit.examples.cli;

import static io.crmkit.examples.cli.CliRun.rows;
import static io.crmkit.examples.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {

  /** The options of the README's "Command line" section for CDNOW_sample.txt. */
  private static final List<String> CDNOW_OPTIONS = List.of("-d", "whitespace", "--no-header", "--customer", "2",
      "--date", "3", "--amount", "5", "--date-format", "yyyyMMdd", "--tiers", "pareto:80,15", "--tier-labels",
      "vip-regular-potential");

  /**
   * Five customers as of 2024-01-11, each better than the next in every figure: a bought on the
   * five days up to 01-10 for 100 each; b on four days up to 01-08 for 50; c on three up to 01-05
   * for 30; d on two up to 01-03 for 20; e once on 01-01 for 10. So quintiles give them 555, 444,
   * 333, 222 and 111.
   */
  private static final String[] FIVE = {
      "customer,date,amount",
      "a,2024-01-06,100", "a,2024-01-07,100", "a,2024-01-08,100", "a,2024-01-09,100", "a,2024-01-10,100",
      "b,2024-01-05,50", "b,2024-01-06,50", "b,2024-01-07,50", "b,2024-01-08,50",
      "c,2024-01-03,30", "c,2024-01-04,30", "c,2024-01-05,30",
      "d,2024-01-02,20", "d,2024-01-03,20",
      "e,2024-01-01,10"};

  @TempDir
  Path dir;

  private CliRun rfm(Path input, List<String> options, String... more) {
    List<String> args = new ArrayList<>(List.of("rfm", input.toString()));
    args.addAll(options);
    args.addAll(Arrays.asList(more));
    return CliRun.execute(new ExactKeyEngine(), args.toArray(String[]::new));
  }

  private Path file(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** The written rows without the header, by customer. */
  private static Map<String, List<String>> byCustomer(Path file) {
    Map<String, List<String>> customers = new LinkedHashMap<>();
    rows(file).stream().skip(1).forEach(row -> customers.put(row.get(0), row));
    return customers;
  }

  @Test
  void theCdnowSampleScoresEveryCustomerOnceWithScoresFromOneToFiveAndSegmentsAddingUp() {
    CliRun run = rfm(sample(dir, "CDNOW_sample.txt"), CDNOW_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> rows = rows(dir.resolve("CDNOW_sample.rfm.csv"));
    assertThat(rows.get(0)).containsExactlyElementsOf(RfmReport.HEADER);
    List<List<String>> customers = rows.subList(1, rows.size());
    assertThat(customers).hasSize(2357);
    assertThat(customers.stream().map(row -> row.get(0)).distinct()).hasSize(2357);
    for (List<String> row : customers) {
      for (int score = 4; score <= 6; score++) {
        assertThat(Integer.parseInt(row.get(score))).as(row.toString()).isBetween(1, 5);
      }
      assertThat(Integer.parseInt(row.get(2))).as(row.toString()).isPositive();
      assertThat(row.get(8)).isIn("VIP", "REGULAR", "POTENTIAL");
      assertThat(row.get(9)).startsWith(row.get(8) + ": monetary ");
    }
    assertThat(byCustomer(dir.resolve("CDNOW_sample.rfm.csv")).get("0001")).containsExactly("0001", "201", "4",
        "100.50", "4", "4", "4", "Champions", "VIP",
        "VIP: monetary 100.5, among the fewest customers holding 80% of total monetary 244091.94");
    Map<String, Long> segments = customers.stream().collect(Collectors.groupingBy(row -> row.get(7),
        Collectors.counting()));
    assertThat(segments.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2357);
    segments.forEach((segment, count) -> assertThat(run.out()).containsPattern(
        "\\n  " + Pattern.quote(segment) + " +" + String.format(Locale.ROOT, "%,d", count)
            + " "));
    assertThat(run.out()).contains("6,919 read, 0 rejected", "2,357 scored",
        "1998-07-01 (the day after the last purchase, 1998-06-30)", "every purchase before 1998-07-01",
        "all                      2,357  100.0%");
  }

  @Test
  void theCdnowParetoTiersHoldEightyAndFifteenPercentOfTheValue() {
    CliRun run = rfm(sample(dir, "CDNOW_sample.txt"), CDNOW_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> customers = rows(dir.resolve("CDNOW_sample.rfm.csv"));
    double total = 0;
    Map<String, Double> value = new LinkedHashMap<>();
    for (List<String> row : customers.subList(1, customers.size())) {
      double monetary = Double.parseDouble(row.get(3));
      total += monetary;
      value.merge(row.get(8), monetary, Double::sum);
    }
    assertThat(value.get("VIP") / total).isBetween(0.80, 0.801);
    assertThat((value.get("VIP") + value.get("REGULAR")) / total).isBetween(0.95, 0.951);
  }

  @Test
  void aHandMadeFileGetsItsKnownQuintileScoresSegmentsAndTiers() throws IOException {
    CliRun run = rfm(file("five.csv", FIVE), List.of("--as-of", "2024-01-11"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    Map<String, List<String>> customers = byCustomer(dir.resolve("five.rfm.csv"));
    assertThat(customers.get("a")).containsExactly("a", "1", "5", "500.00", "5", "5", "5", "Champions", "HIGH",
        "HIGH: monetary 500, among the fewest customers holding 80% of total monetary 840");
    assertThat(customers.get("b").subList(1, 9)).containsExactly("3", "4", "200.00", "4", "4", "4", "Champions",
        "HIGH");
    assertThat(customers.get("c").subList(1, 9)).containsExactly("6", "3", "90.00", "3", "3", "3", "Need Attention",
        "MEDIUM");
    assertThat(customers.get("d").subList(1, 9)).containsExactly("8", "2", "40.00", "2", "2", "2", "Hibernating",
        "MEDIUM");
    assertThat(customers.get("e").subList(1, 9)).containsExactly("10", "1", "10.00", "1", "1", "1", "Lost", "LOW");
    assertThat(run.out()).contains("monetary total in USD", "5 scored, 0 without a purchase",
        "Champions                    2   40.0%           700.00   83.3%",
        "HIGH                         2   40.0%           700.00   83.3%",
        "LOW                          1   20.0%            10.00    1.2%");
  }

  @Test
  void fixedThresholdsScoreEachCustomerAgainstTheBoundaries() throws IOException {
    CliRun run = rfm(file("five.csv", FIVE), List.of("--as-of", "2024-01-11", "--scoring", "thresholds",
        "--recency-thresholds", "2,4,7,9", "--frequency-thresholds", "2,3,4,6", "--monetary-thresholds",
        "20,50,100,600"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    Map<String, List<String>> customers = byCustomer(dir.resolve("five.rfm.csv"));
    assertThat(customers.get("a").subList(4, 7)).containsExactly("5", "4", "4");
    assertThat(customers.get("b").subList(4, 7)).containsExactly("4", "4", "4");
    assertThat(customers.get("d").subList(4, 7)).containsExactly("2", "2", "2");
    assertThat(customers.get("e").subList(4, 7)).containsExactly("1", "1", "1");
    assertThat(run.out()).contains("thresholds (recency days [2, 4, 7, 9], frequency [2, 3, 4, 6]");
  }

  @Test
  void aWindowLeavesOutOlderPurchasesAndSaysWhoIsNotScored() throws IOException {
    CliRun run = rfm(file("five.csv", FIVE), List.of("--as-of", "2024-01-11", "--window", "7"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    Map<String, List<String>> customers = byCustomer(dir.resolve("five.rfm.csv"));
    assertThat(customers).containsOnlyKeys("a", "b", "c");
    assertThat(customers.get("c").subList(1, 4)).containsExactly("6", "2", "60.00");
    assertThat(run.out()).contains("3 scored, 2 without a purchase in the window",
        "7 days, 2024-01-04 up to 2024-01-10");
  }

  @Test
  void theMeanMeasureAndQuantileTiersWithTheirLabels() throws IOException {
    CliRun run = rfm(file("five.csv", FIVE), List.of("--as-of", "2024-01-11", "--monetary", "mean", "--tiers",
        "quantile:20,40", "--tier-labels", "vip-regular-potential"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    Map<String, List<String>> customers = byCustomer(dir.resolve("five.rfm.csv"));
    assertThat(customers.get("a").subList(3, 4)).containsExactly("100.00");
    assertThat(customers.get("a").get(8)).isEqualTo("VIP");
    assertThat(customers.get("b").get(8)).isEqualTo("REGULAR");
    assertThat(customers.get("c").get(8)).isEqualTo("REGULAR");
    assertThat(customers.get("d").get(8)).isEqualTo("POTENTIAL");
    assertThat(customers.get("a").get(9)).isEqualTo("VIP: monetary 100, top 20% by monetary (0 of 5 higher)");
  }

  @Test
  void ruleTiersExplainTheThresholdTheCustomerReached() throws IOException {
    CliRun run = rfm(file("five.csv", FIVE), List.of("--as-of", "2024-01-11", "--tiers", "monetary:300,50"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    Map<String, List<String>> customers = byCustomer(dir.resolve("five.rfm.csv"));
    assertThat(customers.get("a").get(9)).isEqualTo("HIGH: monetary 500, monetary >= 300");
    assertThat(customers.get("c").get(9)).isEqualTo("MEDIUM: monetary 90, monetary >= 50");
    assertThat(customers.get("d").get(9)).isEqualTo("LOW: monetary 40, below every rule (the last: monetary >= 50)");
  }

  @Test
  void refundsLowerMonetaryValueButAreNoPurchase() throws IOException {
    CliRun run = rfm(file("refunds.csv", "customer,date,amount", "a,2024-01-01,100", "a,2024-01-09,-40",
        "b,2024-01-05,10"), List.of("--as-of", "2024-01-11"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(byCustomer(dir.resolve("refunds.rfm.csv")).get("a").subList(1, 4)).containsExactly("10", "1", "60.00");
  }

  @Test
  void badRowsAreNamedListedAndLeftOutWhileEveryGoodRowIsScored() throws IOException {
    List<String> lines = new ArrayList<>(Arrays.asList(FIVE));
    lines.add(3, "b,2024-02-30,50");
    lines.add("f,2024-01-05,ten");
    Path input = file("five.csv", lines.toArray(String[]::new));

    CliRun run = rfm(input, List.of("--as-of", "2024-01-11", "--out", dir.resolve("scores.csv").toString()));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(
        "rejected: five.csv row 3 (line 4), column 2 (date): \"2024-02-30\" is not a date in the format yyyy-MM-dd",
        "rejected: five.csv row 17 (line 18), column 3 (amount): \"ten\" is not an amount");
    assertThat(rows(dir.resolve("five.rejected.csv"))).hasSize(3);
    assertThat(byCustomer(dir.resolve("scores.csv"))).containsOnlyKeys("a", "b", "c", "d", "e");
    assertThat(run.out()).contains("17 read, 2 rejected", "five.rejected.csv");
  }

  @Test
  void aCurrencyColumnSetsTheCurrencyAndSeveralCurrenciesAreRefused() throws IOException {
    Path yen = file("yen.csv", "customer,date,amount,currency", "a,2024-01-01,1000,jpy", "b,2024-01-02,500,JPY");
    CliRun one = rfm(yen, List.of("--currency", "currency"));
    assertThat(one.exitCode()).as(one.err()).isEqualTo(ExitCodes.DONE);
    assertThat(one.out()).contains("monetary total in JPY", "2024-01-03 (the day after the last purchase");

    Path mixed = file("mixed.csv", "customer,date,amount,currency", "a,2024-01-01,10,EUR", "b,2024-01-02,5,USD");
    CliRun several = rfm(mixed, List.of("--currency", "currency"));
    assertThat(several.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(several.err()).contains("has amounts in EUR, USD", "run one currency at a time");
  }

  @Test
  void wrongOptionsAreUsageErrors() throws IOException {
    Path five = file("five.csv", FIVE);
    assertThat(rfm(five, List.of("--tiers", "pareto:80")).err()).contains("it needs two numbers");
    assertThat(rfm(five, List.of("--tiers", "pareto:80,30")).err()).contains("add up to 100 at most");
    assertThat(rfm(five, List.of("--tiers", "monetary:50,300")).err()).contains("must be above the second");
    assertThat(rfm(five, List.of("--tiers", "median:1,2")).err()).contains("the kind must be pareto");
    assertThat(rfm(five, List.of("--tier-labels", "gold-silver")).err()).contains("--tier-labels must be");
    assertThat(rfm(five, List.of("--scoring", "deciles")).err()).contains("--scoring must be quintile or thresholds");
    assertThat(rfm(five, List.of("--scoring", "thresholds", "--recency-thresholds", "1,2,3,4")).err())
        .contains("four boundaries in --frequency-thresholds");
    assertThat(rfm(five, List.of("--recency-thresholds", "1,2,3,4")).err())
        .contains("threshold options need --scoring thresholds");
    assertThat(rfm(five, List.of("--scoring", "thresholds", "--recency-thresholds", "4,3,2,1",
        "--frequency-thresholds", "1,2,3,4", "--monetary-thresholds", "1,2,3,4")).err())
        .contains("--recency-thresholds must be strictly ascending, not 4,3,2,1");
    assertThat(rfm(five, List.of("--monetary", "median")).err()).contains("--monetary must be total or mean");
    assertThat(rfm(five, List.of("--as-of", "11/01/2024")).err()).contains("not a date in the format yyyy-MM-dd");
    assertThat(rfm(five, List.of("--window", "0")).err()).contains("--window must be 1 day or more");
    assertThat(rfm(five, List.of("--currency-code", "XYZ")).err()).contains("not an ISO 4217 code");
    assertThat(rfm(five, List.of("--currency", "3", "--currency-code", "EUR")).err()).contains("not both");
    assertThat(rfm(five, List.of("--tiers", "pareto:80")).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(dir.resolve("five.rfm.csv")).doesNotExist();
  }

  @Test
  void anOutputOnTheInputOrOnAnotherOutputIsRefusedAndTheInputKept() throws IOException {
    Path five = file("five.csv", FIVE);

    CliRun overInput = rfm(five, List.of("--out", five.toString()));
    CliRun overEachOther = rfm(five, List.of("--out", "x.csv", "--rejected", "x.csv"));

    assertThat(overInput.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(overInput.err()).contains("--out " + five + " is INPUT (");
    assertThat(Files.readAllLines(five)).containsExactly(FIVE);
    assertThat(overEachOther.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(overEachOther.err()).contains("--rejected x.csv is --out");
  }

  @Test
  void aTierExplanationWritesLargeAmountsWithoutAnExponent() throws IOException {
    Path big = file("big.csv", "customer,date,amount", "a,2024-01-01,100000000000000000000", "b,2024-01-02,5");

    CliRun run = rfm(big, List.of("--tiers", "monetary:1000,10"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(byCustomer(dir.resolve("big.rfm.csv")).get("a").get(RfmReport.HEADER.indexOf("tier_explanation")))
        .contains("monetary 100000000000000000000")
        .doesNotContain("E");
  }

  @Test
  void nobodyToScoreIsBadInput() throws IOException {
    CliRun run = rfm(file("five.csv", FIVE), List.of("--as-of", "2023-12-01"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nobody to score, no customer has a purchase in the window (every purchase before 2023-12-01)");
  }

  @Test
  void helpShowsTheCdnowExampleTheTierSyntaxAndTheExitCodes() {
    CliRun run = CliRun.execute(new ExactKeyEngine(), "rfm", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("crmkit rfm CDNOW_sample.txt -d whitespace --no-header --customer 2",
        "pareto:80,15", "quantile:20,30", "monetary:1000,200", "--as-of", "--window", "--currency-code",
        "default: USD", "Exit codes:", "rejected", "holding 80% of the value, then the next 15%;");
    assertThat(run.out()).doesNotContain("%%");
  }
}
