package io.crmkit.io.imports;

import io.crmkit.core.customer.PhoneNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step a column's values go through before they reach the model, written as text in code and
 * in mapping files: {@code trim}, {@code upper}, {@code lower}, {@code split:SEP} (one value per
 * part), {@code prefix:TEXT}, {@code default:TEXT} (the value of a blank cell), {@code date:PATTERN}
 * (a date in that layout, strictly; {@code yyyy} means the year), {@code phoneRegion:CC} (phones
 * without a country code read as numbers of region CC, to E.164).
 */
record Transform(String spec, Kind kind, String argument, DateTimeFormatter dates) {

  enum Kind {
    TRIM, UPPER, LOWER, SPLIT, PREFIX, DEFAULT, DATE, PHONE_REGION
  }

  /** A value a transform could not turn into what the field needs. */
  static final class ValueException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String rule;

    ValueException(String rule, String message) {
      super(message, null, false, false);
      this.rule = rule;
    }

    String rule() {
      return rule;
    }
  }

  /**
   * The transform {@code spec} names.
   *
   * @throws IllegalArgumentException if it names none, or its argument is missing or malformed
   */
  static Transform parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("a transform is blank; known: trim, upper, lower, split:SEP, prefix:TEXT,"
          + " default:TEXT, date:PATTERN, phoneRegion:CC");
    }
    int colon = spec.indexOf(':');
    String name = (colon < 0 ? spec : spec.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    String argument = colon < 0 ? "" : spec.substring(colon + 1);
    return switch (name) {
      case "trim" -> new Transform(spec, Kind.TRIM, "", null);
      case "upper" -> new Transform(spec, Kind.UPPER, "", null);
      case "lower" -> new Transform(spec, Kind.LOWER, "", null);
      case "split" -> new Transform(spec, Kind.SPLIT, required(spec, argument), null);
      case "prefix" -> new Transform(spec, Kind.PREFIX, required(spec, argument), null);
      case "default" -> new Transform(spec, Kind.DEFAULT, required(spec, argument), null);
      case "date" -> new Transform(spec, Kind.DATE, required(spec, argument), formatter(spec, argument));
      case "phoneregion" -> new Transform(spec, Kind.PHONE_REGION, region(spec, argument), null);
      default -> throw new IllegalArgumentException("unknown transform '" + spec + "'; known: trim, upper, lower,"
          + " split:SEP, prefix:TEXT, default:TEXT, date:PATTERN, phoneRegion:CC");
    };
  }

  /** The values after this step; blank values stay for later steps to fill or drop. */
  List<String> apply(List<String> values) throws ValueException {
    List<String> out = new ArrayList<>(values.size());
    switch (kind) {
      case TRIM -> values.forEach(v -> out.add(v.strip()));
      case UPPER -> values.forEach(v -> out.add(v.toUpperCase(Locale.ROOT)));
      case LOWER -> values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
      case SPLIT -> values.forEach(v -> {
        for (String part : v.split(Pattern.quote(argument), -1)) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      });
      case PREFIX -> values.forEach(v -> out.add(v.isBlank() ? v : argument + v));
      case DEFAULT -> {
        values.stream().filter(v -> !v.isBlank()).forEach(out::add);
        if (out.isEmpty()) {
          out.add(argument);
        }
      }
      case DATE -> {
        for (String v : values) {
          out.add(v.isBlank() ? v : date(v.strip()).toString());
        }
      }
      case PHONE_REGION -> {
        for (String v : values) {
          if (v.isBlank()) {
            continue;
          }
          Optional<String> e164 = PhoneNumbers.toE164(v, argument);
          out.add(e164.orElseThrow(() -> new ValueException("phone",
              "not a phone number of region " + argument + " or in international form")));
        }
      }
      default -> throw new IllegalStateException("transform " + kind);
    }
    return out;
  }

  private LocalDate date(String value) throws ValueException {
    try {
      return LocalDate.parse(value, dates);
    } catch (DateTimeParseException e) {
      throw new ValueException("date-format", "not a date in the layout " + argument);
    }
  }

  private static String required(String spec, String argument) {
    if (argument.isEmpty()) {
      throw new IllegalArgumentException("transform '" + spec + "' needs an argument after ':'");
    }
    return argument;
  }

  private static String region(String spec, String argument) {
    String region = required(spec, argument).strip().toUpperCase(Locale.ROOT);
    if (!region.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("transform '" + spec + "' needs a two-letter region such as CN or US");
    }
    return region;
  }

  private static DateTimeFormatter formatter(String spec, String pattern) {
    try {
      return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("transform '" + spec + "' has a malformed date pattern: " + e.getMessage(), e);
    }
  }
}
