package io.crmkit.examples.cli;

import static io.crmkit.examples.cli.CliRun.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.testkit.dedup.DuplicateCsv;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import io.crmkit.testkit.dedup.GeneratedRecord;
import io.crmkit.testkit.dedup.GroundTruth;
import io.crmkit.testkit.dedup.PairQuality;
import io.crmkit.testkit.dedup.RecordPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crmkit dedup} as the jar runs it, with crm-core's standardiser and matcher, on a generated
 * customer export whose true duplicates are known.
 */
class DedupWithCoreEngineTest {

  private static final List<String> EXPORT_MAPPING = List.of("-c", "id=id", "-c", "source=source", "-c", "kind=kind",
      "-c", "fullName=full_name", "-c", "familyName=family_name", "-c", "givenName=given_name",
      "-c", "legalName=legal_name", "-c", "identifier=identifier", "-c", "phones=phone", "-c", "emails=email",
      "-c", "addressLine=address_line", "-c", "region=region", "-c", "city=city", "-c", "district=district",
      "-c", "street=street", "-c", "postcode=postcode", "-c", "birthDate=birth_date", "--date-format", "yyyy-MM-dd");

  @TempDir
  Path dir;

  @Test
  void findsTheGeneratedDuplicatesOfACustomerExport() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(20261206L).entities(1_500).build().generate();
    Path export = dir.resolve("export.csv");
    DuplicateCsv.write(records, export, false);

    List<String> args = new ArrayList<>(List.of("dedup", export.toString(), "--quiet"));
    args.addAll(EXPORT_MAPPING);
    CliRun run = CliRun.execute(new CoreMatchEngine(), args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    PairQuality quality = GroundTruth.of(records).evaluate(pairsOfEntities(rows(dir.resolve("export.clusters.csv"))));
    assertThat(quality.precision()).as("precision of %s", quality).isGreaterThan(0.99);
    assertThat(quality.recall()).as("recall of %s", quality).isGreaterThan(0.98);
  }

  @Test
  void linksOnlyAcrossTwoExports() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(7L).entities(600).build().generate();
    Path crm = dir.resolve("crm.csv");
    Path erp = dir.resolve("erp.csv");
    DuplicateCsv.write(records.subList(0, records.size() / 2), crm, false);
    DuplicateCsv.write(records.subList(records.size() / 2, records.size()), erp, false);

    List<String> args = new ArrayList<>(List.of("dedup", crm.toString(), "--link", erp.toString(), "--quiet"));
    args.addAll(EXPORT_MAPPING);
    CliRun run = CliRun.execute(new CoreMatchEngine(), args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> pairs = rows(dir.resolve("crm.pairs.csv"));
    assertThat(pairs).hasSizeGreaterThan(1);
    List<String> crmIds = records.subList(0, records.size() / 2).stream().map(r -> r.input().id()).toList();
    assertThat(pairs.subList(1, pairs.size())).allSatisfy(pair -> {
      assertThat(crmIds).contains(pair.get(0));
      assertThat(crmIds).doesNotContain(pair.get(1));
    });
  }

  @Test
  void reportsAValueItCannotReadOnceAndStillMatchesItsRecord() throws IOException {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(11L).entities(400).build().generate();
    Path export = dir.resolve("export.csv");
    DuplicateCsv.write(records, export, false);
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(1, lines.get(1).replaceFirst("\\d{4}-\\d{2}-\\d{2}", "1990-13-45"));
    Files.write(export, lines);

    List<String> args = new ArrayList<>(List.of("dedup", export.toString(), "--quiet"));
    args.addAll(EXPORT_MAPPING);
    CliRun run = CliRun.execute(new CoreMatchEngine(), args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.err().lines().filter(line -> line.contains("row 1 (line 2)"))).singleElement().asString()
        .contains("birth_date");
    assertThat(rows(dir.resolve("export.clusters.csv"))).extracting(row -> row.get(0))
        .contains(records.get(0).input().id());
  }

  /** Every two records the clusters file puts in one entity. */
  private static List<RecordPair> pairsOfEntities(List<List<String>> clusters) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    clusters.subList(1, clusters.size()).forEach(row -> members.computeIfAbsent(row.get(1), e -> new ArrayList<>())
        .add(row.get(0)));
    List<RecordPair> pairs = new ArrayList<>();
    for (List<String> ids : members.values()) {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          pairs.add(RecordPair.of(ids.get(i), ids.get(j)));
        }
      }
    }
    return pairs;
  }
}
