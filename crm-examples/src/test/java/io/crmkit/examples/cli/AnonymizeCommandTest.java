package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crmkit.privacy.anonymise.Anonymiser;
import io.crmkit.privacy.anonymise.Hierarchy;
import io.crmkit.privacy.anonymise.Metric;
import io.crmkit.privacy.anonymise.Settings;
import io.crmkit.privacy.anonymise.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnonymizeCommandTest {

  private static final List<String> ADULT_QUASI_IDENTIFIERS = List.of("sex", "age", "race", "marital-status",
      "education", "native-country", "workclass", "salary-class");

  /** The options of the README's line for UCI Adult, before the suppression and metric. */
  private static final List<String> ADULT_OPTIONS = List.of("-d", ";", "-k", "5", "--quasi-identifiers",
      String.join(",", ADULT_QUASI_IDENTIFIERS), "--hierarchies", "adult_hierarchy_{column}.csv");

  @TempDir
  Path dir;

  private CliRun anonymize(Path input, List<String> options, String... more) {
    List<String> args = new ArrayList<>(List.of("anonymize", input.toString()));
    args.addAll(options);
    args.addAll(Arrays.asList(more));
    return CliRun.execute(new ExactKeyEngine(), args.toArray(String[]::new));
  }

  /** The Adult sample and ARX's hierarchies copied into the temporary folder, as a user has them. */
  private Path adult() {
    ADULT_QUASI_IDENTIFIERS.forEach(name -> copy("adult_hierarchy_" + name + ".csv"));
    return copy("adult_sample.csv");
  }

  private Path copy(String name) {
    try (InputStream in = AnonymizeCommandTest.class.getResourceAsStream("adult/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test sample adult/" + name);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String name, Charset charset, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", charset);
    return file;
  }

  private static List<List<String>> rows(Path file, char delimiter, Charset charset) {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(file, charset)) {
      return csv.stream().map(CsvRecord::getFields).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  /** The same anonymisation through the library, to compare the command with. */
  private Anonymiser.Report library(Path input, Settings settings) throws IOException {
    try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      return Anonymiser.anonymise(Table.read(reader, ';'), settings).report();
    }
  }

  private Map<String, Hierarchy> adultHierarchies() throws IOException {
    Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
    for (String name : ADULT_QUASI_IDENTIFIERS) {
      try (Reader reader = Files.newBufferedReader(dir.resolve("adult_hierarchy_" + name + ".csv"))) {
        hierarchies.put(name, Hierarchy.fromCsv(reader, ';'));
      }
    }
    return hierarchies;
  }

  /** Rows of the written file (header first) grouped by their quasi-identifier values, suppressed rows left out. */
  private static Map<List<String>, List<List<String>>> classes(List<List<String>> rows, List<String> quasiIdentifiers) {
    List<String> header = rows.get(0);
    Map<List<String>, List<List<String>>> classes = new HashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      List<String> key = quasiIdentifiers.stream().map(name -> row.get(header.indexOf(name))).toList();
      if (!key.stream().allMatch("*"::equals)) {
        classes.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
      }
    }
    return classes;
  }

  @Test
  void theAdultSampleWithArxHierarchiesBecomesFiveAnonymousAtTheLibrarysOptimum() throws IOException {
    Path input = adult();

    CliRun run = anonymize(input, ADULT_OPTIONS, "--suppression", "2", "--metric", "discernibility");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> original = rows(input, ';', StandardCharsets.UTF_8);
    List<List<String>> written = rows(dir.resolve("adult_sample.anonymized.csv"), ';', StandardCharsets.UTF_8);
    assertThat(written).hasSize(401);
    assertThat(written.get(0)).isEqualTo(original.get(0));
    int occupation = original.get(0).indexOf("occupation");
    for (int r = 1; r < written.size(); r++) {
      assertThat(written.get(r).get(occupation)).isEqualTo(original.get(r).get(occupation));
    }
    Map<List<String>, List<List<String>>> classes = classes(written, ADULT_QUASI_IDENTIFIERS);
    classes.values().forEach(members -> assertThat(members).hasSizeGreaterThanOrEqualTo(5));
    int kept = classes.values().stream().mapToInt(List::size).sum();
    assertThat(400 - kept).isLessThanOrEqualTo(8);

    Anonymiser.Report expected = library(input, Settings.kAnonymity(5, adultHierarchies())
        .withSuppressionLimit(0.02).optimising(Metric.DISCERNIBILITY));
    JsonNode metrics = json(dir.resolve("adult_sample.anonymized.json"));
    assertThat(metrics.get("input").asText()).isEqualTo("adult_sample.csv");
    assertThat(metrics.get("rows").asInt()).isEqualTo(400);
    assertThat(metrics.get("recoding").asText()).isEqualTo("full-domain");
    assertThat(metrics.get("discernibility").asLong()).isEqualTo(expected.discernibility());
    assertThat(metrics.get("suppressedRecords").asInt()).isEqualTo(expected.suppressedRecords()).isEqualTo(400 - kept);
    assertThat(metrics.get("classes").asInt()).isEqualTo(expected.classes()).isEqualTo(classes.size());
    assertThat(metrics.get("generalisationLoss").asDouble()).isEqualTo(expected.generalisationLoss());
    List<Integer> levels = new ArrayList<>();
    metrics.get("quasiIdentifiers").forEach(column -> levels.add(column.get("level").asInt()));
    assertThat(levels).containsExactlyElementsOf(expected.levels().values());
    assertThat(metrics.get("quasiIdentifiers").get(1).get("hierarchy").asText()).isEqualTo("adult_hierarchy_age.csv");
    assertThat(run.out()).contains("crmkit anonymize: adult_sample.csv", "400 anonymised, 0 rejected",
        "k = 5, at most 2% suppressed", "optimising discernibility", "anonymised file", "metrics file");
  }

  @Test
  void localRecodingOfTheAdultSampleKeepsClassesOfFiveAndMatchesTheLibrary() throws IOException {
    Path input = adult();

    CliRun run = anonymize(input, ADULT_OPTIONS, "--recoding", "local");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> written = rows(dir.resolve("adult_sample.anonymized.csv"), ';', StandardCharsets.UTF_8);
    assertThat(written).hasSize(401);
    Map<List<String>, List<List<String>>> classes = classes(written, ADULT_QUASI_IDENTIFIERS);
    classes.values().forEach(members -> assertThat(members).hasSizeGreaterThanOrEqualTo(5));

    Anonymiser.Report expected = library(input, Settings.kAnonymity(5, adultHierarchies())
        .withRecoding(Settings.Recoding.LOCAL));
    Anonymiser.Report fullDomain = library(input, Settings.kAnonymity(5, adultHierarchies()));
    JsonNode metrics = json(dir.resolve("adult_sample.anonymized.json"));
    assertThat(metrics.get("recoding").asText()).isEqualTo("local");
    assertThat(metrics.get("classes").asInt()).isEqualTo(expected.classes()).isEqualTo(classes.size());
    assertThat(metrics.get("discernibility").asLong()).isEqualTo(expected.discernibility())
        .isLessThan(fullDomain.discernibility());
    assertThat(metrics.get("partitionsExamined").asInt()).isEqualTo(expected.nodesEvaluated());
    assertThat(metrics.get("quasiIdentifiers")).hasSize(ADULT_QUASI_IDENTIFIERS.size());
    metrics.get("quasiIdentifiers").forEach(column -> assertThat(column.has("level")).isFalse());
    assertThat(run.out()).contains("local (Mondrian)", "partitions examined").doesNotContain("levels  ")
        .doesNotContain("generalisations evaluated");
  }

  @Test
  void lDiversityOnOccupationGivesEveryClassTwoOccupations() {
    Path input = adult();

    CliRun run = anonymize(input, ADULT_OPTIONS, "--suppression", "2", "--sensitive", "occupation",
        "--l-diversity", "2", "--out", dir.resolve("public.csv").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> written = rows(dir.resolve("public.csv"), ';', StandardCharsets.UTF_8);
    int occupation = written.get(0).indexOf("occupation");
    classes(written, ADULT_QUASI_IDENTIFIERS).values().forEach(members -> {
      assertThat(members).hasSizeGreaterThanOrEqualTo(5);
      assertThat(members.stream().map(row -> row.get(occupation)).distinct().count()).isGreaterThanOrEqualTo(2);
    });
    assertThat(run.out()).contains("2 distinct occupation per class");
  }

  @Test
  void aFileWithoutHeaderKeepsItsDelimiterQuotingAndColumnNumbers() throws IOException {
    Path input = file("people.csv", StandardCharsets.UTF_8,
        "1,\"Lee, Ann\",34,flu", "2,\"Wu, Bo\",36,cold", "3,\"Ma, Li\",35,flu", "4,\"Xu, Yi\",52,cold",
        "5,\"He, Jun\",57,flu", "6,\"Fu, Lan\",55,cold");
    file("age.csv", StandardCharsets.UTF_8, "34,30-39,*", "35,30-39,*", "36,30-39,*", "52,50-59,*", "55,50-59,*",
        "57,50-59,*");

    CliRun run = anonymize(input, List.of("--no-header", "-k", "3", "--hierarchy", "3=" + dir.resolve("age.csv")));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(Files.readAllLines(dir.resolve("people.anonymized.csv"))).containsExactly(
        "1,\"Lee, Ann\",30-39,flu", "2,\"Wu, Bo\",30-39,cold", "3,\"Ma, Li\",30-39,flu", "4,\"Xu, Yi\",50-59,cold",
        "5,\"He, Jun\",50-59,flu", "6,\"Fu, Lan\",50-59,cold");
  }

  @Test
  void theAnonymisedFileKeepsTheLineEndingsOfTheInput() throws IOException {
    Files.writeString(dir.resolve("age.csv"), "34;30-39;*\n35;30-39;*\n");
    for (String ending : List.of("\n", "\r\n")) {
      Path input = Files.writeString(dir.resolve("people.csv"), String.join(ending, "name,age", "a,34", "b,35", ""));

      CliRun run = anonymize(input, List.of("-k", "2", "--hierarchy", "age=" + dir.resolve("age.csv")));

      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
      assertThat(Files.readString(dir.resolve("people.anonymized.csv")))
          .isEqualTo(String.join(ending, "name,age", "a,30-39", "b,30-39", ""));
    }
  }

  @Test
  void aGbkFileWithAGbkHierarchyIsReadAndWrittenInGbk() throws IOException {
    Charset gbk = Charset.forName("GBK");
    Path input = file("客户.csv", gbk, "性别,城市", "男,北京", "女,北京", "男,上海", "女,上海");
    file("性别.csv", gbk, "男;*", "女;*");

    CliRun run = anonymize(input, List.of("--encoding", "GBK", "-k", "3", "--hierarchy",
        "性别=" + dir.resolve("性别.csv")));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(Files.readAllLines(dir.resolve("客户.anonymized.csv"), gbk))
        .containsExactly("性别,城市", "*,北京", "*,北京", "*,上海", "*,上海");
  }

  @Test
  void aValueMissingFromItsHierarchyRejectsThatRowByFileRowLineAndColumn() throws IOException {
    Path input = file("ages.csv", StandardCharsets.UTF_8, "id,age", "a,34", "b,35", "c,99", "d,36", "e,x,y");
    Path ages = file("ages-hierarchy.csv", StandardCharsets.UTF_8, "34;30-39;*", "35;30-39;*", "36;30-39;*");

    CliRun run = anonymize(input, List.of("-k", "3", "--hierarchy", "age=" + ages));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(
        "rejected: ages.csv row 3 (line 4), column age: value \"99\" is not in ages-hierarchy.csv; row skipped",
        "rejected: ages.csv row 5 (line 6): 3 fields where the header has 2; row skipped");
    assertThat(Files.readAllLines(dir.resolve("ages.anonymized.csv")))
        .containsExactly("id,age", "a,30-39", "b,30-39", "d,30-39");
    assertThat(run.out()).contains("3 anonymised, 2 rejected");
  }

  @Test
  void kAboveTheRowCountIsBadInputAndWritesNothing() throws IOException {
    Path input = file("few.csv", StandardCharsets.UTF_8, "id,age", "a,34", "b,35");
    Path ages = file("h.csv", StandardCharsets.UTF_8, "34;30-39;*", "35;30-39;*");

    CliRun run = anonymize(input, List.of("-k", "3", "--hierarchy", "age=" + ages));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("no generalisation satisfies k = 3", "--suppression");
    assertThat(dir.resolve("few.anonymized.csv")).doesNotExist();
  }

  @Test
  void aHierarchyThatIsNotATreeOrHasRaggedLinesIsBadInputNamingItsFile() throws IOException {
    Path input = file("t.csv", StandardCharsets.UTF_8, "id,age", "a,34", "b,35");
    Path notTree = file("not-tree.csv", StandardCharsets.UTF_8, "34;30-39;A", "35;30-39;B");
    Path ragged = file("ragged.csv", StandardCharsets.UTF_8, "34;30-39;*", "35;*");

    CliRun twoParents = anonymize(input, List.of("-k", "2", "--hierarchy", "age=" + notTree));
    CliRun short2 = anonymize(input, List.of("-k", "2", "--hierarchy", "age=" + ragged));
    CliRun missing = anonymize(input, List.of("-k", "2", "--hierarchy", "age=" + dir.resolve("none.csv")));

    assertThat(twoParents.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(twoParents.err()).contains("not-tree.csv: not a tree");
    assertThat(short2.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(short2.err()).contains("ragged.csv line 2: 2 levels where the first line has 3");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("none.csv: no such hierarchy file");
  }

  @Test
  void wrongOptionsAreUsageErrorsThatSayWhatWouldWork() throws IOException {
    Path input = file("u.csv", StandardCharsets.UTF_8, "id,age,diagnosis", "a,34,flu", "b,35,cold");
    String hierarchy = "age=" + file("h.csv", StandardCharsets.UTF_8, "34;*", "35;*");

    assertUsage(anonymize(input, List.of("-k", "2", "--hierarchy", "agee=x.csv")),
        "--hierarchy: no column agee in the file; its columns are id, age, diagnosis");
    assertUsage(anonymize(input, List.of("-k", "2", "--quasi-identifiers", "age,id", "--hierarchy", hierarchy)),
        "the quasi-identifier id has no hierarchy");
    assertUsage(anonymize(input, List.of("-k", "2", "--hierarchy", hierarchy, "--recoding", "mondrian")),
        "--recoding must be full-domain or local, not mondrian");
    assertUsage(anonymize(input, List.of("-k", "2", "--hierarchy", hierarchy, "--l-diversity", "2")),
        "--l-diversity needs --sensitive");
    assertUsage(anonymize(input, List.of("-k", "2", "--hierarchy", hierarchy, "--suppression", "150")),
        "--suppression must be a percentage from 0 to 100");
    assertUsage(anonymize(input, List.of("-k", "2", "--hierarchy", hierarchy, "--metric", "entropy")),
        "--metric must be loss or discernibility");
    assertUsage(anonymize(input, List.of("-k", "0", "--hierarchy", hierarchy)), "-k must be 1 or more");
    assertUsage(anonymize(input, List.of("-k", "2", "--hierarchy", hierarchy, "--sensitive", "age")),
        "the sensitive column age cannot also be a quasi-identifier");
    assertUsage(anonymize(input, List.of("-k", "2")), "name the quasi-identifiers");
    assertUsage(anonymize(input, List.of("--hierarchy", hierarchy)), "Missing required option: '-k=K'");
  }

  private static void assertUsage(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(message);
  }

  @Test
  void helpShowsTheAdultExampleTheRecodingAndTheExitCodes() {
    CliRun run = CliRun.execute(new ExactKeyEngine(), "anonymize", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("Usage: crmkit anonymize", "--quasi-identifiers=COLUMN", "--hierarchy=COLUMN=FILE",
        "--recoding=full-domain", "--suppression=PERCENT", "Examples:", "crmkit anonymize adult.csv -d ';' -k 5",
        "Exit codes:", "0   done", "1   bad input", "2   usage", "3   failure");
  }

  @Test
  void suppressedRowsKeepTheirPlaceWithEveryQuasiIdentifierStarred() throws IOException {
    Path input = file("s.csv", StandardCharsets.UTF_8, "id,age", "a,34", "b,35", "c,36", "d,71");
    Path ages = file("h.csv", StandardCharsets.UTF_8, "34;30-39;*", "35;30-39;*", "36;30-39;*", "71;70-79;*");

    CliRun run = anonymize(input, List.of("-k", "3", "--hierarchy", "age=" + ages, "--suppression", "25%"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(Files.readAllLines(dir.resolve("s.anonymized.csv")))
        .containsExactly("id,age", "a,30-39", "b,30-39", "c,30-39", "d,*");
    Set<String> out = new HashSet<>(List.of(run.out().split("\\R")));
    assertThat(out).anyMatch(line -> line.contains("suppressed") && line.contains("1 rows"));
  }
}
