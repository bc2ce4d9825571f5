package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvCodeListTest {
  private static final CodeStructure AREAS = CodeStructure.prefixed(
      CodeStructure.segment("area", 1, "A-Z"), CodeStructure.segment("district", 2, "0-9"));

  private static DimensionScheme.Builder load(String csv, CsvLayout layout) {
    return new DimensionScheme.Builder("sales-region", "2025").structure(AREAS)
        .codesFromCsv(new StringReader(csv), "regions.csv", layout);
  }

  private static List<Problem> problems(String csv, CsvLayout layout) {
    return catchThrowableOfType(SchemeDefinitionException.class, load(csv, layout)::build).problems();
  }

  @Test
  void aSpreadsheetExportWithAByteOrderMarkSemicolonsAndItsOwnColumnNamesLoads() {
    CsvLayout layout = CsvLayout.standard().withCode("Code").withParent("Parent").withLabel("zh", "名称")
        .withLabel("en", "Name").withDelimiter(';');
    DimensionScheme scheme = load("\uFEFFCode;Parent;名称;Name;Note\r\n"
        + "N;;北区;North;\r\n"
        + "N01;N;\"北区; 城区\";\"North; urban\";\"two\r\nlines\"\r\n", layout).build();
    assertThat(scheme.codes()).extracting(DimensionCode::code).containsExactly("N", "N01");
    assertThat(scheme.label("N01", Locale.CHINESE)).contains("北区; 城区");
    assertThat(scheme.label("N01", Locale.ENGLISH)).contains("North; urban");
  }

  @Test
  void validityAndSuccessorColumnsAreRead() {
    DimensionScheme scheme = load("""
        code,label:en,valid_from,retired_on,successors
        N,North,,,
        N01,Urban,2001,2020-07-01,N02[2021]
        N02,Rural,2020-07-01,,
        """, CsvLayout.standard()).build();
    DimensionCode retired = scheme.find("N01").orElseThrow();
    assertThat(retired.validFrom()).contains(LocalDate.of(2001, 1, 1));
    assertThat(retired.retiredOn()).contains(LocalDate.of(2020, 7, 1));
    assertThat(retired.successors()).containsExactly(new DimensionCode.Successor("N02", LocalDate.of(2021, 1, 1)));
  }

  @Test
  void aCharacterAfterAClosingQuoteIsASyntaxProblemOfItsLineAndTheRowsBeforeItAreStillChecked() {
    List<Problem> problems = problems("""
        code,parent,label:en
        N1,,Bad width
        N01,,"North"x
        N02,,North rural
        """, CsvLayout.standard());
    assertThat(problems).extracting(Problem::line, Problem::kind)
        .containsExactly(tuple(2, Kind.MALFORMED_CODE), tuple(3, Kind.SYNTAX));
    assertThat(problems.get(1).location()).isEqualTo("regions.csv line 3");
    assertThat(problems.get(1).message()).startsWith("not valid CSV, so nothing after it is read: ");
  }

  @Test
  void anEmptyFileAndAnUnreadableHeaderAreProblemsOfTheFile() {
    assertThat(problems("\n\n", CsvLayout.standard())).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.kind()).isEqualTo(Kind.MISSING_FIELD);
      assertThat(p.message()).isEqualTo("the file is empty; it needs a header row");
    });
    assertThat(problems("\ncode,\"label:en\n", CsvLayout.standard())).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.kind()).isEqualTo(Kind.SYNTAX);
      assertThat(p.message()).startsWith("the header row cannot be read: not valid CSV");
    });
  }

  @Test
  void aLabelColumnTheLayoutNamesButTheHeaderLacksIsOneProblemNotOnePerRow() {
    List<Problem> problems = problems("""
        code,name
        N,North
        S,South
        """, CsvLayout.standard().withLabel("en", "name").withLabel("zh", "名称"));
    assertThat(problems).extracting(Problem::line, Problem::kind, Problem::message)
        .containsExactly(tuple(1, Kind.MISSING_FIELD, "no label column '名称' in the header [code, name]"));
  }
}
