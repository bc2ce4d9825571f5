package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * {@code crmkit rfm} against a model of its figures on random files: whatever the purchases, each
 * customer with a purchase before the as-of day is written once with the recency, frequency and
 * net monetary value counted by hand, scores stay within 1..5, and the segment and tier tables add
 * up to the customers scored.
 */
class RfmCommandProperties {

  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

  /** One row: customer, day offset from {@link #FIRST}, amount in cents (negative: a refund). */
  record Row(String customer, int day, long cents) {
    String line() {
      return customer + "," + FIRST.plusDays(day) + "," + BigDecimal.valueOf(cents, 2).toPlainString();
    }
  }

  @Provide
  Arbitrary<Row> rows() {
    return Combinators.combine(Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h"), Arbitraries.integers().between(0, 40),
        Arbitraries.longs().between(-2_000, 50_000)).as(Row::new);
  }

  @Property(tries = 40)
  void everyBuyerIsWrittenOnceWithHandCountedFiguresAndTheTablesAddUp(
      @ForAll @Size(min = 1, max = 40) List<@From("rows") Row> rows) throws IOException {
    Path dir = Files.createTempDirectory("rfm-property");
    try {
      List<String> lines = new ArrayList<>(List.of("customer,date,amount"));
      rows.forEach(row -> lines.add(row.line()));
      Path input = dir.resolve("random.csv");
      Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      LocalDate asOf = FIRST.plusDays(30);

      CliRun run = CliRun.execute(new ExactKeyEngine(), "rfm", input.toString(), "--as-of", asOf.toString(),
          "--tiers", "quantile:20,30");

      Map<String, Expected> expected = expected(rows, 30);
      if (expected.isEmpty()) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("nobody to score");
        return;
      }
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
      List<List<String>> written = CliRun.rows(dir.resolve("random.rfm.csv"));
      List<List<String>> customers = written.subList(1, written.size());
      assertThat(customers).extracting(row -> row.get(0)).containsExactlyInAnyOrderElementsOf(expected.keySet());
      for (List<String> row : customers) {
        Expected figures = expected.get(row.get(0));
        assertThat(Long.parseLong(row.get(1))).as(row.toString()).isEqualTo(ChronoUnit.DAYS.between(figures.last, asOf));
        assertThat(Integer.parseInt(row.get(2))).as(row.toString()).isEqualTo(figures.days.size());
        assertThat(new BigDecimal(row.get(3))).as(row.toString()).isEqualByComparingTo(figures.net);
        Stream.of(row.get(4), row.get(5), row.get(6)).forEach(score -> assertThat(Integer.parseInt(score)).isBetween(1, 5));
      }
      String all = String.format(Locale.ROOT, "%,d", customers.size());
      assertThat(run.out()).contains("  all  ").containsPattern("\\n  all +" + all + " +100\\.0%");
      assertThat(tableTotal(run.out(), "segment")).isEqualTo(customers.size());
      assertThat(tableTotal(run.out(), "tier")).isEqualTo(2L * customers.size());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(RfmCommandProperties::delete);
      }
    }
  }

  /** The figures counted by hand: purchase days (amount 0 or more), the last of them, the net of every amount. */
  private static final class Expected {
    final Set<LocalDate> days = new TreeSet<>();
    LocalDate last;
    BigDecimal net = BigDecimal.ZERO;
  }

  private static Map<String, Expected> expected(List<Row> rows, int asOfDay) {
    Map<String, Expected> all = new HashMap<>();
    for (Row row : rows) {
      if (row.day() >= asOfDay) {
        continue;
      }
      Expected figures = all.computeIfAbsent(row.customer(), c -> new Expected());
      figures.net = figures.net.add(BigDecimal.valueOf(row.cents(), 2));
      if (row.cents() >= 0) {
        LocalDate day = FIRST.plusDays(row.day());
        figures.days.add(day);
        figures.last = figures.last == null || day.isAfter(figures.last) ? day : figures.last;
      }
    }
    all.values().removeIf(figures -> figures.days.isEmpty());
    return all;
  }

  /**
   * The customers column of the summary table that starts with the heading {@code first}, added up
   * (the tier table's {@code all} row included, so it counts every customer twice).
   */
  private static long tableTotal(String out, String first) {
    String[] lines = out.split("\\R");
    long total = 0;
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("  " + first + " ")) {
        in = true;
      } else if (in && line.isBlank()) {
        break;
      } else if (in) {
        String[] columns = line.strip().split(" {2,}");
        total += Long.parseLong(columns[1].replace(",", ""));
      }
    }
    return total;
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
