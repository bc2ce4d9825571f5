package io.crmkit.io.imports;

import io.crmkit.core.common.Require;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file to import and how to read it: CSV (any delimiter, with or without a header row, UTF-8 or
 * a declared legacy encoding such as GBK; a byte-order mark wins over the declared encoding) or JSON
 * Lines (one JSON object per line, UTF-8 unless declared). Reading is strict: bytes that are not
 * valid in the encoding make their row a reported problem, never a silent replacement character.
 * A CSV file without a header names its columns by number from 1 ({@code "1"}, {@code "2"}, ...).
 *
 * <pre>{@code
 * ImportSource source = ImportSource.csv(Path.of("customers.csv")).delimiter(';').encoding(Charset.forName("GBK"));
 * }</pre>
 *
 * <p>Immutable; the setters return a new source.
 */
public final class ImportSource {
  /** The file formats an import reads. */
  public enum Format {
    /** Delimited text, RFC 4180 quoting. */
    CSV,
    /** One JSON object per line. */
    JSON_LINES
  }

  private final Path file;
  private final Format format;
  private final char delimiter;
  private final Charset encoding;
  private final boolean header;
  private final String importId;

  private ImportSource(Path file, Format format, char delimiter, Charset encoding, boolean header, String importId) {
    this.file = file;
    this.format = format;
    this.delimiter = delimiter;
    this.encoding = encoding;
    this.header = header;
    this.importId = importId;
  }

  /**
   * A CSV file: comma-delimited, UTF-8, with a header row, unless set otherwise.
   *
   * @throws NullPointerException if {@code file} is null
   */
  public static ImportSource csv(Path file) {
    return new ImportSource(Require.notNull(file, "file"), Format.CSV, ',', StandardCharsets.UTF_8, true, null);
  }

  /**
   * A JSON Lines file, UTF-8 unless set otherwise.
   *
   * @throws NullPointerException if {@code file} is null
   */
  public static ImportSource jsonLines(Path file) {
    return new ImportSource(Require.notNull(file, "file"), Format.JSON_LINES, ',', StandardCharsets.UTF_8, true,
        null);
  }

  /**
   * This source with another field delimiter (CSV only).
   *
   * @throws IllegalArgumentException if the delimiter is a quote, CR or LF
   */
  public ImportSource delimiter(char value) {
    Require.argument(value != '"' && value != '\r' && value != '\n',
        "the delimiter cannot be a double quote, CR or LF");
    return new ImportSource(file, format, value, encoding, header, importId);
  }

  /**
   * This source read in {@code value} (a byte-order mark in the file still wins).
   *
   * @throws NullPointerException if {@code value} is null
   */
  public ImportSource encoding(Charset value) {
    return new ImportSource(file, format, delimiter, Require.notNull(value, "encoding"), header, importId);
  }

  /** This source with ({@code true}) or without a header row (CSV only). */
  public ImportSource header(boolean value) {
    return new ImportSource(file, format, delimiter, encoding, value, importId);
  }

  /**
   * This source under an import id of the caller's choosing instead of one derived from the file's
   * name, size, content hash and read settings: to name an import in the caller's own terms.
   *
   * @throws IllegalArgumentException if the id is blank or longer than
   *     {@value ImportCheckpoint#MAX_ID_LENGTH} characters
   */
  public ImportSource importId(String value) {
    return new ImportSource(file, format, delimiter, encoding, header, ImportCheckpoint.checkId(value));
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The format. */
  public Format format() {
    return format;
  }

  /** The CSV field delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /** The declared encoding. */
  public Charset encoding() {
    return encoding;
  }

  /** Whether a CSV file starts with a header row. */
  public boolean header() {
    return header;
  }

  /** The import id the caller gave, if any. */
  public Optional<String> importId() {
    return Optional.ofNullable(importId);
  }

  @Override
  public String toString() {
    return "ImportSource[" + file.getFileName() + ", " + format + ", " + encoding.name() + "]";
  }
}
