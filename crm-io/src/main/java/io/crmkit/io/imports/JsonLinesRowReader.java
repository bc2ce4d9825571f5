package io.crmkit.io.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines rows: each non-blank line one JSON object whose members are the row's columns.
 * Strings, numbers and booleans are values as written, null is no value, an array of such values
 * is one value per element joined by {@code ;} (the list separator of the CSV files); a nested
 * object, a line that is not a JSON object, has text after it or names a member twice, is a
 * problem of its row. The columns are the member
 * names in order of first appearance.
 */
final class JsonLinesRowReader extends AbstractRowReader {
  static final String LIST_SEPARATOR = ";";
  /** Strict: a member named twice is an error, not the last one winning. */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final BufferedReader lines;
  private final Set<String> columns = new LinkedHashSet<>();
  private long row;
  private long line;

  private JsonLinesRowReader(BufferedReader lines) {
    this.lines = lines;
  }

  static JsonLinesRowReader open(ImportSource source) throws IOException {
    return new JsonLinesRowReader(new BufferedReader(StrictText.open(source.file(), source.encoding()), 1 << 16));
  }

  @Override
  public List<String> columns() {
    return List.copyOf(columns);
  }

  @Override
  protected SourceRow read() {
    String text = readLine();
    while (text != null && text.isBlank()) {
      text = readLine();
    }
    if (text == null) {
      if (row == 0) {
        fileProblems.add(RowProblem.ofFile(0, "empty-file", "the file is empty: no rows"));
      }
      return null;
    }
    return toRow(text);
  }

  private String readLine() {
    try {
      String text = lines.readLine();
      if (text != null) {
        line++;
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("reading line " + (line + 1) + " failed: " + e.getMessage(), e);
    }
  }

  private SourceRow toRow(String text) {
    row++;
    List<RowProblem> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    if (StrictText.undecodable(text)) {
      problems.add(RowProblem.rejected(row, line, "", "undecodable",
          "bytes that are not valid in the file's encoding; declare the encoding the file was written in"));
      return new SourceRow(row, line, values, problems);
    }
    JsonNode node;
    try (JsonParser parser = JSON.createParser(text)) {
      try {
        node = JSON.readTree(parser);
      } catch (JsonProcessingException e) {
        String what = e.getOriginalMessage().startsWith("Duplicate") ? "a member is named twice" : "not valid JSON";
        problems.add(RowProblem.rejected(row, line, "", "json-syntax", what
            + (e.getLocation() == null ? "" : ", at column " + e.getLocation().getColumnNr())));
        return new SourceRow(row, line, values, problems);
      }
      long end = parser.currentLocation().getColumnNr();
      if (hasMore(parser)) {
        problems.add(RowProblem.rejected(row, line, "", "json-syntax",
            "text after the JSON value, which ends at column " + end));
        return new SourceRow(row, line, values, problems);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading line " + line + " failed: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      problems.add(RowProblem.rejected(row, line, "", "json-not-object", "the line is not a JSON object"));
      return new SourceRow(row, line, values, problems);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      columns.add(field.getKey());
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (value.isValueNode()) {
        values.put(field.getKey(), value.asText());
      } else if (value.isArray() && allValues(value)) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> {
          if (!item.isNull()) {
            items.add(item.asText());
          }
        });
        values.put(field.getKey(), String.join(LIST_SEPARATOR, items));
      } else {
        problems.add(RowProblem.rejected(row, line, field.getKey(), "json-nested",
            "a nested object or array of objects; a column holds a value or a list of values"));
      }
    }
    return new SourceRow(row, line, values, problems);
  }

  /** Whether anything but white space follows the value read: a token, or text that is none. */
  private static boolean hasMore(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean allValues(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
