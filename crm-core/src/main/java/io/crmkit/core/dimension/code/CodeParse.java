package io.crmkit.core.dimension.code;

import java.util.Objects;

/** The outcome of {@link CodeFormat#parse}: the parts, or why the text is not a code of the format. */
public sealed interface CodeParse {

  /** The text that was parsed. */
  String text();

  /** Whether the text is a code of the format. */
  default boolean isValid() {
    return this instanceof Parsed;
  }

  /** A code of the format, with its parts. */
  record Parsed(CustomerCode code) implements CodeParse {
    public Parsed {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String text() {
      return code.value();
    }
  }

  /**
   * Not a code of the format.
   *
   * @param text the text parsed
   * @param reason what is wrong
   * @param position the 0-based index where the problem was found
   * @param message the problem in words
   */
  record Invalid(String text, Reason reason, int position, String message) implements CodeParse {
    public Invalid {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a text is not a code of the format. */
  enum Reason {
    /** It is longer or shorter than the format's codes. */
    WRONG_LENGTH,
    /** A literal segment has other text. */
    BAD_LITERAL,
    /** A character the segment (or the check system) does not allow. */
    BAD_CHARACTER,
    /** The sequence is 0, which is never allocated. */
    BAD_SEQUENCE,
    /** The check character does not match the rest: a typing error. */
    BAD_CHECK_CHARACTER,
    /** A dimension segment holds no code of its scheme on its level. */
    UNKNOWN_DIMENSION_CODE
  }
}
