package io.crmkit.core.dimension;

import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CSV code list into a {@link DimensionScheme.Builder}: the first record is the header,
 * each further record one code. A record that cannot be used becomes a problem with its file and
 * line, which the builder reports together with every other problem; the other records are still
 * read, so one load shows everything wrong with a file.
 */
final class CsvCodeList implements CsvRecords.Visitor {
  private final DimensionScheme.Builder builder;
  private final String source;
  private final CsvLayout layout;
  private List<String> header;
  /** Whether the header names the code and label columns, so that rows can be read. */
  private boolean usable;
  private int code;
  private Map<String, Integer> labels;
  private Integer parent;
  private Integer level;
  private Integer validFrom;
  private Integer retiredOn;
  private Integer successors;

  private CsvCodeList(DimensionScheme.Builder builder, String source, CsvLayout layout) {
    this.builder = builder;
    this.source = source;
    this.layout = layout;
  }

  /**
   * Adds every code of {@code reader} (not closed) to {@code builder}.
   *
   * @throws UncheckedIOException if reading fails
   */
  static void read(DimensionScheme.Builder builder, Reader reader, String source, CsvLayout layout) {
    CsvCodeList list = new CsvCodeList(builder, source, layout);
    try {
      CsvRecords.read(reader, layout.delimiter(), list);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + source, e.getCause());
    }
    if (list.header == null) {
      list.problem(1, "", Kind.MISSING_FIELD, "the file is empty; it needs a header row");
    }
  }

  @Override
  public void record(long recordLine, List<String> fields) {
    int line = Math.toIntExact(recordLine);
    if (header == null) {
      readHeader(fields, line);
    } else if (usable) {
      readCode(fields, line);
    }
  }

  @Override
  public void unreadable(long recordLine, String message) {
    int line = Math.toIntExact(recordLine);
    if (header == null) {
      header = List.of();
      problem(line, "", Kind.SYNTAX, "the header row cannot be read: " + message);
    } else {
      problem(line, "", Kind.SYNTAX, message);
    }
  }

  private void readHeader(List<String> fields, int line) {
    header = fields;
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      if (columns.putIfAbsent(fields.get(i).strip(), i) != null) {
        problem(line, "", Kind.SYNTAX, "column '" + fields.get(i).strip() + "' appears twice in the header");
      }
    }
    Integer codeColumn = columns.get(layout.codeColumn());
    if (codeColumn == null) {
      problem(line, "", Kind.MISSING_FIELD, "no '" + layout.codeColumn() + "' column in the header " + fields);
      return;
    }
    labels = labelColumns(columns, line);
    if (labels.isEmpty()) {
      return;
    }
    code = codeColumn;
    parent = layout.parentColumn().map(columns::get).orElse(null);
    level = layout.levelColumn().map(columns::get).orElse(null);
    validFrom = layout.validFromColumn().map(columns::get).orElse(null);
    retiredOn = layout.retiredOnColumn().map(columns::get).orElse(null);
    successors = layout.successorsColumn().map(columns::get).orElse(null);
    usable = true;
  }

  private void readCode(List<String> row, int line) {
    if (row.size() != header.size()) {
      problem(line, "", Kind.SYNTAX, "the row has " + row.size() + " fields, the header " + header.size());
      return;
    }
    String text = row.get(code).strip();
    if (text.isEmpty()) {
      problem(line, "", Kind.MISSING_FIELD, "the row has no code");
      return;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    labels.forEach((tag, column) -> {
      String label = row.get(column).strip();
      if (!label.isEmpty()) {
        texts.put(tag, label);
      }
    });
    if (texts.isEmpty()) {
      problem(line, text, Kind.MISSING_FIELD, "has no label");
      return;
    }
    CodeDefinition.Builder definition = new CodeDefinition.Builder().code(text).labels(new Labels(texts));
    cell(row, parent).ifPresent(definition::parent);
    cell(row, level).ifPresent(definition::level);
    try {
      cell(row, validFrom).map(SchemeChecks::parseDate).ifPresent(definition::validFrom);
      cell(row, retiredOn).map(SchemeChecks::parseDate).ifPresent(definition::retiredOn);
    } catch (IllegalArgumentException e) {
      problem(line, text, Kind.BAD_VALIDITY, e.getMessage());
      return;
    }
    cell(row, successors).ifPresent(list -> {
      for (String successor : list.split(";")) {
        if (!successor.isBlank()) {
          definition.addSuccessors(successor.strip());
        }
      }
    });
    builder.add(definition.build(), source + " line " + line, line);
  }

  /** Language tag to column; empty, with the problems reported, if the header has no usable ones. */
  private Map<String, Integer> labelColumns(Map<String, Integer> columns, int line) {
    Map<String, Integer> found = new LinkedHashMap<>();
    if (layout.labelColumns().isEmpty()) {
      for (String column : header) {
        String name = column.strip();
        if (name.startsWith(CsvLayout.LABEL_PREFIX)) {
          found.put(name.substring(CsvLayout.LABEL_PREFIX.length()), columns.get(name));
        }
      }
      if (found.isEmpty()) {
        problem(line, "", Kind.MISSING_FIELD, "no label column (" + CsvLayout.LABEL_PREFIX
            + "<language>) in the header " + header);
      }
    } else {
      layout.labelColumns().forEach((tag, column) -> {
        Integer index = columns.get(column);
        if (index == null) {
          problem(line, "", Kind.MISSING_FIELD, "no label column '" + column + "' in the header " + header);
        } else {
          found.put(tag, index);
        }
      });
    }
    boolean languages = true;
    for (String tag : found.keySet()) {
      try {
        Labels.of(tag, "-");
      } catch (IllegalArgumentException e) {
        problem(line, "", Kind.MISSING_FIELD, "label column for '" + tag + "': " + e.getMessage());
        languages = false;
      }
    }
    if (languages && !found.isEmpty()) {
      Map<String, String> probe = new LinkedHashMap<>();
      found.keySet().forEach(tag -> probe.put(tag, "-"));
      try {
        new Labels(probe); // tags differing in case only (zh, ZH) name one language: every row would fail
      } catch (IllegalArgumentException e) {
        problem(line, "", Kind.MISSING_FIELD, "label columns: " + e.getMessage());
        languages = false;
      }
    }
    boolean complete = layout.labelColumns().isEmpty() || found.size() == layout.labelColumns().size();
    return languages && complete ? found : Map.of();
  }

  private static Optional<String> cell(List<String> row, Integer column) {
    return column == null ? Optional.empty() : Optional.of(row.get(column).strip()).filter(s -> !s.isEmpty());
  }

  private void problem(int line, String code, Kind kind, String message) {
    builder.readProblem(source + " line " + line, line, code, kind, message);
  }
}
