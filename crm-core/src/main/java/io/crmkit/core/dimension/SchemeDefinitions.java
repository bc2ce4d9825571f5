package io.crmkit.core.dimension;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.checkdigit.CheckCharacterSystem;
import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.dimension.CodeStructure.PatternLevel;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads whole scheme definitions from JSON, for {@link DimensionScheme#fromJson}, which documents
 * the format. Reads the JSON as a stream of tokens so that every problem names its line, and
 * collects every problem before failing.
 */
final class SchemeDefinitions {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SCHEME_FIELDS = Set.of("id", "version", "name", "structure", "checkCharacters", "codes");
  private static final Set<String> CODE_FIELDS =
      Set.of("code", "labels", "parent", "level", "validFrom", "retiredOn", "successors");

  private SchemeDefinitions() {}

  /** {@link DimensionScheme#fromJson(Reader, String)}. */
  static DimensionScheme fromJson(Reader reader, String source) {
    return fromJson(reader, source, CheckCharacters.all());
  }

  /** {@link DimensionScheme#fromJson(Reader, String, Collection)}. */
  static DimensionScheme fromJson(Reader reader, String source, Collection<? extends CheckCharacterSystem> systems) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(systems, "systems");
    List<Problem> problems = new ArrayList<>();
    Map<String, Located> fields = new LinkedHashMap<>();
    List<Located> codes = new ArrayList<>();
    try (JsonParser parser = MAPPER.createParser(reader)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // else the last of two fields wins unseen
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problems.add(problem(source, line(parser), "", Kind.SYNTAX, "a scheme definition is a JSON object"));
      } else {
        readScheme(parser, source, fields, codes, problems);
        if (parser.nextToken() != null) {
          problems.add(problem(source, line(parser), "", Kind.SYNTAX, "content after the scheme's closing '}'"));
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(problem(source, line, "", Kind.SYNTAX, "not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    String id = text(fields, "id", source, problems);
    String version = text(fields, "version", source, problems);
    Located structureField = fields.get("structure");
    if (structureField == null && problems.stream().noneMatch(p -> p.kind() == Kind.SYNTAX)) {
      problems.add(problem(source, 1, "", Kind.MISSING_FIELD, "no 'structure'"));
    }
    if (id == null || version == null || structureField == null) {
      throw new SchemeDefinitionException(id != null ? id : source, problems);
    }
    DimensionScheme.Builder builder = new DimensionScheme.Builder(id, version);
    problems.forEach(p -> builder.readProblem(p.location(), p.line(), p.code(), p.kind(), p.message()));
    fields.forEach((name, field) -> {
      if (!SCHEME_FIELDS.contains(name)) {
        builder.readProblem(at(source, field.line()), field.line(), "", Kind.SYNTAX, "unknown field '" + name + "'");
      }
    });
    List<String> unknownInStructure = new ArrayList<>();
    try {
      builder.structure(structure(structureField.node(), unknownInStructure));
    } catch (IllegalArgumentException e) {
      builder.readProblem(at(source, structureField.line()), structureField.line(), "", Kind.MISSING_FIELD,
          "structure: " + e.getMessage());
      builder.structure(CodeStructure.flat("unusable", ".*"));
    }
    unknownInStructure.forEach(message -> builder.readProblem(at(source, structureField.line()), structureField.line(),
        "", Kind.SYNTAX, message));
    Located name = fields.get("name");
    if (name != null) {
      try {
        builder.name(labels(name.node()));
      } catch (IllegalArgumentException e) {
        builder.readProblem(at(source, name.line()), name.line(), "", Kind.MISSING_FIELD, "name: " + e.getMessage());
      }
    }
    Located check = fields.get("checkCharacters");
    if (check != null) {
      String wanted = check.node().asText();
      systems.stream().filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst().ifPresentOrElse(builder::checkCharacters,
          () -> builder.readProblem(at(source, check.line()), check.line(), "", Kind.MISSING_FIELD,
              "unknown check-character system '" + wanted + "'; known: "
                  + systems.stream().map(CheckCharacterSystem::name).collect(Collectors.joining(", "))));
    }
    for (Located code : codes) {
      addCode(builder, source, code);
    }
    return builder.build();
  }

  private static void readScheme(JsonParser parser, String source, Map<String, Located> fields, List<Located> codes,
      List<Problem> problems) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      int line = line(parser);
      if (!field.equals("codes")) {
        fields.put(field, new Located(parser.readValueAsTree(), line));
        continue;
      }
      if (value != JsonToken.START_ARRAY) {
        problems.add(problem(source, line, "", Kind.SYNTAX, "'codes' is a JSON array of code objects"));
        parser.skipChildren();
        continue;
      }
      JsonToken element;
      while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
        int elementLine = line(parser);
        if (element == JsonToken.START_OBJECT) {
          codes.add(new Located(parser.readValueAsTree(), elementLine));
        } else {
          problems.add(problem(source, elementLine, "", Kind.SYNTAX, "each code is a JSON object"));
          parser.skipChildren();
        }
      }
    }
  }

  private static void addCode(DimensionScheme.Builder builder, String source, Located located) {
    JsonNode node = located.node();
    String location = at(source, located.line());
    String code = node.path("code").isValueNode() ? node.path("code").asText().strip() : "";
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!CODE_FIELDS.contains(name)) {
        builder.readProblem(location, located.line(), code, Kind.SYNTAX, "unknown field '" + name + "'");
      }
    }
    if (code.isEmpty()) {
      builder.readProblem(location, located.line(), "", Kind.MISSING_FIELD, "a code object needs a 'code'");
      return;
    }
    CodeDefinition.Builder definition = new CodeDefinition.Builder().code(code);
    try {
      optionalText(node, "validFrom").map(SchemeChecks::parseDate).ifPresent(definition::validFrom);
      optionalText(node, "retiredOn").map(SchemeChecks::parseDate).ifPresent(definition::retiredOn);
    } catch (IllegalArgumentException e) {
      builder.readProblem(location, located.line(), code, Kind.BAD_VALIDITY, e.getMessage());
      return;
    }
    try {
      definition.labels(labels(node.path("labels")));
      optionalText(node, "parent").ifPresent(definition::parent);
      optionalText(node, "level").ifPresent(definition::level);
      JsonNode successors = node.path("successors");
      if (successors.isArray()) {
        successors.forEach(s -> definition.addSuccessors(s.asText()));
      } else if (!successors.isMissingNode() && !successors.isNull()) {
        definition.addSuccessors(successors.asText().split(";"));
      }
    } catch (IllegalArgumentException e) {
      builder.readProblem(location, located.line(), code, Kind.MISSING_FIELD, e.getMessage());
      return;
    }
    builder.add(definition.build(), location, located.line());
  }

  /** The structure of {@code node}; fields it does not know are added to {@code unknown}. */
  private static CodeStructure structure(JsonNode node, List<String> unknown) {
    String type = required(node, "type").toLowerCase(Locale.ROOT);
    switch (type) {
      case "padded": {
        checkFields(node, "structure", unknown, "type", "padding", "segments");
        String padding = required(node, "padding");
        if (padding.length() != 1) {
          throw new IllegalArgumentException("'padding' is one character, got '" + padding + "'");
        }
        return CodeStructure.padded(padding.charAt(0), segments(node, unknown));
      }
      case "prefixed":
        checkFields(node, "structure", unknown, "type", "segments");
        return CodeStructure.prefixed(segments(node, unknown));
      case "separated": {
        checkFields(node, "structure", unknown, "type", "separator", "parts");
        List<CodeStructure.Part> parts = new ArrayList<>();
        for (JsonNode part : array(node, "parts")) {
          checkFields(part, "structure part " + (parts.size() + 1), unknown,
              "level", "characters", "minWidth", "maxWidth");
          int max = requiredInt(part, "maxWidth");
          parts.add(new CodeStructure.Part(required(part, "level"), CharacterRanges.expand(required(part, "characters")),
              optionalInt(part, "minWidth", 1), max));
        }
        return CodeStructure.separated(required(node, "separator"), parts.toArray(CodeStructure.Part[]::new));
      }
      case "patterned": {
        checkFields(node, "structure", unknown, "type", "levels");
        List<PatternLevel> levels = new ArrayList<>();
        for (JsonNode level : array(node, "levels")) {
          checkFields(level, "structure level " + (levels.size() + 1), unknown, "level", "pattern", "parentPrefix");
          levels.add(new PatternLevel(required(level, "level"), required(level, "pattern"),
              optionalInt(level, "parentPrefix", 0)));
        }
        return CodeStructure.patterned(levels.toArray(PatternLevel[]::new));
      }
      case "flat":
        checkFields(node, "structure", unknown, "type", "level", "pattern");
        return CodeStructure.flat(required(node, "level"), required(node, "pattern"));
      default:
        throw new IllegalArgumentException("unknown type '" + type + "'; use padded, prefixed, separated, patterned or flat");
    }
  }

  private static CodeStructure.Segment[] segments(JsonNode node, List<String> unknown) {
    List<CodeStructure.Segment> segments = new ArrayList<>();
    for (JsonNode segment : array(node, "segments")) {
      checkFields(segment, "structure segment " + (segments.size() + 1), unknown, "level", "width", "characters");
      segments.add(CodeStructure.segment(required(segment, "level"), requiredInt(segment, "width"),
          required(segment, "characters")));
    }
    return segments.toArray(CodeStructure.Segment[]::new);
  }

  private static Labels labels(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      throw new IllegalArgumentException("'labels' is an object of language tag to text, with at least one");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (!e.getValue().isTextual()) { // asText() would make null or 3 a label
        throw new IllegalArgumentException("the label for '" + e.getKey() + "' is not text");
      }
      texts.put(e.getKey(), e.getValue().asText());
    });
    return new Labels(texts);
  }

  private static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray() || value.isEmpty()) {
      throw new IllegalArgumentException("'" + field + "' is a non-empty array");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
    return value.asText();
  }

  private static int requiredInt(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) { // canConvertToInt alone takes 1.9 as 1
      throw new IllegalArgumentException("'" + field + "' is a required whole number");
    }
    return value.asInt();
  }

  private static int optionalInt(JsonNode node, String field, int otherwise) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return otherwise;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException("'" + field + "' is a whole number");
    }
    return value.asInt();
  }

  /** Adds a problem to {@code unknown} for each field of {@code node} that is not {@code known}. */
  private static void checkFields(JsonNode node, String what, List<String> unknown, String... known) {
    Set<String> fields = Set.of(known);
    node.fieldNames().forEachRemaining(name -> {
      if (!fields.contains(name)) {
        unknown.add("unknown field '" + name + "' in " + what);
      }
    });
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException("'" + field + "' is text");
    }
    return Optional.of(value.asText().strip()).filter(s -> !s.isEmpty());
  }

  private static String text(Map<String, Located> fields, String name, String source, List<Problem> problems) {
    Located field = fields.get(name);
    if (field == null || !field.node().isValueNode() || field.node().asText().isBlank()) {
      if (problems.stream().noneMatch(p -> p.kind() == Kind.SYNTAX)) {
        int line = field == null ? 1 : field.line();
        problems.add(problem(source, line, "", Kind.MISSING_FIELD, "no '" + name + "' text"));
      }
      return null;
    }
    return field.node().asText().strip();
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static String at(String source, int line) {
    return source + " line " + line;
  }

  private static Problem problem(String source, int line, String code, Kind kind, String message) {
    return new Problem(at(source, line), line, code, kind, message);
  }

  private record Located(JsonNode node, int line) {}
}
