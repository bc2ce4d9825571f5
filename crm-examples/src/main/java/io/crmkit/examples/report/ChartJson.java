package io.crmkit.examples.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * A chart's figures as JSON that can stand inside an HTML {@code <script type="application/json">}
 * element whatever the figures' labels hold: {@code <}, {@code >} and {@code &} are written as
 * JSON's {@code \u003c}, {@code \u003e}, {@code \u0026} escapes, so no {@code </script>} or
 * {@code <!--} in a label can end the element or change how the HTML parser reads it, and
 * {@code JSON.parse} in the page gives back the labels unchanged. The line and paragraph
 * separators (U+2028, U+2029) are escaped too, for older script engines.
 */
final class ChartJson {
  private static final ObjectMapper MAPPER = mapper();

  private ChartJson() {}

  /** {@code value} (maps, lists, strings, numbers) as HTML-safe JSON. */
  static String of(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write chart data as JSON", e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new HtmlSafe());
    return mapper;
  }

  /** Escapes the characters that mean something to an HTML parser inside a script element. */
  private static final class HtmlSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    HtmlSafe() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
