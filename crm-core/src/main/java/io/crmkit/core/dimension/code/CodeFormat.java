package io.crmkit.core.dimension.code;

import io.crmkit.core.checkdigit.CheckCharacterSystem;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.dimension.CodeStructure;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.dimension.Dimensions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template of a composite customer code: fixed-width {@link Segment}s and an optional
 * check character at the end, computed over every segment but the literals.
 *
 * <pre>{@code
 * CodeFormat format = new CodeFormat.Builder("customer")
 *     .dimension(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes(), "type")   // B2B
 *     .dimension(Dimensions.REGION, BuiltInSchemes.gbt2260(), "province")           // 11
 *     .sequence(6)                                                                   // 000042
 *     .checkCharacters(mod37_2)                                                      // K
 *     .build();
 * format.parse("B2B11000042K");   // CodeParse.Parsed, or Invalid with the reason
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #format} and {@link #parse} are inverse: parsing a
 * formatted code gives back its parts. With a check system that detects single substitutions
 * (every ISO 7064 system does), every single-character typing error is rejected.
 */
public final class CodeFormat {
  private final String id;
  private final List<Segment> segments;
  private final CheckCharacterSystem check;
  private final Segment.Sequence sequence;
  private final int length;
  private final List<String> dimensions;
  private final String checkAlphabet;

  private CodeFormat(Builder builder, Segment.Sequence sequence) {
    this.id = builder.id;
    this.segments = List.copyOf(builder.segments);
    this.check = builder.check;
    this.sequence = sequence;
    this.length = segments.stream().mapToInt(Segment::width).sum() + (check == null ? 0 : check.checkLength());
    this.checkAlphabet = check == null ? "" : check.alphabet();
    this.dimensions = segments.stream().filter(Segment.Dimension.class::isInstance)
        .map(s -> ((Segment.Dimension) s).dimension()).toList();
  }

  /** The format's id; sequence keys start with it. */
  public String id() {
    return id;
  }

  /** The segments, in order. */
  public List<Segment> segments() {
    return segments;
  }

  /** The check-character system whose character(s) end every code, if any. */
  public Optional<CheckCharacterSystem> checkCharacters() {
    return Optional.ofNullable(check);
  }

  /** How many characters every code has. */
  public int length() {
    return length;
  }

  /** The largest sequence number that fits. */
  public long maxSequence() {
    return sequence.max();
  }

  /** The dimensions the format takes codes from, in segment order. */
  public List<String> dimensions() {
    return dimensions;
  }

  /**
   * The code made of {@code parts}, whose dimension codes must be on the levels the format uses.
   *
   * @throws CrmValidationException listing every problem: a dimension missing, unknown or on
   *     another level, a dimension the format does not use, a sequence too large for its width
   */
  public CustomerCode format(CustomerCode.Parts parts) {
    Objects.requireNonNull(parts, "parts");
    List<Violation> problems = new ArrayList<>();
    for (String dimension : parts.dimensionCodes().keySet()) {
      if (!dimensions.contains(dimension)) {
        problems.add(new Violation(Dimensions.path(dimension), "not-in-format",
            "format " + id + " has no " + dimension + " segment"));
      }
    }
    StringBuilder value = new StringBuilder(length);
    StringBuilder payload = new StringBuilder(length);
    for (Segment segment : segments) {
      if (segment instanceof Segment.Literal literal) {
        value.append(literal.text());
      } else if (segment instanceof Segment.Sequence) {
        if (parts.sequence() > sequence.max()) {
          problems.add(new Violation("sequence", "sequence-too-large",
              "sequence " + parts.sequence() + " does not fit " + sequence.width() + " digits"));
        }
        String digits = zeroPadded(parts.sequence(), sequence.width());
        value.append(digits);
        payload.append(digits);
      } else {
        Segment.Dimension dimension = (Segment.Dimension) segment;
        String code = parts.dimensionCodes().get(dimension.dimension());
        String path = Dimensions.path(dimension.dimension());
        if (code == null) {
          problems.add(new Violation(path, "missing-code", "no " + dimension.dimension() + " code"));
          continue;
        }
        if (!isOnLevel(dimension, code)) {
          problems.add(new Violation(path, "unknown-code", code + " is not a " + dimension.level() + " code of "
              + dimension.scheme().id()));
          continue;
        }
        String text = text(dimension, code);
        value.append(text);
        payload.append(text);
      }
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException("CustomerCode.Parts for format " + id, problems);
    }
    if (check != null) {
      value.append(check.compute(payload.toString()));
    }
    return new CustomerCode(value.toString(), parts);
  }

  /**
   * Reads {@code text} as a code of this format. Never throws for bad text: the outcome says what
   * is wrong (length, literal, character, check character, unknown dimension code, sequence 0).
   * Retired dimension codes are accepted: a code allocated before their retirement stays valid.
   */
  public CodeParse parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() != length) {
      return invalid(text, CodeParse.Reason.WRONG_LENGTH, Math.min(text.length(), length),
          "has " + text.length() + " characters; codes of format " + id + " have " + length);
    }
    int position = 0;
    StringBuilder payload = new StringBuilder(length);
    int[] payloadPositions = new int[length];
    for (Segment segment : segments) {
      int end = position + segment.width();
      if (segment instanceof Segment.Literal literal) {
        for (int i = position; i < end; i++) {
          if (text.charAt(i) != literal.text().charAt(i - position)) {
            return invalid(text, CodeParse.Reason.BAD_LITERAL, i, "has '" + text.charAt(i) + "' at " + (i + 1)
                + " where the format has '" + literal.text() + "'");
          }
        }
      } else {
        for (int i = position; i < end; i++) {
          char c = text.charAt(i);
          if (segment instanceof Segment.Sequence && (c < '0' || c > '9')) {
            return invalid(text, CodeParse.Reason.BAD_CHARACTER, i, "has '" + c + "' at " + (i + 1)
                + " in the sequence, which has digits only");
          }
          payloadPositions[payload.length()] = i;
          payload.append(c);
        }
      }
      position = end;
    }
    if (check != null) {
      for (int i = 0; i < payload.length(); i++) {
        if (checkAlphabet.indexOf(payload.charAt(i)) < 0) {
          int at = payloadPositions[i];
          return invalid(text, CodeParse.Reason.BAD_CHARACTER, at, "has '" + text.charAt(at) + "' at " + (at + 1)
              + ", which " + check.name() + " does not allow");
        }
      }
      if (!check.isValid(payload + text.substring(position))) {
        return invalid(text, CodeParse.Reason.BAD_CHECK_CHARACTER, position, "has a wrong check character: expected "
            + check.compute(payload.toString()));
      }
    }
    Map<String, String> codes = new LinkedHashMap<>();
    long number = 0;
    position = 0;
    for (Segment segment : segments) {
      String part = text.substring(position, position + segment.width());
      if (segment instanceof Segment.Dimension dimension) {
        Optional<String> code = code(dimension, part);
        if (code.isEmpty()) {
          return invalid(text, CodeParse.Reason.UNKNOWN_DIMENSION_CODE, position, "'" + part + "' at " + (position + 1)
              + " is not a " + dimension.level() + " code of " + dimension.scheme().id());
        }
        codes.put(dimension.dimension(), code.get());
      } else if (segment instanceof Segment.Sequence) {
        number = Long.parseLong(part);
        if (number == 0) {
          return invalid(text, CodeParse.Reason.BAD_SEQUENCE, position, "has sequence 0, which is never allocated");
        }
      }
      position += segment.width();
    }
    return new CodeParse.Parsed(new CustomerCode(text, new CustomerCode.Parts(codes, number)));
  }

  /**
   * The key of the sequence that numbers codes with these dimension codes (on the format's
   * levels): the format's id and the dimension segments' text, so each combination counts alone.
   *
   * @throws IllegalArgumentException if a dimension of the format is missing, or its code is not
   *     on the format's level (a county code would start a sequence of its own, whose codes could
   *     collide with the province's)
   */
  public String sequenceKey(Map<String, String> levelCodes) {
    Objects.requireNonNull(levelCodes, "levelCodes");
    StringBuilder key = new StringBuilder(id).append(':');
    for (Segment segment : segments) {
      if (segment instanceof Segment.Dimension dimension) {
        String code = levelCodes.get(dimension.dimension());
        Require.argument(code != null, "no %s code for format %s", dimension.dimension(), id);
        Require.argument(isOnLevel(dimension, code), "%s is not a %s code of %s, as format %s needs", code,
            dimension.level(), dimension.scheme().id(), id);
        key.append(text(dimension, code));
      }
    }
    return key.toString();
  }

  @Override
  public String toString() {
    StringBuilder template = new StringBuilder("CodeFormat[" + id + ": ");
    segments.forEach(template::append);
    return template.append(check == null ? "" : "{check:" + check.name() + "}").append(']').toString();
  }

  private static String text(Segment.Dimension segment, String code) {
    Optional<CodeStructure.FixedWidth> fixed = abbreviating(segment.scheme());
    return fixed.isPresent() ? fixed.get().significant(code) : code;
  }

  private static Optional<String> code(Segment.Dimension segment, String text) {
    Optional<CodeStructure.FixedWidth> fixed = abbreviating(segment.scheme());
    String code = fixed.isPresent() ? fixed.get().expand(text) : text;
    return isOnLevel(segment, code) ? Optional.of(code) : Optional.empty();
  }

  /** Whether the segment's scheme defines {@code code} (in any period) on the segment's level. */
  private static boolean isOnLevel(Segment.Dimension segment, String code) {
    int depth = segment.scheme().structure().depthOfLevel(segment.level());
    for (DimensionCode entry : segment.scheme().history(code)) {
      if (entry.depth() == depth) {
        return true;
      }
    }
    return false;
  }

  private static String zeroPadded(long number, int width) {
    String digits = Long.toString(number);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** A fixed-width structure without check characters: segments hold the significant part. */
  private static Optional<CodeStructure.FixedWidth> abbreviating(DimensionScheme scheme) {
    return scheme.structure() instanceof CodeStructure.FixedWidth fixed && scheme.checkCharacters().isEmpty()
        ? Optional.of(fixed) : Optional.empty();
  }

  private static CodeParse invalid(String text, CodeParse.Reason reason, int position, String message) {
    return new CodeParse.Invalid(text, reason, position, "'" + text + "' " + message);
  }

  /** Builds a {@link CodeFormat}; segments in the order added. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final List<Segment> segments = new ArrayList<>();
    private CheckCharacterSystem check;

    /**
     * @param id the format's id: 1 to 64 characters, no control characters or {@code :}
     * @throws IllegalArgumentException if the id is not like that
     */
    public Builder(String id) {
      Objects.requireNonNull(id, "id");
      Require.argument(!id.isBlank() && id.length() <= 64 && id.indexOf(':') < 0
          && id.chars().noneMatch(Character::isISOControl),
          "a format id has 1 to 64 characters, no ':' and no control characters");
      this.id = id;
    }

    /**
     * A segment with the code of {@code dimension} on {@code level} of {@code scheme}.
     *
     * @throws IllegalArgumentException if the scheme has no such level, defines no code on it, or
     *     (when the segment holds whole codes) its codes on that level differ in width
     */
    public Builder dimension(String dimension, DimensionScheme scheme, String level) {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(scheme, "scheme");
      int depth = scheme.structure().depthOfLevel(level);
      List<DimensionCode> onLevel = scheme.entries().stream().filter(e -> e.depth() == depth).toList();
      Require.argument(!onLevel.isEmpty(), "scheme %s has no %s code", scheme.id(), level);
      Optional<CodeStructure.FixedWidth> fixed = abbreviating(scheme);
      int width;
      if (fixed.isPresent()) {
        width = fixed.get().width(depth);
      } else {
        Set<Integer> widths = new TreeSet<>();
        onLevel.forEach(e -> widths.add(e.code().length()));
        Require.argument(widths.size() == 1, "the %s codes of %s have widths %s; a code-format segment needs one width",
            level, scheme.id(), widths);
        width = widths.iterator().next();
      }
      segments.add(new Segment.Dimension(dimension, scheme, level, width));
      return this;
    }

    /** Fixed text. */
    public Builder literal(String text) {
      segments.add(new Segment.Literal(text));
      return this;
    }

    /** The zero-padded sequence of {@code width} digits. */
    public Builder sequence(int width) {
      segments.add(new Segment.Sequence(width));
      return this;
    }

    /** A check character of {@code system} after the last segment. */
    public Builder checkCharacters(CheckCharacterSystem system) {
      this.check = Objects.requireNonNull(system, "system");
      return this;
    }

    /**
     * The format.
     *
     * @throws IllegalArgumentException if there is not exactly one sequence, a dimension appears
     *     twice, or the check system cannot check a character a segment may hold
     */
    public CodeFormat build() {
      List<String> problems = new ArrayList<>();
      List<Segment.Sequence> sequences = segments.stream().filter(Segment.Sequence.class::isInstance)
          .map(Segment.Sequence.class::cast).toList();
      if (sequences.size() != 1) {
        problems.add("a format needs exactly one sequence, it has " + sequences.size());
      }
      Set<String> dimensions = new HashSet<>();
      Map<String, String> unchecked = new HashMap<>();
      for (Segment segment : segments) {
        if (segment instanceof Segment.Dimension dimension) {
          if (!dimensions.add(dimension.dimension())) {
            problems.add("dimension " + dimension.dimension() + " appears twice");
          }
          if (check != null) {
            int depth = dimension.scheme().structure().depthOfLevel(dimension.level());
            for (DimensionCode entry : dimension.scheme().entries()) {
              if (entry.depth() == depth) {
                String text = text(dimension, entry.code());
                text.chars().filter(c -> check.alphabet().indexOf(c) < 0).findFirst()
                    .ifPresent(c -> unchecked.putIfAbsent(dimension.dimension(), "'" + (char) c + "' of " + entry.code()));
              }
            }
          }
        } else if (segment instanceof Segment.Sequence && check != null
            && "0123456789".chars().anyMatch(c -> check.alphabet().indexOf(c) < 0)) {
          problems.add(check.name() + " cannot check the sequence's digits");
        }
      }
      unchecked.forEach((dimension, what) -> problems.add(check.name() + " cannot check " + what + " in " + dimension));
      Require.argument(problems.isEmpty(), "format %s: %s", id, String.join("; ", problems));
      return new CodeFormat(this, sequences.get(0));
    }
  }

  /**
   * One fixed-width piece of a {@link CodeFormat}: a dimension code, a literal, or the sequence
   * number. (The check character is not a segment: a format appends it after the last one.)
   */
  public sealed interface Segment {

    /** How many characters the segment takes in a code. */
    int width();

    /**
     * A dimension's code on one level of its scheme. For a fixed-width structure without check
     * characters the segment holds the code's significant part (GB/T 2260 province {@code 110000}
     * as {@code 11}); otherwise the whole code, which then needs one width on that level.
     *
     * @param dimension the customer dimension the code comes from, such as {@code region}
     * @param scheme the dimension's scheme
     * @param level the level the code is taken at (a county is lifted to its province)
     * @param width the characters the segment takes
     */
    record Dimension(String dimension, DimensionScheme scheme, String level, int width) implements Segment {
      public Dimension {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(level, "level");
      }

      @Override
      public String toString() {
        return "{" + dimension + ":" + scheme.id() + "/" + level + "}";
      }
    }

    /**
     * Fixed text, the same in every code (a separator such as {@code -}). Literals take no part in
     * the check character.
     *
     * @param text at least one character
     */
    record Literal(String text) implements Segment {
      public Literal {
        Objects.requireNonNull(text, "text");
        Require.argument(!text.isEmpty(), "a literal needs at least one character");
      }

      @Override
      public int width() {
        return text.length();
      }

      @Override
      public String toString() {
        return text;
      }
    }

    /**
     * The sequence number, in decimal, zero-padded to {@code width} digits.
     *
     * @param width 1 to 18 digits
     */
    record Sequence(int width) implements Segment {
      public Sequence {
        Require.inRange(width, 1, 18, "width");
      }

      /** The largest number that fits: {@code 10^width - 1}. */
      public long max() {
        long max = 1;
        for (int i = 0; i < width; i++) {
          max *= 10;
        }
        return max - 1;
      }

      @Override
      public String toString() {
        return "{seq:" + width + "}";
      }
    }
  }
}
