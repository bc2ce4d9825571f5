package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DateReaderProperties {

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("yyyyMMdd", "yyyy-MM-dd", "uuuu-MM-dd", "dd/MM/yyyy", "MM.dd.yyyy", "dd-MM-yy", "d/M/yyyy",
        "yyyy-MM-dd'T'", "ddMMyyyy", "yyyy年MM月dd日");
  }

  /** Dates as files hold them: real ones in several layouts, impossible ones, digits and noise. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(6).ofMaxLength(11);
    Arbitrary<String> written = Combinators.combine(
        Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
        Arbitraries.integers().between(0, 32), Arbitraries.of("", "-", "/", ".", "年"))
        .as((y, m, d, sep) -> String.format(Locale.ROOT, "%04d%s%02d%s%02d", y, sep, m, sep, d));
    Arbitrary<String> dayFirst = Combinators.combine(
        Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 13),
        Arbitraries.integers().between(0, 9999), Arbitraries.of("", "-", "/", "."))
        .as((d, m, y, sep) -> String.format(Locale.ROOT, "%02d%s%02d%s%04d", d, sep, m, sep, y));
    Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-/.年月日 ab+").ofMaxLength(12);
    return Arbitraries.oneOf(digits, written, dayFirst, noise);
  }

  @Property(tries = 3_000)
  void readsWhatTheStrictFormatterReads(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
    DateTimeFormatter formatter = strict(pattern);

    assertThat(read(new DateReader(pattern, formatter), text)).isEqualTo(read(formatter, text));
  }

  @Example
  void readsTheUsualLayoutsAndRefusesDaysThatDoNotExist() {
    assertThat(new DateReader("yyyyMMdd", strict("yyyyMMdd")).parse("19560409")).isEqualTo(LocalDate.of(1956, 4, 9));
    assertThat(new DateReader("dd/MM/yyyy", strict("dd/MM/yyyy")).parse("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(read(new DateReader("yyyyMMdd", strict("yyyyMMdd")), "20230229")).isEmpty();
    assertThat(read(new DateReader("yyyyMMdd", strict("yyyyMMdd")), " 19560409")).isEmpty();
  }

  /** The formatter as the command builds it: {@code y} read as the proleptic year, strict. */
  private static DateTimeFormatter strict(String pattern) {
    String proleptic = pattern.replace("yyyy", "uuuu").replace("yy", "uu");
    return DateTimeFormatter.ofPattern(proleptic, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  private static Optional<LocalDate> read(DateReader reader, String text) {
    try {
      return Optional.of(reader.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> read(DateTimeFormatter formatter, String text) {
    try {
      return Optional.of(LocalDate.parse(text, formatter));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
