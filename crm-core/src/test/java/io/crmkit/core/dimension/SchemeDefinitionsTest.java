package io.crmkit.core.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeDefinitionsTest {
  /** A valid definition whose line 9 is {@code CODE}. */
  private static final String REGIONS = """
      {
        "id": "sales-region",
        "version": "2025",
        "structure": {"type": "prefixed", "segments": [
          {"level": "area", "width": 1, "characters": "A-Z"},
          {"level": "district", "width": 2, "characters": "0-9"}]},
        "codes": [
          {"code": "N", "labels": {"en": "North"}},
          CODE
        ]
      }
      """;

  private static String regionsWith(String code) {
    return REGIONS.replace("CODE", code);
  }

  private static List<Problem> problems(String json) {
    SchemeDefinitionException e = catchThrowableOfType(SchemeDefinitionException.class,
        () -> SchemeDefinitions.fromJson(new StringReader(json), "regions.json"));
    assertThat(e).as("the definition is rejected").isNotNull();
    return e.problems();
  }

  @Test
  void theTemplateIsValid() {
    assertThat(SchemeDefinitions.fromJson(new StringReader(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\"}}")),
        "regions.json").codes()).hasSize(2);
  }

  @Test
  void contentAfterTheSchemeObjectIsASyntaxProblem() {
    String json = regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\"}}") + "{\"id\": \"other\"}\n";
    assertThat(problems(json)).extracting(Problem::line, Problem::kind)
        .containsExactly(tuple(12, Kind.SYNTAX));
  }

  @Test
  void aFieldGivenTwiceInOneObjectIsASyntaxProblemWithItsLine() {
    List<Problem> problems = problems(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\", \"en\": \"y\"}}"));
    assertThat(problems).extracting(Problem::line, Problem::kind).containsExactly(tuple(9, Kind.SYNTAX));
    assertThat(problems.get(0).message()).contains("'en'");
    assertThat(problems(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\"}}")
        .replace("\"version\": \"2025\",", "\"version\": \"2025\", \"version\": \"2026\",")))
        .extracting(Problem::line, Problem::kind).containsExactly(tuple(3, Kind.SYNTAX));
  }

  @Test
  void aNullLabelIsAProblemRatherThanTheWordNull() {
    assertThat(problems(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": null}}")))
        .extracting(Problem::line, Problem::kind).containsExactly(tuple(9, Kind.MISSING_FIELD));
  }

  @Test
  void aFractionalWidthIsAProblemNotTruncated() {
    List<Problem> problems = problems(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\"}}")
        .replace("\"width\": 1,", "\"width\": 1.9,"));
    assertThat(problems).extracting(Problem::line, Problem::kind)
        .containsExactly(tuple(4, Kind.MISSING_FIELD));
    assertThat(problems.get(0).message()).contains("'width'");
  }

  @Test
  void aBadDateIsABadValidityProblemAsInCsv() {
    assertThat(problems(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\"}, \"validFrom\": \"2020-13-01\"}")))
        .extracting(Problem::line, Problem::kind).containsExactly(tuple(9, Kind.BAD_VALIDITY));
  }

  @Test
  void unknownFieldsInsideTheStructureAreProblems() {
    String json = """
        {"id": "grade", "version": "3",
         "structure": {"type": "separated", "separator": ".", "parts": [
            {"level": "band", "characters": "A-Z", "maxWidth": 2, "minwidth": 2},
            {"level": "step", "characters": "0-9", "maxWidth": 2}]},
         "codes": [{"code": "A", "labels": {"en": "A band"}}]}
        """;
    List<Problem> problems = problems(json);
    assertThat(problems).extracting(Problem::line, Problem::kind).containsExactly(tuple(2, Kind.SYNTAX));
    assertThat(problems.get(0).message()).isEqualTo("unknown field 'minwidth' in structure part 1");
    assertThat(problems(regionsWith("{\"code\": \"N01\", \"labels\": {\"en\": \"x\"}}")
        .replace("\"type\": \"prefixed\",", "\"type\": \"prefixed\", \"padding\": \"0\","))
        .get(0).message()).isEqualTo("unknown field 'padding' in structure");
  }

  @Test
  void aStructuresOptionalWholeNumberIsReadStrictly() {
    String json = """
        {"id": "channel", "version": "1",
         "structure": {"type": "patterned", "levels": [
            {"level": "group", "pattern": "[A-Z]{2}"},
            {"level": "channel", "pattern": "[A-Z]{2}[0-9]", "parentPrefix": "two"}]},
         "codes": [{"code": "ON", "labels": {"en": "Online"}}]}
        """;
    List<Problem> problems = problems(json);
    assertThat(problems).extracting(Problem::line, Problem::kind)
        .containsExactly(tuple(2, Kind.MISSING_FIELD));
    assertThat(problems.get(0).message()).contains("'parentPrefix'");
  }
}
