package io.crmkit.examples.cli;

import static io.crmkit.examples.cli.CliRun.rows;
import static io.crmkit.examples.cli.CliRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DedupCommandTest {

  /** The mapping of customers.csv as options; crm.json says the same. */
  private static final List<String> CRM_OPTIONS = List.of("--date-format", "yyyyMMdd", "--source", "crm",
      "--person-values", "个人", "--organisation-values", "企业", "-c", "id=客户编号", "-c", "fullName=客户名称",
      "-c", "kind=客户类型", "-c", "identifier=证件号码", "-c", "phones=手机,电话", "-c", "emails=邮箱",
      "-c", "region=省份", "-c", "city=城市", "-c", "district=区县", "-c", "street=地址", "-c", "postcode=邮编",
      "-c", "birthDate=出生日期");

  private static final List<String> FEBRL_OPTIONS = List.of("--kind", "person", "--date-format", "yyyyMMdd",
      "-c", "id=rec_id", "-c", "givenName=given_name", "-c", "familyName=surname",
      "-c", "street=street_number,address_1,address_2", "-c", "city=suburb", "-c", "postcode=postcode",
      "-c", "region=state", "-c", "birthDate=date_of_birth", "-c", "identifier=soc_sec_id");

  @TempDir
  Path dir;

  private final ExactKeyEngine engine = new ExactKeyEngine();

  private CliRun dedup(Path input, List<String> options, String... more) {
    List<String> args = new ArrayList<>(List.of("dedup", input.toString()));
    args.addAll(options);
    args.addAll(Arrays.asList(more));
    return CliRun.execute(engine, args.toArray(String[]::new));
  }

  @Test
  void writesTheDuplicatePairsWithEachFieldsLevelAndWeightBesideTheInput() {
    CliRun run = dedup(sample(dir, "customers.csv"), CRM_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> pairs = rows(dir.resolve("customers.pairs.csv"));
    assertThat(pairs.get(0)).containsExactly("left_id", "right_id", "probability", "weight", "decision",
        "identifier_level", "identifier_weight", "phones_level", "phones_weight", "emails_level", "emails_weight",
        "name_level", "name_weight");
    assertThat(pairs.subList(1, pairs.size())).extracting(row -> row.subList(0, 2) + " " + row.get(4))
        .containsExactly("[C001, C002] MATCH", "[C003, C004] MATCH", "[C005, C006] REVIEW");
    assertThat(pairs.get(3)).containsExactly("C005", "C006", "0.6667", "1.000", "REVIEW",
        "missing", "0.000", "missing", "0.000", "exact", "8.000", "different", "-4.000");
  }

  @Test
  void writesEveryRecordWithItsEntityGroupedByEntity() {
    CliRun run = dedup(sample(dir, "customers.csv"), CRM_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(rows(dir.resolve("customers.clusters.csv"))).containsExactly(
        List.of("record_id", "entity_id"), List.of("C001", "C001"), List.of("C002", "C001"),
        List.of("C003", "C003"), List.of("C004", "C003"), List.of("C005", "C005"), List.of("C006", "C006"));
  }

  @Test
  void summarisesTheRun() {
    CliRun run = dedup(sample(dir, "customers.csv"), CRM_OPTIONS, "--pairs", dir.resolve("p.csv").toString(),
        "--clusters", dir.resolve("c.csv").toString());

    assertThat(run.out()).containsSubsequence("records read     6", "rejected rows    0", "warnings         0",
        "candidate pairs  3", "matches          2", "reviews          1", "entities         4", "time ",
        "pairs            " + dir.resolve("p.csv"), "clusters         " + dir.resolve("c.csv"));
    assertThat(dir.resolve("p.csv")).exists();
    assertThat(dir.resolve("c.csv")).exists();
    assertThat(run.err()).as("no progress without a terminal").isEmpty();
  }

  @Test
  void readsEachRowIntoAMatchInputByTheMapping() {
    dedup(sample(dir, "customers.csv"), CRM_OPTIONS);

    MatchInput zhang = engine.record("C002");
    assertThat(zhang.fullName()).hasValue("张 伟");
    assertThat(zhang.kind()).hasValue(CustomerKind.PERSON);
    assertThat(zhang.phones()).containsExactly("138 1234 5678", "010-12345678");
    assertThat(zhang.birthDate()).hasValue(LocalDate.of(1990, 1, 1));
    assertThat(zhang.source()).hasValue("crm");
    assertThat(zhang.region()).hasValue("北京");
    assertThat(zhang.warnings()).isEmpty();
    MatchInput aurora = engine.record("C003");
    assertThat(aurora.kind()).hasValue(CustomerKind.ORGANISATION);
    assertThat(aurora.legalName()).as("an organisation's name is its legal name").hasValue("上海极光贸易有限公司");
    assertThat(aurora.fullName()).isEmpty();
    assertThat(aurora.identifier()).hasValue("91310000MA1FL8TQ36");
    assertThat(aurora.birthDate()).isEmpty();
    assertThat(engine.record("C005").street()).hasValue("天河路 1 号, 3 楼");
  }

  @Test
  void aMappingFileReadsTheFileAsTheSameOptionsDo() {
    Path input = sample(dir, "customers.csv");
    dedup(input, CRM_OPTIONS);
    CliRun run = dedup(input, List.of("--mapping", sample(dir, "crm.json").toString()));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(engine.received().get(1)).isEqualTo(engine.received().get(0));
  }

  @Test
  void optionsOverrideTheMappingFile() {
    CliRun run = dedup(sample(dir, "customers.csv"), List.of("--mapping", sample(dir, "crm.json").toString(),
        "--source", "legacy-crm", "-c", "fullName=城市"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(engine.record("C001").source()).hasValue("legacy-crm");
    assertThat(engine.record("C001").fullName()).hasValue("北京市");
    assertThat(engine.record("C001").birthDate()).as("the rest of the mapping file still holds")
        .hasValue(LocalDate.of(1990, 1, 1));
  }

  @Test
  void readsGbkWhenToldTheEncoding() throws IOException {
    Path utf8 = sample(dir, "customers.csv");
    Path gbk = dir.resolve("customers-gbk.csv");
    Files.writeString(gbk, Files.readString(utf8), Charset.forName("GBK"));
    dedup(utf8, CRM_OPTIONS);
    CliRun run = dedup(gbk, CRM_OPTIONS, "--encoding", "GBK");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(engine.received().get(1)).isEqualTo(engine.received().get(0));
  }

  @Test
  void warnsOfValuesThatAreNotInTheEncodingRead() throws IOException {
    Path gbk = dir.resolve("names.csv");
    Files.writeString(gbk, "id,name\n1,张伟\n", Charset.forName("GBK"));

    CliRun run = dedup(gbk, List.of("-c", "id=id", "-c", "fullName=name"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.err()).contains("warning: names.csv row 1 (line 2), column 2 (name): bytes that are not UTF-8");
  }

  @Test
  void skipsAByteOrderMark() throws IOException {
    Path plain = sample(dir, "customers.csv");
    Path withMark = dir.resolve("customers-bom.csv");
    Files.write(withMark, ("\uFEFF" + Files.readString(plain)).getBytes(StandardCharsets.UTF_8));
    dedup(plain, CRM_OPTIONS);
    CliRun run = dedup(withMark, CRM_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(engine.received().get(1)).isEqualTo(engine.received().get(0));
  }

  @Test
  void rejectsRowsThatCannotBeReadNamingFileRowAndColumnAndMatchesTheRest() {
    CliRun run = dedup(sample(dir, "broken.csv"), List.of("--date-format", "yyyyMMdd", "-c", "id=客户编号",
        "-c", "fullName=客户名称", "-c", "kind=客户类型", "-c", "birthDate=出生日期"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(
        "rejected: broken.csv row 2 (line 3), column 4 (出生日期): 3 fields where the header has 4; row skipped",
        "rejected: broken.csv row 4 (line 5), column 1 (客户编号): no id; row skipped",
        "rejected: broken.csv row 5 (line 6): id B1 is already on row 1; row skipped",
        "rejected: broken.csv row 6 (line 7), column 5: 5 fields where the header has 4; row skipped");
    assertThat(rows(dir.resolve("broken.clusters.csv"))).extracting(row -> row.get(0))
        .containsExactly("record_id", "B1", "B3");
    assertThat(run.out()).contains("rejected rows    4", "warnings         2");
  }

  @Test
  void keepsARecordWithAnUnreadableValueAndWarnsNamingRowAndColumn() {
    CliRun run = dedup(sample(dir, "broken.csv"), List.of("--date-format", "yyyyMMdd", "-c", "id=客户编号",
        "-c", "fullName=客户名称", "-c", "kind=客户类型", "-c", "birthDate=出生日期"));

    assertThat(engine.record("B1").birthDate()).as("the 30th of February is no date").isEmpty();
    assertThat(engine.record("B1").warnings()).containsExactly(
        "broken.csv row 1 (line 2), column 4 (出生日期): not a date in the format yyyyMMdd; birth date left out");
    assertThat(engine.record("B3").kind()).isEmpty();
    assertThat(engine.record("B3").warnings()).singleElement().asString()
        .startsWith("broken.csv row 3 (line 4), column 3 (客户类型): kind \"VIP\" means neither a person nor an organisation");
    assertThat(run.err()).contains("warning: broken.csv row 1 (line 2), column 4 (出生日期): not a date");
  }

  @Test
  void showsTheFirstTwentyWarningsAndCountsTheRest() throws IOException {
    StringBuilder text = new StringBuilder("id,born\n");
    for (int i = 1; i <= 25; i++) {
      text.append(i).append(",1990-02-3").append(i % 2).append('\n');
    }
    Path input = Files.writeString(dir.resolve("dates.csv"), text.toString());

    CliRun run = dedup(input, List.of("-c", "id=id", "-c", "birthDate=born"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(run.err().lines().filter(line -> line.startsWith("warning: dates.csv"))).hasSize(20);
    assertThat(run.err()).contains("warning: and 5 more");
    assertThat(run.out()).contains("warnings         25");
  }

  @Test
  void aMissingInputIsBadInput() {
    CliRun run = dedup(dir.resolve("nowhere.csv"), CRM_OPTIONS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("crmkit dedup: " + dir.resolve("nowhere.csv") + ": no such file");
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void anEmptyFileOrAHeaderWithoutRowsIsBadInput() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Path headerOnly = Files.writeString(dir.resolve("header.csv"), "客户编号,客户名称\n");

    CliRun emptyRun = dedup(empty, List.of("-c", "id=客户编号", "-c", "fullName=客户名称"));
    CliRun headerRun = dedup(headerOnly, List.of("-c", "id=客户编号", "-c", "fullName=客户名称"));

    assertThat(emptyRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(emptyRun.err()).contains("empty.csv: no rows (the file is empty or holds only its header)");
    assertThat(headerRun.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(headerRun.err()).contains("header.csv: no rows");
    assertThat(dir.resolve("header.pairs.csv")).doesNotExist();
  }

  @Test
  void pairsAndClustersOnOneFileOrOnTheInputAreRefused() throws IOException {
    Path input = sample(dir, "customers.csv");

    CliRun sameOutputs = dedup(input, CRM_OPTIONS, "--pairs", "out.csv", "--clusters", "out.csv");
    CliRun overInput = dedup(input, CRM_OPTIONS, "--pairs", input.toString());

    assertThat(sameOutputs.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(sameOutputs.err()).contains("--clusters out.csv is --pairs");
    assertThat(overInput.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(overInput.err()).contains("is INPUT (");
    assertThat(engine.received()).isEmpty();
    assertThat(input).hasSameTextualContentAs(sample(Files.createDirectories(dir.resolve("copy")), "customers.csv"));
  }

  @Test
  void aMappedColumnTheFileLacksIsAUsageErrorListingTheHeader() {
    CliRun run = dedup(sample(dir, "customers.csv"), List.of("-c", "id=客户编号", "-c", "fullName=姓名"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("customers.csv has no column \"姓名\" (mapped to fullName); its columns are: "
        + "客户编号, 客户名称, 客户类型, 证件号码, 手机, 电话, 邮箱, 省份, 城市, 区县, 地址, 邮编, 出生日期");
    assertThat(engine.received()).isEmpty();
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of(List.of("--no-such-option"), "Unknown option: '--no-such-option'"),
        Arguments.of(List.of("--match-threshold", "high"), "Invalid value for option '--match-threshold'"),
        Arguments.of(List.of("--review-threshold", "0.95"), "thresholds need 0 <= --review-threshold <= --match-threshold <= 1"),
        Arguments.of(List.of("--region", "XX"), "--region XX is not a region"),
        Arguments.of(List.of("-c", "nickname=客户名称"), "no field nickname to map"),
        Arguments.of(List.of("-c", "birthDate=出生日期,邮编"), "birthDate takes one column"),
        Arguments.of(List.of("-c", "fullName"), "write field=column"),
        Arguments.of(List.of("--encoding", "KLINGON"), "unknown encoding KLINGON"),
        Arguments.of(List.of("--delimiter", ";;"), "the delimiter must be one character"),
        Arguments.of(List.of("--date-format", "yyyy-MM-dd b"), "is not a pattern"),
        Arguments.of(List.of("--kind", "person", "-c", "kind=客户类型"), "give a kind column or a fixed kind, not both"),
        Arguments.of(List.of("--kind", "robot"), "kind robot is neither person nor organisation"),
        Arguments.of(List.of("--link-source", "erp"), "need --link OTHER"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void aBadOptionIsAUsageError(List<String> options, String message) {
    List<String> args = new ArrayList<>(List.of("-c", "id=客户编号"));
    args.addAll(options);

    CliRun run = dedup(sample(dir, "customers.csv"), args);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(message);
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aMappingFileWithAnUnknownPropertyIsAUsageErrorListingTheProperties() throws IOException {
    Path mapping = dir.resolve("bad.json");
    Files.writeString(mapping, "{\"columns\": {\"id\": \"客户编号\"}, \"colour\": \"blue\"}");

    CliRun run = dedup(sample(dir, "customers.csv"), List.of("--mapping", mapping.toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(mapping + ": not a mapping: no property \"colour\"; the properties are columns, "
        + "dateFormat, delimiter, encoding, header, idPrefix, kind, organisationValues, personValues, quote, source");
  }

  @Test
  void aMappingFileThatIsNoJsonIsAUsageErrorNamingItsLine() throws IOException {
    Path mapping = dir.resolve("bad.json");
    Files.writeString(mapping, "{\n  \"columns\": {\"id\": \"客户编号\"}\n  \"kind\": \"person\"\n}");

    CliRun run = dedup(sample(dir, "customers.csv"), List.of("--mapping", mapping.toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(mapping + ": not a mapping (", "line 3");
  }

  @Test
  void readsAMappingFileThatStartsWithAByteOrderMark() throws IOException {
    Path mapping = dir.resolve("bom.json");
    Files.write(mapping, ("\uFEFF" + Files.readString(sample(dir, "crm.json"))).getBytes(StandardCharsets.UTF_8));

    CliRun run = dedup(sample(dir, "customers.csv"), List.of("--mapping", mapping.toString()));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
  }

  @Test
  void aMissingMappingFileIsBadInput() {
    CliRun run = dedup(sample(dir, "customers.csv"), List.of("--mapping", dir.resolve("none.json").toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(dir.resolve("none.json") + ": no such mapping file");
  }

  @Test
  void linksTwoFilesWithPairsOnlyAcrossThemInputRecordFirst() {
    Path input = sample(dir, "customers.csv");
    CliRun run = dedup(input, List.of("--mapping", sample(dir, "crm.json").toString(),
        "--link", sample(dir, "erp.csv").toString(), "--link-mapping", sample(dir, "erp.json").toString()));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    List<List<String>> pairs = rows(dir.resolve("customers.pairs.csv"));
    assertThat(pairs.get(0).subList(0, 5)).containsExactly("input_id", "other_id", "probability", "weight", "decision");
    assertThat(pairs.subList(1, pairs.size())).extracting(row -> row.get(0) + "-" + row.get(1) + " " + row.get(4))
        .containsExactly("C003-A2 MATCH", "C004-A2 MATCH", "C001-A1 REVIEW", "C002-A1 REVIEW");
    assertThat(engine.record("A2").source()).hasValue("erp");
    assertThat(engine.record("A2").kind()).hasValue(CustomerKind.ORGANISATION);
    assertThat(run.out()).contains("records read     9 (customers.csv 6, erp.csv 3)");
    assertThat(rows(dir.resolve("customers.clusters.csv"))).contains(List.of("A2", "A2"), List.of("C003", "A2"));
  }

  @Test
  void linkedFilesSharingAnIdAreBadInputUntilAPrefixTellsThemApart() throws IOException {
    Path input = sample(dir, "customers.csv");
    Path other = Files.copy(input, dir.resolve("other.csv"));

    CliRun clash = dedup(input, CRM_OPTIONS, "--link", other.toString());
    CliRun apart = dedup(input, CRM_OPTIONS, "--link", other.toString(), "--link-id-prefix", "erp-");

    assertThat(clash.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(clash.err()).contains("id C001 is in both customers.csv and other.csv");
    assertThat(apart.exitCode()).as(apart.err()).isEqualTo(ExitCodes.DONE);
    assertThat(engine.record("erp-C001").source()).as("OTHER does not take INPUT's source").isEmpty();
    assertThat(rows(dir.resolve("customers.pairs.csv"))).extracting(row -> row.get(0) + "-" + row.get(1))
        .contains("C001-erp-C001", "C001-erp-C002").doesNotContain("C001-C002");
  }

  @Test
  void readsTheFebrlLayoutWithAShortMapping() {
    CliRun run = dedup(sample(dir, "febrl-sample.csv"), FEBRL_OPTIONS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    MatchInput alice = engine.record("rec-1-org");
    assertThat(alice.givenName()).hasValue("alice");
    assertThat(alice.familyName()).hasValue("walker");
    assertThat(alice.street()).hasValue("12 banksia street rosehill");
    assertThat(alice.city()).hasValue("dubbo");
    assertThat(alice.postcode()).hasValue("2830");
    assertThat(alice.region()).hasValue("nsw");
    assertThat(alice.birthDate()).hasValue(LocalDate.of(1975, 3, 12));
    assertThat(alice.identifier()).hasValue("1234567");
    assertThat(alice.kind()).hasValue(CustomerKind.PERSON);
    assertThat(engine.record("rec-1-dup-0").street()).hasValue("12 banksia street");
    assertThat(engine.record("rec-2-org").familyName()).isEmpty();
    assertThat(engine.record("rec-2-org").warnings()).singleElement().asString()
        .startsWith("febrl-sample.csv row 3 (line 4), column 10 (date_of_birth): not a date");
    assertThat(rows(dir.resolve("febrl-sample.pairs.csv"))).extracting(row -> row.get(0) + " " + row.get(1))
        .containsExactly("left_id right_id", "rec-1-dup-0 rec-1-org");
  }

  @Test
  void readsAFileWithoutHeaderByColumnNumbers() throws IOException {
    Path input = dir.resolve("plain.txt");
    Files.writeString(input, "1\t张伟\t13812345678\n2\t张伟\t+86 138 1234 5678\n");

    CliRun run = dedup(input, List.of("--no-header", "-d", "tab", "-c", "id=1", "-c", "fullName=2", "-c", "phones=3"));
    CliRun named = dedup(input, List.of("--no-header", "-d", "tab", "-c", "id=1", "-c", "fullName=name"));
    CliRun tooFar = dedup(input, List.of("--no-header", "-d", "tab", "-c", "id=4"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(rows(dir.resolve("plain.pairs.csv"))).extracting(row -> row.get(0) + " " + row.get(1))
        .containsExactly("left_id right_id", "1 2");
    assertThat(named.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(named.err()).contains("plain.txt has no header, so fullName must name its column by number");
    assertThat(tooFar.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooFar.err()).contains("plain.txt has no column 4 (mapped to id); its rows have 3 fields");
  }

  @Test
  void namesRecordsWithoutAnIdColumnByFileAndRow() {
    CliRun run = dedup(sample(dir, "customers.csv"), List.of("-c", "fullName=客户名称", "-c", "phones=手机"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(engine.lastRecords()).extracting(MatchInput::id)
        .containsExactly("customers.csv:1", "customers.csv:2", "customers.csv:3", "customers.csv:4",
            "customers.csv:5", "customers.csv:6");
  }

  @Test
  void brokenQuotingRejectsTheRestOfTheFile() throws IOException {
    Path input = dir.resolve("quotes.csv");
    Files.writeString(input, "id,name\n1,张伟\n2,\"李娜\n3,王芳\n");

    CliRun run = dedup(input, List.of("-c", "id=id", "-c", "fullName=name"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("rejected: quotes.csv row 2: not valid CSV (", "line 3");
    assertThat(engine.lastRecords()).extracting(MatchInput::id).containsExactly("1");
  }

  @Test
  void aFailingEngineIsAFailure() {
    MatchEngine broken = new MatchEngine() {
      @Override
      public Result deduplicate(List<MatchInput> records, Settings settings) {
        throw new IllegalStateException("model did not converge");
      }

      @Override
      public Result link(List<MatchInput> left, List<MatchInput> right, Settings settings) {
        throw new IllegalStateException("model did not converge");
      }
    };
    List<String> args = new ArrayList<>(List.of("dedup", sample(dir, "customers.csv").toString()));
    args.addAll(CRM_OPTIONS);

    CliRun run = CliRun.execute(broken, args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("crmkit dedup: failed: java.lang.IllegalStateException: model did not converge");
  }

  @Test
  void anOutputThatCannotBeWrittenIsAFailure() {
    CliRun run = dedup(sample(dir, "customers.csv"), CRM_OPTIONS, "--pairs",
        dir.resolve("missing").resolve("pairs.csv").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains(dir.resolve("missing").resolve("pairs.csv") + ": cannot be written");
  }
}
