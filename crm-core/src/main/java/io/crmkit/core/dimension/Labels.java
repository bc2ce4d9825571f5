package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names of a code in one or more languages, keyed by BCP 47 language tag ({@code zh},
 * {@code en}, {@code zh-Hant}). The first label is the default, returned when no label matches the
 * language asked for.
 *
 * @param texts language tag to text, in the order given; at least one, no blank text
 */
public record Labels(Map<String, String> texts) {

  /**
   * @throws IllegalArgumentException if there is no label, a tag is not well-formed BCP 47, or a
   *     text is blank
   */
  public Labels {
    Objects.requireNonNull(texts, "texts");
    Require.argument(!texts.isEmpty(), "labels need at least one text");
    Map<String, String> copy = new LinkedHashMap<>();
    texts.forEach((tag, text) -> {
      Objects.requireNonNull(tag, "language tag");
      Objects.requireNonNull(text, () -> "label for " + tag);
      Require.argument(!text.isBlank(), "the label for language '%s' is blank", tag);
      String before = copy.put(normalise(tag), text.strip());
      Require.argument(before == null, "two labels for language '%s'", tag);
    });
    texts = Collections.unmodifiableMap(copy);
  }

  /** One label. */
  public static Labels of(String languageTag, String text) {
    return new Labels(Map.of(languageTag, text));
  }

  /** Two labels; the first is the default. */
  public static Labels of(String languageTag, String text, String otherTag, String otherText) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(languageTag, text);
    texts.put(otherTag, otherText);
    return new Labels(texts);
  }

  /**
   * The label for {@code locale}: the exact language tag, else the same language (so {@code zh-CN}
   * finds {@code zh}, and {@code zh} finds {@code zh-Hans}), else the default label.
   */
  public String get(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    String tag = locale.toLanguageTag();
    String exact = texts.get(tag);
    if (exact != null) {
      return exact;
    }
    String language = locale.getLanguage();
    String sameLanguage = texts.get(language);
    if (sameLanguage != null) {
      return sameLanguage;
    }
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      if (Locale.forLanguageTag(entry.getKey()).getLanguage().equals(language)) {
        return entry.getValue();
      }
    }
    return text();
  }

  /** The label with exactly {@code languageTag}, without fallback. */
  public Optional<String> exactly(String languageTag) {
    return Optional.ofNullable(texts.get(normalise(languageTag)));
  }

  /** The default (first) label. */
  public String text() {
    return texts.values().iterator().next();
  }

  @Override
  public String toString() {
    return texts.toString();
  }

  private static String normalise(String tag) {
    Require.argument(!tag.isBlank(), "a language tag must not be blank");
    try {
      return new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new IllegalArgumentException("'" + tag + "' is not a BCP 47 language tag", e);
    }
  }
}
