package io.crmkit.examples.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How to read a transactions file (one purchase a row: customer, date, amount, and optionally a
 * currency), checked before any row is read. Columns are header names, or 1-based numbers (always
 * allowed; the only way without a header). A {@code null} delimiter means fields separated by any
 * run of spaces and tabs, leading and trailing ones ignored (fixed-width exports such as CDNOW's).
 *
 * @param encoding the file's character set
 * @param delimiter the field delimiter, or empty for runs of whitespace
 * @param quote the quote character (delimited files only)
 * @param header whether the first line names the columns
 * @param customer the customer id's column
 * @param date the purchase date's column
 * @param amount the amount's column
 * @param currency the currency code's column, if the file has one
 * @param dates the date's format, strict
 * @param datePattern the date format as given, for messages
 */
record TransactionFormat(Charset encoding, Optional<Character> delimiter, char quote, boolean header, String customer,
    String date, String amount, Optional<String> currency, DateTimeFormatter dates, String datePattern) {

  /** The delimiter value that means runs of whitespace. */
  static final String WHITESPACE = "whitespace";

  /**
   * Checks the options of a command.
   *
   * @param delimiter one character, {@code tab} or {@code \t}, or {@value #WHITESPACE}; null for a comma
   * @throws CliException usage for an unknown encoding, a bad delimiter or quote, or a bad date format
   */
  static TransactionFormat of(String encoding, String delimiter, String quote, Boolean header, String customer,
      String date, String amount, String currency, String datePattern) {
    String origin = "the options";
    Optional<Character> separator = delimiter != null && delimiter.strip().equalsIgnoreCase(WHITESPACE)
        ? Optional.empty() : Optional.of(delimiter(delimiter == null ? "," : delimiter));
    char quoteChar = quote == null ? '"' : oneCharacter("quote", quote);
    if (separator.isPresent() && separator.get() == quoteChar) {
      throw CliException.usage("the quote and the delimiter must differ");
    }
    String pattern = datePattern == null ? InputSpec.DEFAULT_DATE_FORMAT : datePattern;
    return new TransactionFormat(charset(encoding), separator, quoteChar, header == null || header,
        column("customer", customer), column("date", date), column("amount", amount),
        Optional.ofNullable(currency).map(name -> column("currency", name)),
        InputSpec.dateFormatter(pattern, origin), pattern);
  }

  private static String column(String what, String reference) {
    if (reference == null || reference.isBlank()) {
      throw CliException.usage("--" + what + " names no column");
    }
    return reference.strip();
  }

  private static Charset charset(String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw CliException.usage("unknown encoding " + name + " (try UTF-8 or GBK)");
    }
  }

  private static char delimiter(String value) {
    char delimiter = switch (value) {
      case "\\t", "tab", "TAB" -> '\t';
      default -> oneCharacter("delimiter", value);
    };
    if (delimiter == '\n' || delimiter == '\r') {
      throw CliException.usage("a line break cannot be the delimiter");
    }
    return delimiter;
  }

  private static char oneCharacter(String what, String value) {
    if (value.length() != 1) {
      throw CliException.usage("the " + what + " must be one character" + ("delimiter".equals(what)
          ? ", tab or " + WHITESPACE : "") + ", not \"" + value + "\"");
    }
    return value.charAt(0);
  }
}
