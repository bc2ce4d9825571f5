package io.crmkit.io.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which source column feeds which model field, with the transforms its values go through: built
 * in code or read from a small JSON or YAML file, so that a company's export needs no code.
 *
 * <pre>{@code
 * ColumnMapping mapping = ColumnMapping.builder()
 *     .column("客户编号", "id")
 *     .column("姓名", "fullName", "trim")
 *     .column("电话", "phone", "split:;")
 *     .column("生日", "birthDate", "date:yyyyMMdd")
 *     .column("行业", "attribute:industry")
 *     .unknownColumns(ColumnMapping.UnknownColumns.REPORT)
 *     .build();
 * }</pre>
 *
 * <p>The file form is the same in JSON and YAML ({@code .yaml}/{@code .yml} is read as YAML):
 *
 * <pre>{@code
 * {"columns": [{"column": "客户编号", "field": "id"},
 *              {"column": "电话", "field": "phone", "transforms": ["split:;"]}],
 *  "unknownColumns": "attributes", "phoneRegion": "CN", "country": "CN"}
 * }</pre>
 *
 * <p>Fields ({@link #FIELDS}): {@code id} (the external reference in the import's system; without
 * it the row number is the reference), {@code kind} (person or organisation; without it an
 * organisation is a row with a legal name), person names ({@code fullName}, split by the core's
 * standardiser, or {@code familyName} and {@code givenName}), {@code legalName}, {@code displayName},
 * {@code identifier} (a credit code, D-U-N-S or resident identity number, told apart by its check),
 * {@code phone}, {@code email}, {@code tag} (each value its own), the address ({@code addressLine},
 * {@code region}, {@code city}, {@code district}, {@code street}, {@code postcode}, {@code country},
 * {@code regionCode}), {@code birthDate} (ISO unless a {@code date:} transform says otherwise),
 * {@code owner}, and {@code attribute:NAME}, a custom attribute. Several columns on one field give
 * several values (phones) or are joined by a space (street parts). Immutable.
 */
public final class ColumnMapping {
  /** The model fields a column can be mapped to, besides {@code attribute:NAME}. */
  public static final Set<String> FIELDS = Set.of("id", "kind", "fullName", "familyName", "givenName", "legalName",
      "displayName", "identifier", "phone", "email", "tag", "addressLine", "region", "city", "district", "street",
      "postcode", "country", "regionCode", "birthDate", "owner");
  /** The prefix of a custom attribute's field name. */
  public static final String ATTRIBUTE = "attribute:";

  private static final String EMPTY_FILE = "empty-file";

  /** The JSON Lines objects {@link #byName} reads for the members to map. */
  public static final int NAMED_SAMPLE = 10_000;

  /** What happens to a column the mapping does not name. */
  public enum UnknownColumns {
    /** It becomes a text custom attribute named after the column (made a valid attribute name). */
    ATTRIBUTES,
    /** It is left out, and the report says so once. */
    REPORT,
    /** It is left out silently. */
    IGNORE;

    /**
     * The rule {@code text} names, ignoring case.
     *
     * @param setting what the text was given as, for the message
     * @throws IllegalArgumentException naming the setting and the allowed values
     */
    public static UnknownColumns parse(String text, String setting) {
      Require.notNull(text, setting);
      for (UnknownColumns rule : values()) {
        if (rule.name().equalsIgnoreCase(text.strip())) {
          return rule;
        }
      }
      throw new IllegalArgumentException(setting + " is attributes, report or ignore, not '" + text + "'");
    }
  }

  /** One mapped column. */
  record Column(String column, String field, List<Transform> transforms) {}

  private final List<Column> columns;
  private final UnknownColumns unknownColumns;
  private final String phoneRegion;
  private final String country;

  private ColumnMapping(Builder b) {
    this.columns = List.copyOf(b.columns);
    this.unknownColumns = b.unknownColumns;
    this.phoneRegion = b.phoneRegion;
    this.country = b.country;
  }

  /** A builder: no columns, unknown columns reported, phones and addresses of China. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a mapping from a JSON file, or a YAML file if its name ends in {@code .yaml} or
   * {@code .yml}.
   *
   * @throws IllegalArgumentException if the file is not a mapping (unknown member, field or
   *     transform), naming the file and what is wrong
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ColumnMapping read(Path file) {
    Require.notNull(file, "file");
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new ObjectMapper(new YAMLFactory())
        : new ObjectMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    MappingFile parsed;
    try (InputStream in = Files.newInputStream(file)) {
      parsed = mapper.readValue(in, MappingFile.class);
    } catch (UnrecognizedPropertyException e) {
      boolean entry = e.getReferringClass() == ColumnEntry.class;
      throw new IllegalArgumentException(file.getFileName() + ": unknown member \"" + e.getPropertyName() + "\""
          + (entry ? " in " + path(e, 1) : "") + "; a " + (entry ? "column entry has column, field, transforms"
              : "mapping has columns, unknownColumns, phoneRegion, country"), e);
    } catch (MismatchedInputException e) {
      throw new IllegalArgumentException(file.getFileName() + " is not a column mapping: "
          + (e.getPath().isEmpty() ? "it is not an object" : path(e, 0) + " has the wrong form")
          + " (line " + e.getLocation().getLineNr() + ")", e);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file.getFileName() + " is not a column mapping: not valid "
          + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON")
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
    }
    try {
      return parsed.toMapping();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A mapping by name: every column of {@code source} (its CSV header, or the members of the JSON
   * objects of its first {@value #NAMED_SAMPLE} lines) named like a field, ignoring case, {@code _} and {@code -} ({@code full_name} is
   * {@code fullName}, {@code birth_date} {@code birthDate}), is mapped to it; {@code phone},
   * {@code email} and {@code tag} columns are split at {@code ;}, so one cell may hold several.
   *
   * @throws UnreadableFileException if the file is empty
   * @throws IllegalArgumentException if no column is named like a field, listing the columns
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ColumnMapping byName(ImportSource source, UnknownColumns unknownColumns) {
    Require.notNull(source, "source");
    Require.notNull(unknownColumns, "unknownColumns");
    List<String> header;
    try (RowReader reader = RowReader.open(source)) {
      // A CSV header is known after one row; JSON objects may each leave members out.
      int rows = source.format() == ImportSource.Format.JSON_LINES ? NAMED_SAMPLE : 1;
      for (int i = 0; i < rows && reader.hasNext(); i++) {
        reader.next();
      }
      header = reader.columns();
      if (header.isEmpty() && reader.fileProblems().stream().anyMatch(p -> p.rule().equals(EMPTY_FILE))) {
        throw new UnreadableFileException("the file is empty");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    FIELDS.forEach(field -> fields.put(folded(field), field));
    Builder builder = builder().unknownColumns(unknownColumns);
    boolean any = false;
    for (String column : header) {
      String field = fields.get(folded(column));
      if (field != null) {
        any = true;
        if (field.equals("phone") || field.equals("email") || field.equals("tag")) {
          builder.column(column, field, "split:;");
        } else {
          builder.column(column, field);
        }
      }
    }
    Require.argument(any, "no column is named like a field (%s); give a mapping. The columns are %s",
        String.join(", ", FIELDS.stream().sorted().toList()), header);
    return builder.build();
  }

  /** Where in the mapping file Jackson stopped, as {@code columns[0].field}, less the last {@code skip} steps. */
  private static String path(JsonMappingException e, int skip) {
    StringBuilder out = new StringBuilder();
    List<JsonMappingException.Reference> steps = e.getPath();
    for (JsonMappingException.Reference step : steps.subList(0, Math.max(0, steps.size() - skip))) {
      if (step.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        out.append('[').append(step.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String folded(String name) {
    return name.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** The mapping file's members, as Jackson reads them. */
  record MappingFile(List<ColumnEntry> columns, String unknownColumns, String phoneRegion, String country) {
    ColumnMapping toMapping() {
      Builder builder = builder();
      if (columns == null || columns.isEmpty()) {
        throw new IllegalArgumentException("no columns: give \"columns\": [{\"column\": ..., \"field\": ...}]");
      }
      for (ColumnEntry entry : columns) {
        if (entry == null || entry.column() == null || entry.field() == null) {
          throw new IllegalArgumentException("every column entry needs \"column\" and \"field\"");
        }
        builder.column(entry.column(), entry.field(),
            entry.transforms() == null ? new String[0] : entry.transforms().toArray(String[]::new));
      }
      if (unknownColumns != null) {
        builder.unknownColumns(UnknownColumns.parse(unknownColumns, "unknownColumns"));
      }
      if (phoneRegion != null) {
        builder.phoneRegion(phoneRegion);
      }
      if (country != null) {
        builder.country(country);
      }
      return builder.build();
    }
  }

  record ColumnEntry(String column, String field, List<String> transforms) {}

  List<Column> columns() {
    return columns;
  }

  /** What happens to columns the mapping does not name. */
  public UnknownColumns unknownColumns() {
    return unknownColumns;
  }

  /** The region a phone without country code is read in (ISO 3166 alpha-2). */
  public String phoneRegion() {
    return phoneRegion;
  }

  /** The country of an address without a {@code country} column (ISO 3166 alpha-2). */
  public String country() {
    return country;
  }

  /** The source columns the mapping names, in the order given. */
  public List<String> mappedColumns() {
    return columns.stream().map(Column::column).distinct().toList();
  }

  /** Each mapped column's field, in the order given. */
  public Map<String, String> fieldsByColumn() {
    Map<String, String> out = new LinkedHashMap<>();
    columns.forEach(c -> out.putIfAbsent(c.column(), c.field()));
    return out;
  }

  /** Everything the mapping does to a row, one setting per line: what the import id covers. */
  String settings() {
    StringBuilder out = new StringBuilder();
    for (Column column : columns) {
      out.append("column ").append(column.column()).append(" -> ").append(column.field());
      column.transforms().forEach(t -> out.append(" | ").append(t.spec()));
      out.append('\n');
    }
    return out.append("unknown ").append(unknownColumns).append("\nphoneRegion ").append(phoneRegion)
        .append("\ncountry ").append(country).toString();
  }

  @Override
  public String toString() {
    return "ColumnMapping" + fieldsByColumn() + ", unknown columns " + unknownColumns;
  }

  /** Builds a {@link ColumnMapping}. Not thread-safe. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();
    private UnknownColumns unknownColumns = UnknownColumns.REPORT;
    private String phoneRegion = "CN";
    private String country = "CN";

    private Builder() {}

    /**
     * Maps {@code column} to {@code field} through {@code transforms}, applied in order.
     *
     * @throws IllegalArgumentException if the column is blank, the field unknown (see {@link #FIELDS}),
     *     an attribute name invalid, or a transform unknown or malformed
     */
    public Builder column(String column, String field, String... transforms) {
      Require.notBlank(column, "column");
      Require.notNull(field, "field");
      String target = field.strip();
      if (target.startsWith(ATTRIBUTE)) {
        String attribute = target.substring(ATTRIBUTE.length());
        Require.argument(attribute.matches(CustomerDetails.ATTRIBUTE_NAME),
            "column '%s': attribute name '%s' must match %s", column, attribute, CustomerDetails.ATTRIBUTE_NAME);
      } else {
        Require.argument(FIELDS.contains(target), "column '%s': unknown field '%s'; known: %s, attribute:NAME",
            column, field, String.join(", ", FIELDS.stream().sorted().toList()));
      }
      List<Transform> steps = new ArrayList<>();
      for (String transform : transforms) {
        try {
          steps.add(Transform.parse(transform));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("column '" + column + "': " + e.getMessage(), e);
        }
      }
      columns.add(new Column(column, target, List.copyOf(steps)));
      return this;
    }

    /** What happens to columns the mapping does not name (default {@link UnknownColumns#REPORT}). */
    public Builder unknownColumns(UnknownColumns value) {
      this.unknownColumns = Require.notNull(value, "unknownColumns");
      return this;
    }

    /**
     * The region phones without a country code are read in (default CN).
     *
     * @throws IllegalArgumentException if it is not two letters
     */
    public Builder phoneRegion(String value) {
      this.phoneRegion = twoLetters(value, "phoneRegion");
      return this;
    }

    /**
     * The country of addresses without a {@code country} column (default CN).
     *
     * @throws IllegalArgumentException if it is not two letters
     */
    public Builder country(String value) {
      this.country = twoLetters(value, "country");
      return this;
    }

    /**
     * The mapping.
     *
     * @throws IllegalStateException if no column is mapped
     */
    public ColumnMapping build() {
      Require.state(!columns.isEmpty(), "map at least one column");
      return new ColumnMapping(this);
    }

    private static String twoLetters(String value, String name) {
      Require.notNull(value, name);
      String upper = value.strip().toUpperCase(Locale.ROOT);
      Require.argument(upper.matches("[A-Z]{2}"), "%s must be a two-letter region such as CN, not '%s'", name, value);
      return upper;
    }
  }
}
