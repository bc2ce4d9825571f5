package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The numeric guards accept exactly the values in their range; templates fill like String.format. */
class RequireProperties {

  @Property(tries = 300)
  void atLeastAcceptsExactlyTheValuesFromItsBound(@ForAll long value, @ForAll long min) {
    Throwable thrown = catchThrowable(() -> Require.atLeast(value, min, "n"));

    if (value >= min) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("n must be at least " + min + ", got " + value);
    }
  }

  @Property(tries = 300)
  void inRangeAcceptsExactlyTheValuesBetweenItsBounds(
      @ForAll @IntRange(min = -50, max = 50) int value, @ForAll @IntRange(min = -20, max = 20) int min,
      @ForAll @IntRange(min = 0, max = 30) int span) {
    int max = min + span;
    Throwable thrown = catchThrowable(() -> Require.inRange(value, min, max, "n"));

    assertThat(thrown == null).isEqualTo(min <= value && value <= max);
  }

  @Provide
  Arbitrary<List<String>> pieces() {
    return Arbitraries.strings().alpha().numeric().withChars(' ', '.').ofMaxLength(8).list().ofMaxSize(5);
  }

  @Property(tries = 200)
  void aFilledTemplateReadsAsStringFormatWouldWriteIt(@ForAll("pieces") List<String> texts,
      @ForAll("pieces") List<String> args) {
    int n = Math.min(texts.size(), args.size());
    StringBuilder template = new StringBuilder();
    for (int i = 0; i < n; i++) {
      template.append(texts.get(i)).append("%s");
    }
    Object[] used = args.subList(0, n).toArray();

    assertThat(Require.format(template.toString(), used)).isEqualTo(String.format(template.toString(), used));
  }
}
