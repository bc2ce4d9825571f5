package io.crmkit.examples.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to read one customer file, as far as it is given: the JSON of {@code --mapping}, or the
 * options of the command line. Every part may be missing ({@code null}); {@link #over} lays one
 * over another and {@link InputSpec#from} fills in the defaults. A mapping file looks like
 *
 * <pre>{@code
 * {"encoding": "GBK", "dateFormat": "yyyyMMdd", "personValues": ["个人"], "organisationValues": ["企业"],
 *  "columns": {"id": "客户编号", "fullName": "客户名称", "kind": "客户类型", "phones": ["手机", "电话"]}}
 * }</pre>
 *
 * @param encoding the character set of the file (UTF-8, GBK, ...); a byte-order mark wins
 * @param delimiter the field delimiter, one character or {@code \t}/{@code tab}
 * @param quote the quote character
 * @param header whether the first line names the columns
 * @param columns each part's columns, by header name or, without a header, by 1-based number
 * @param kind the kind of every record, when the file has no kind column
 * @param personValues the kind column's values that mean a person
 * @param organisationValues the kind column's values that mean an organisation
 * @param dateFormat the birth date's pattern, as {@link java.time.format.DateTimeFormatter} writes it
 * @param source the source system of every record, when no column gives it
 * @param idPrefix put before every id, to keep the ids of two files apart
 */
record MappingFile(String encoding, String delimiter, String quote, Boolean header, Map<String, List<String>> columns,
    String kind, List<String> personValues, List<String> organisationValues, String dateFormat, String source,
    String idPrefix) {

  /** Nothing given. */
  static final MappingFile EMPTY = new MappingFile(null, null, null, null, Map.of(), null, null, null, null, null, null);

  MappingFile {
    columns = columns == null ? Map.of() : copy(columns);
  }

  /**
   * Reads a mapping file.
   *
   * @throws CliException bad input if the file is missing or unreadable, usage if it is not a mapping
   */
  static MappingFile read(Path file) {
    // Bytes, not a string: Jackson detects the Unicode encoding and skips a byte-order mark.
    try (InputStream in = Files.newInputStream(file)) {
      return Json.MAPPER.readValue(in, MappingFile.class);
    } catch (NoSuchFileException e) {
      throw CliException.badInput(file + ": no such mapping file");
    } catch (UnrecognizedPropertyException e) {
      throw CliException.usage(file + ": not a mapping: no property \"" + e.getPropertyName() + "\"; the properties are "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    } catch (JacksonException e) {
      throw CliException.usage(file + ": not a mapping (" + e.getOriginalMessage() + ", line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw CliException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Parses {@code --column} values, {@code field=column} or {@code field=column1,column2}; a field
   * given twice takes the columns of both.
   *
   * @throws CliException usage if a value has no {@code =} or names no column
   */
  static Map<String, List<String>> parseColumns(List<String> options) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String option : options) {
      int equals = option.indexOf('=');
      if (equals <= 0 || option.substring(equals + 1).isBlank()) {
        throw CliException.usage("--column " + option + ": write field=column, for example --column fullName=客户名称");
      }
      List<String> names = new ArrayList<>();
      for (String name : option.substring(equals + 1).split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
      columns.computeIfAbsent(option.substring(0, equals).strip(), key -> new ArrayList<>()).addAll(names);
    }
    return columns;
  }

  /** This mapping where it says something, {@code base} elsewhere; a field's columns come whole from one of them. */
  MappingFile over(MappingFile base) {
    Map<String, List<String>> merged = new LinkedHashMap<>(base.columns);
    merged.putAll(columns);
    return new MappingFile(
        either(encoding, base.encoding), either(delimiter, base.delimiter), either(quote, base.quote),
        either(header, base.header), merged, either(kind, base.kind), either(personValues, base.personValues),
        either(organisationValues, base.organisationValues), either(dateFormat, base.dateFormat),
        either(source, base.source), either(idPrefix, base.idPrefix));
  }

  /** What a second file keeps of this mapping when it has none of its own: all but its source and id prefix. */
  MappingFile withoutFileIdentity() {
    return new MappingFile(encoding, delimiter, quote, header, columns, kind, personValues, organisationValues,
        dateFormat, null, null);
  }

  private static <T> T either(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> columns) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    columns.forEach((field, names) -> copy.put(field,
        names == null ? List.of() : names.stream().filter(Objects::nonNull).toList()));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The JSON reader, built on first use: Jackson's set-up loads some 300 classes, which a run with
   * options alone (no {@code --mapping}) should not pay for at start.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
