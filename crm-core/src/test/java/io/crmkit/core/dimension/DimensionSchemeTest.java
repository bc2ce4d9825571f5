package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.dimension.CodeStructure.PatternLevel;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DimensionSchemeTest {
  private static final CodeStructure AREAS = CodeStructure.prefixed(
      CodeStructure.segment("area", 1, "A-Z"), CodeStructure.segment("district", 2, "0-9"));

  private static DimensionScheme.Builder areas() {
    return new DimensionScheme.Builder("sales-region", "2025").structure(AREAS);
  }

  private static SchemeDefinitionException csvProblems(String csv, CodeStructure structure) {
    DimensionScheme.Builder builder = new DimensionScheme.Builder("test", "1").structure(structure)
        .codesFromCsv(new StringReader(csv), "regions.csv", CsvLayout.standard());
    return catchThrowableOfType(SchemeDefinitionException.class, builder::build);
  }

  @Test
  void theBuilderTakesParentsFromTheCodeStructure() {
    DimensionScheme scheme = areas()
        .name(Labels.of("en", "Sales regions", "zh", "销售区域"))
        .code("N", Labels.of("en", "North", "zh", "北区"))
        .code("N01", Labels.of("en", "North, urban", "zh", "北区城区"))
        .code("N02", Labels.of("en", "North, rural"))
        .build();
    assertThat(scheme.find("N01").orElseThrow().parent()).contains("N");
    assertThat(scheme.children("N")).extracting(DimensionCode::code).containsExactly("N01", "N02");
    assertThat(scheme.roots()).extracting(DimensionCode::code).containsExactly("N");
    assertThat(scheme.label("N01", Locale.forLanguageTag("zh-CN"))).contains("北区城区");
    assertThat(scheme.label("N02", Locale.CHINESE)).contains("North, rural");
    assertThat(scheme.name().get(Locale.CHINESE)).isEqualTo("销售区域");
  }

  @Test
  void aMalformedCsvDefinitionIsRejectedWithEveryProblemAndItsLine() {
    SchemeDefinitionException e = csvProblems("""
        code,parent,label:en
        N,,North
        N01,,North urban
        N01,,North urban again
        S1,,Bad width
        S01,,South urban
        W01,N,West under North
        """, AREAS);
    assertThat(e.problems()).extracting(Problem::line, Problem::kind).containsExactly(
        tuple(4, Kind.DUPLICATE_CODE),
        tuple(5, Kind.MALFORMED_CODE),
        tuple(6, Kind.MISSING_PARENT),
        tuple(7, Kind.PARENT_NOT_ANCESTOR));
    assertThat(e.getMessage())
        .contains("regions.csv line 4: code N01: is already defined at regions.csv line 3 for an overlapping period")
        .contains("regions.csv line 5: code S1: does not fit the code structure: it has 2 characters, expected one of 1, 3")
        .contains("regions.csv line 6: code S01: has no parent: none of S is defined");
    assertThat(e).isInstanceOf(CrmValidationException.class);
    assertThat(e.violations()).extracting(v -> v.path() + " " + v.rule())
        .contains("regions.csv line 4 duplicate-code");
  }

  @Test
  void parentCyclesAreRejectedOnce() {
    CodeStructure explicitParents = CodeStructure.patterned(
        PatternLevel.of("group", "[A-Z]"), PatternLevel.of("item", "[0-9]{2}"));
    SchemeDefinitionException e = csvProblems("""
        code,parent,label:en
        A,,Group
        10,11,Ten
        11,12,Eleven
        12,10,Twelve
        13,A,Thirteen
        """, explicitParents);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.CYCLE);
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).isEqualTo("parents form a cycle: 10 → 11 → 12 → 10");
    });
  }

  @Test
  void unreadableRowsAreReportedWithTheOtherProblems() {
    SchemeDefinitionException e = csvProblems("""
        code,parent,label:en
        N,,North
        N01,,"North, urban",extra
        N02,,"unterminated
        """, AREAS);
    assertThat(e.problems()).extracting(Problem::line, Problem::kind).containsExactly(
        tuple(3, Kind.SYNTAX), tuple(4, Kind.SYNTAX));
    assertThat(e.problems().get(0).message()).isEqualTo("the row has 4 fields, the header 3");
  }

  @Test
  void quotedFieldsMaySpanLinesAndLineNumbersFollowThePhysicalLines() {
    SchemeDefinitionException e = csvProblems("code,parent,label:en\r\nN,,\"North,\r\nthe cold part\"\r\nS1,,Bad\r\n", AREAS);
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
  }

  @Test
  void aSchemeWhoseOnlyCodeCouldNotBeReadIsNotAlsoReportedEmpty() {
    SchemeDefinitionException e = csvProblems("""
        code,label:en
        N,
        """, AREAS);
    assertThat(e.problems()).extracting(Problem::line, Problem::kind)
        .containsExactly(tuple(2, Kind.MISSING_FIELD));
  }

  @Test
  void csvLabelColumnsForOneLanguageTwiceAreAProblemOfTheHeader() {
    SchemeDefinitionException e = csvProblems("""
        code,label:zh,label:ZH
        N,北区,北区
        """, AREAS);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.kind()).isEqualTo(Kind.MISSING_FIELD);
      assertThat(p.message()).contains("two labels for language 'ZH'");
    });
  }

  @Test
  void csvHeaderProblemsNameTheHeadersLineAfterBlankLines() {
    assertThat(csvProblems("\n\ncode,parent\nN,\n", AREAS).problems())
        .extracting(Problem::line, Problem::kind).containsExactly(tuple(3, Kind.MISSING_FIELD));
    assertThat(csvProblems("\n\ncode,code,label:en\nN,N,North\n", AREAS).problems())
        .extracting(Problem::line, Problem::kind).containsExactly(tuple(3, Kind.SYNTAX));
    assertThat(csvProblems("\n\nkode,label:en\nN,North\n", AREAS).problems())
        .extracting(Problem::line, Problem::kind).containsExactly(tuple(3, Kind.MISSING_FIELD));
  }

  @Test
  void validityPeriodsAndSuccessorsAreChecked() {
    DimensionScheme.Builder builder = areas()
        .code("N", Labels.of("en", "North"))
        .add(new CodeDefinition.Builder().code("N01").labels(Labels.of("en", "x")).addSuccessors("N02").build())
        .add(new CodeDefinition.Builder().code("N03").labels(Labels.of("en", "y"))
            .retiredOn(LocalDate.of(2020, 1, 1)).addSuccessors("N09").build())
        .add(new CodeDefinition.Builder().code("S").labels(Labels.of("en", "South"))
            .retiredOn(LocalDate.of(2020, 1, 1)).build())
        .code("S01", Labels.of("en", "South, urban"));
    SchemeDefinitionException e = catchThrowableOfType(SchemeDefinitionException.class, builder::build);
    assertThat(e.problems()).extracting(Problem::location, Problem::kind).containsExactly(
        tuple("definition #2", Kind.BAD_VALIDITY),
        tuple("definition #3", Kind.BAD_SUCCESSOR),
        tuple("definition #5", Kind.RETIRED_PARENT));
  }

  @Test
  void successorsThatLeadBackInACycleAreRejected() {
    SchemeDefinitionException e = csvProblems("""
        code,label:en,retired_on,successors
        N,North,,
        N01,Urban,2020,N02
        N02,Rural,2021,N01
        N03,Coast,,
        """, AREAS);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.BAD_SUCCESSOR);
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).isEqualTo("successors form a cycle that reaches no code in force: N01 → N02 → N01");
    });
  }

  @Test
  void aCodeRetiredIntoACodeThatLaterReusesItIsNoCycle() {
    DimensionScheme scheme = areas().code("N", Labels.of("en", "North"))
        .add(new CodeDefinition.Builder().code("N01").labels(Labels.of("en", "Urban"))
            .retiredOn(LocalDate.of(2020, 1, 1)).addSuccessors("N02").build())
        .add(new CodeDefinition.Builder().code("N02").labels(Labels.of("en", "Rural"))
            .retiredOn(LocalDate.of(2021, 1, 1)).addSuccessors("N01").build())
        .add(new CodeDefinition.Builder().code("N01").labels(Labels.of("en", "Urban again"))
            .validFrom(LocalDate.of(2021, 1, 1)).build())
        .build();
    assertThat(scheme.resolve("N02").target().orElseThrow().labels()).isEqualTo(Labels.of("en", "Urban again"));
  }

  @Test
  void aNewVersionRetiresACodeAndItsCustomersFindTheSuccessor() {
    DimensionScheme v1 = areas().code("N", Labels.of("en", "North")).code("N01", Labels.of("en", "North, urban"))
        .code("N02", Labels.of("en", "North, rural")).build();
    DimensionScheme v2 = new DimensionScheme.Builder("sales-region", "2026").from(v1)
        .code("N03", Labels.of("en", "North, all rural"))
        .retire("N02", LocalDate.of(2026, 1, 1), "N03")
        .build();
    assertThat(v2.version()).isEqualTo("2026");
    assertThat(v2.codes()).extracting(DimensionCode::code).containsExactly("N", "N01", "N03");
    assertThat(v2.check("N02")).isInstanceOf(CodeCheck.Retired.class);
    assertThat(v2.resolve("N02").target().orElseThrow().code()).isEqualTo("N03");
    assertThat(v1.check("N02").isValid()).isTrue();
    assertThatThrownBy(() -> new DimensionScheme.Builder("sales-region", "2026").from(v1)
        .add(new CodeDefinition.Builder().code("N02").labels(Labels.of("en", "x")).build()).build())
        .isInstanceOf(SchemeDefinitionException.class).hasMessageContaining("duplicate-code");
    assertThatThrownBy(() -> new DimensionScheme.Builder("sales-region", "2026").from(v1)
        .retire("N09", LocalDate.of(2026, 1, 1)).build())
        .isInstanceOf(SchemeDefinitionException.class).hasMessageContaining("there is no code N09 in force to retire");
  }

  @Test
  void aSchemeWithCheckCharactersWritesAndChecksThem() {
    DimensionScheme scheme = areas().checkCharacters(CheckCharacters.MOD_37_2)
        .code("N", Labels.of("en", "North"))
        .code("N01", Labels.of("en", "North, urban"))
        .add(new CodeDefinition.Builder().code("N02").labels(Labels.of("en", "North, rural"))
            .retiredOn(LocalDate.of(2025, 1, 1)).addSuccessors("N01").build())
        .build();
    String n01 = "N01" + CheckCharacters.MOD_37_2.compute("N01");
    String n = "N" + CheckCharacters.MOD_37_2.compute("N");
    assertThat(scheme.check(n01).isValid()).isTrue();
    assertThat(scheme.find(n01).orElseThrow().parent()).contains(n);
    CodeCheck typo = scheme.check("N02" + CheckCharacters.MOD_37_2.compute("N01"));
    assertThat(typo).isInstanceOf(CodeCheck.BadCheckCharacter.class);
    assertThat(((CodeCheck.BadCheckCharacter) typo).expected()).isEqualTo(CheckCharacters.MOD_37_2.compute("N02"));
    String n02 = "N02" + CheckCharacters.MOD_37_2.compute("N02");
    assertThat(scheme.check(n02)).isInstanceOf(CodeCheck.Retired.class);
    assertThat(scheme.resolve(n02).target().orElseThrow().code()).isEqualTo(n01);
    assertThat(scheme.check("N01")).isInstanceOf(CodeCheck.Malformed.class);
  }

  @Test
  void anEmptyCodeIsMalformedEvenWhereTheStructureWouldTakeIt() {
    DimensionScheme.Builder builder = new DimensionScheme.Builder("free", "1").structure(CodeStructure.flat("item", ".*"))
        .checkCharacters(CheckCharacters.MOD_37_2)
        .code("", Labels.of("en", "Nothing"))
        .code("A", Labels.of("en", "A"));
    SchemeDefinitionException e = catchThrowableOfType(SchemeDefinitionException.class, builder::build);
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::location, Problem::kind)
        .containsExactly(tuple("definition #1", Kind.MALFORMED_CODE));
  }

  @Test
  void aJsonDefinitionNamesTheLineOfEachProblem() {
    String json = """
        {
          "id": "sales-region",
          "version": "2025",
          "structure": {"type": "prefixed", "segments": [
            {"level": "area", "width": 1, "characters": "A-Z"},
            {"level": "district", "width": 2, "characters": "0-9"}]},
          "codes": [
            {"code": "N", "labels": {"en": "North"}},
            {"code": "N01", "labels": {"en": "North, urban"}, "colour": "blue"},
            {"code": "N02"},
            {"code": "N03", "labels": {"en": "x"}, "retiredOn": "2024", "successors": ["N07"]}
          ]
        }
        """;
    SchemeDefinitionException e = catchThrowableOfType(SchemeDefinitionException.class,
        () -> DimensionScheme.fromJson(new StringReader(json), "regions.json"));
    assertThat(e.problems()).extracting(Problem::line, Problem::kind).containsExactly(
        tuple(9, Kind.SYNTAX),
        tuple(10, Kind.MISSING_FIELD),
        tuple(11, Kind.BAD_SUCCESSOR));
    assertThat(e.problems().get(0).message()).isEqualTo("unknown field 'colour'");
  }

  @Test
  void aJsonDefinitionBuildsTheWholeScheme() {
    String json = """
        {"id": "grade", "version": "3", "name": {"en": "Grade", "zh": "等级"},
         "structure": {"type": "separated", "separator": ".", "parts": [
            {"level": "band", "characters": "A-Z", "maxWidth": 2},
            {"level": "step", "characters": "0-9", "maxWidth": 2}]},
         "checkCharacters": "iso 7064 mod 37-2",
         "codes": [{"code": "A", "labels": {"en": "A band"}},
                   {"code": "A.1", "labels": {"en": "A1"}, "validFrom": "2020-03-01"}]}
        """;
    assertThatThrownBy(() -> DimensionScheme.fromJson(new StringReader(json.replace("iso 7064 mod 37-2", "acme")),
        "grade.json")).isInstanceOf(SchemeDefinitionException.class)
        .hasMessageContaining("unknown check-character system 'acme'; known: ISO 7064 MOD 11-2");
    // A check system must be able to check every character of a code, separators included.
    assertThatThrownBy(() -> DimensionScheme.fromJson(new StringReader(json), "grade.json", List.of(CheckCharacters.MOD_37_2)))
        .isInstanceOf(SchemeDefinitionException.class)
        .hasMessageContaining("grade.json line 7: code A.1: has '.', which ISO 7064 MOD 37-2 cannot check");
    DimensionScheme plain = DimensionScheme.fromJson(new StringReader(json.replace("\"checkCharacters\": \"iso 7064 mod 37-2\",", "")),
        "grade.json");
    assertThat(plain.find("A.1").orElseThrow().parent()).contains("A");
    assertThat(plain.find("A.1").orElseThrow().validFrom()).contains(LocalDate.of(2020, 3, 1));
  }

  @Test
  void lookupsOfUnknownCodesFailLoudlyAndChecksNameTheProblem() {
    DimensionScheme scheme = areas().code("N", Labels.of("en", "North")).build();
    assertThatThrownBy(() -> scheme.ancestors("Q")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Q is not a known area code");
    assertThatThrownBy(() -> scheme.check("N", "region")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no level 'region'");
    assertThat(scheme.check("n").describe()).isEqualTo("'n' is not a well-formed code: it segment 'area' (characters 1-1) has 'n', allowed are A-Z");
  }
}
