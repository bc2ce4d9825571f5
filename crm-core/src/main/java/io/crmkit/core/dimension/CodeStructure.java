package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the codes of a scheme are built, level by level, so that a code's level (and often its
 * ancestors) can be read from the code itself and a code that does not fit is rejected.
 *
 * <ul>
 *   <li>{@link FixedWidth}: fixed-width segments, one per level. Either <em>padded</em> (every
 *       code has the full width, deeper segments filled with a padding character, as GB/T 2260's
 *       {@code 110000} / {@code 110100} / {@code 110105}) or <em>prefixed</em> (a code is as long
 *       as its levels, as {@code 01} / {@code 0101}).
 *   <li>{@link Separated}: parts joined by a separator, one per level ({@code EU.DE.BY}).
 *   <li>{@link Patterned}: each level is a regular expression; a level may derive its parent from
 *       a prefix (GB/T 4754: section {@code C}, division {@code 35}, group {@code 351}, class
 *       {@code 3511}). A single-level pattern is a flat list ({@link #flat}).
 * </ul>
 *
 * <p>Structures are immutable and thread-safe. They speak about the code without any check
 * character; {@link DimensionScheme} strips that first.
 */
public sealed interface CodeStructure
    permits CodeStructure.FixedWidth, CodeStructure.Separated, CodeStructure.Patterned {

  /** The level names, top level first. */
  List<String> levels();

  /** The depth (0 = top) of a code that fits the structure, or -1 if it does not. */
  int depthOf(String code);

  /** Why {@code code} does not fit the structure; empty if it fits. */
  Optional<String> problem(String code);

  /**
   * The codes the structure names as {@code code}'s ancestors, nearest first, for a code that
   * fits (empty otherwise). A scheme picks the nearest one it defines as the parent, so that GB/T
   * 2260 counties directly under a province ({@code 110105}: no {@code 110100}) find it.
   */
  List<String> ancestors(String code);

  /**
   * The depth of level {@code level}.
   *
   * @throws IllegalArgumentException if the structure has no such level
   */
  default int depthOfLevel(String level) {
    Objects.requireNonNull(level, "level");
    int depth = -1;
    if (this instanceof FixedWidth fixed) {
      depth = indexOf(fixed.segments(), level, Segment::level);
    } else if (this instanceof Separated separated) {
      depth = indexOf(separated.parts(), level, Part::level);
    } else if (this instanceof Patterned patterned) {
      depth = indexOf(patterned.patternLevels(), level, PatternLevel::level);
    }
    if (depth < 0) {
      throw new IllegalArgumentException("no level '" + level + "'; levels are " + levels());
    }
    return depth;
  }

  /** A segment of {@code width} characters from {@code characters} (ranges such as {@code 0-9A-Z}). */
  static Segment segment(String level, int width, String characters) {
    return new Segment(level, width, CharacterRanges.expand(characters));
  }

  /** Fixed-width segments; every code has the full width, deeper levels filled with {@code padding}. */
  static FixedWidth padded(char padding, Segment... segments) {
    return new FixedWidth(List.of(segments), Optional.of(padding));
  }

  /** Fixed-width segments; a code at depth k is the first k + 1 segments. */
  static FixedWidth prefixed(Segment... segments) {
    return new FixedWidth(List.of(segments), Optional.empty());
  }

  /** A part of 1 to {@code maxWidth} characters from {@code characters}. */
  static Part part(String level, String characters, int maxWidth) {
    return new Part(level, CharacterRanges.expand(characters), 1, maxWidth);
  }

  /** Parts joined by {@code separator}; a code at depth k has k + 1 parts. */
  static Separated separated(String separator, Part... parts) {
    return new Separated(separator, List.of(parts));
  }

  /** Levels told apart by regular expressions. */
  static Patterned patterned(PatternLevel... levels) {
    return new Patterned(List.of(levels));
  }

  /** One level: every code matching {@code regex}. */
  static Patterned flat(String level, String regex) {
    return new Patterned(List.of(new PatternLevel(level, regex, 0)));
  }

  /**
   * One fixed-width segment.
   *
   * @param level the level's name
   * @param width its width in characters, at least 1
   * @param characters every character allowed in it
   */
  record Segment(String level, int width, String characters) {
    public Segment {
      requireLevelName(level);
      Require.argument(width >= 1, "segment '%s' needs a width of at least 1, got %s", level, width);
      Require.argument(characters != null && !characters.isEmpty(), "segment '%s' needs allowed characters", level);
    }

    boolean allows(char c) {
      return characters.indexOf(c) >= 0;
    }
  }

  /**
   * Fixed-width segments, one per level.
   *
   * @param segments the segments, top level first
   * @param padding the character that fills deeper segments in a padded structure; empty for a
   *     prefixed one
   */
  record FixedWidth(List<Segment> segments, Optional<Character> padding) implements CodeStructure {
    public FixedWidth {
      segments = List.copyOf(segments);
      Objects.requireNonNull(padding, "padding");
      requireLevels(segments.stream().map(Segment::level).toList());
    }

    @Override
    public List<String> levels() {
      return segments.stream().map(Segment::level).toList();
    }

    /** The total width of a code at {@code depth} ({@code depth + 1} segments, or all when padded). */
    public int width(int depth) {
      int width = 0;
      for (int i = 0; i <= depth; i++) {
        width += segments.get(i).width();
      }
      return width;
    }

    @Override
    public int depthOf(String code) {
      return code == null ? -1 : analyse(code, null);
    }

    @Override
    public Optional<String> problem(String code) {
      if (code == null) {
        return Optional.of("no code");
      }
      String[] why = new String[1];
      return analyse(code, why) < 0 ? Optional.of(why[0]) : Optional.empty();
    }

    @Override
    public List<String> ancestors(String code) {
      int depth = depthOf(code);
      List<String> found = new ArrayList<>();
      for (int d = depth - 1; d >= 0; d--) {
        String candidate = expand(code.substring(0, width(d)));
        if (!candidate.equals(code) && !found.contains(candidate) && depthOf(candidate) >= 0) {
          found.add(candidate);
        }
      }
      return List.copyOf(found);
    }

    /**
     * The significant part of a code that fits: its first {@code depth + 1} segments (for a
     * padded {@code 110000}, {@code 11}).
     *
     * @throws IllegalArgumentException if {@code code} does not fit
     */
    public String significant(String code) {
      int depth = depthOf(code);
      if (depth < 0) {
        throw new IllegalArgumentException("'" + code + "' does not fit the structure: " + problem(code).orElse(""));
      }
      return code.substring(0, width(depth));
    }

    /** The code whose significant part is {@code significant}: padded to full width when padded. */
    public String expand(String significant) {
      Objects.requireNonNull(significant, "significant");
      if (padding.isEmpty()) {
        return significant;
      }
      int total = width(segments.size() - 1);
      return significant.length() >= total
          ? significant
          : significant + String.valueOf(padding.get()).repeat(total - significant.length());
    }

    private int analyse(String code, String[] why) {
      int total = width(segments.size() - 1);
      if (padding.isPresent()) {
        if (code.length() != total) {
          return fail(why, "has " + code.length() + " characters, expected " + total);
        }
        int depth = -1;
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
          Segment segment = segments.get(i);
          if (!isPadding(code, start, segment.width())) {
            depth = i;
          }
          start += segment.width();
        }
        if (depth < 0) {
          return fail(why, "is all padding");
        }
        return checkCharacters(code, depth, why) ? depth : -1;
      }
      int width = 0;
      for (int i = 0; i < segments.size(); i++) {
        width += segments.get(i).width();
        if (code.length() == width) {
          return checkCharacters(code, i, why) ? i : -1;
        }
      }
      StringBuilder widths = new StringBuilder();
      for (int i = 0; i < segments.size(); i++) {
        widths.append(i == 0 ? "" : ", ").append(width(i));
      }
      return fail(why, "has " + code.length() + " characters, expected one of " + widths);
    }

    private boolean checkCharacters(String code, int depth, String[] why) {
      int start = 0;
      for (int i = 0; i <= depth; i++) {
        Segment segment = segments.get(i);
        for (int j = start; j < start + segment.width(); j++) {
          if (!segment.allows(code.charAt(j))) {
            fail(why, "segment '" + segment.level() + "' (characters " + (start + 1) + "-"
                + (start + segment.width()) + ") has '" + code.charAt(j) + "', allowed are "
                + CharacterRanges.describe(segment.characters()));
            return false;
          }
        }
        start += segment.width();
      }
      return true;
    }

    private boolean isPadding(String code, int start, int width) {
      for (int i = start; i < start + width; i++) {
        if (code.charAt(i) != padding.get()) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * One part of a separated code.
   *
   * @param level the level's name
   * @param characters every character allowed in the part
   * @param minWidth the fewest characters, at least 1
   * @param maxWidth the most characters, at least {@code minWidth}
   */
  record Part(String level, String characters, int minWidth, int maxWidth) {
    public Part {
      requireLevelName(level);
      Require.argument(characters != null && !characters.isEmpty(), "part '%s' needs allowed characters", level);
      Require.argument(1 <= minWidth && minWidth <= maxWidth, "part '%s' needs 1 <= minWidth <= maxWidth, got %s..%s",
          level, minWidth, maxWidth);
    }
  }

  /**
   * Parts joined by a separator, one per level.
   *
   * @param separator the text between parts; none of its characters may be allowed in a part
   * @param parts the parts, top level first
   */
  record Separated(String separator, List<Part> parts) implements CodeStructure {
    public Separated {
      Objects.requireNonNull(separator, "separator");
      Require.argument(!separator.isEmpty(), "a separator must not be empty");
      parts = List.copyOf(parts);
      requireLevels(parts.stream().map(Part::level).toList());
      for (Part part : parts) {
        for (char c : separator.toCharArray()) {
          Require.argument(part.characters().indexOf(c) < 0, "part '%s' allows '%s', which is in the separator '%s'",
              part.level(), c, separator);
        }
      }
    }

    @Override
    public List<String> levels() {
      return parts.stream().map(Part::level).toList();
    }

    @Override
    public int depthOf(String code) {
      return code == null ? -1 : analyse(code, null);
    }

    @Override
    public Optional<String> problem(String code) {
      if (code == null) {
        return Optional.of("no code");
      }
      String[] why = new String[1];
      return analyse(code, why) < 0 ? Optional.of(why[0]) : Optional.empty();
    }

    @Override
    public List<String> ancestors(String code) {
      int depth = depthOf(code);
      List<String> found = new ArrayList<>();
      String[] split = code == null ? new String[0] : code.split(Pattern.quote(separator), -1);
      for (int d = depth - 1; d >= 0; d--) {
        found.add(String.join(separator, List.of(split).subList(0, d + 1)));
      }
      return List.copyOf(found);
    }

    private int analyse(String code, String[] why) {
      String[] split = code.split(Pattern.quote(separator), -1);
      if (split.length > parts.size()) {
        return fail(why, "has " + split.length + " parts, at most " + parts.size() + " allowed");
      }
      for (int i = 0; i < split.length; i++) {
        Part part = parts.get(i);
        String text = split[i];
        if (text.length() < part.minWidth() || text.length() > part.maxWidth()) {
          return fail(why, "part '" + part.level() + "' has " + text.length() + " characters, expected "
              + (part.minWidth() == part.maxWidth() ? part.minWidth() : part.minWidth() + " to " + part.maxWidth()));
        }
        for (char c : text.toCharArray()) {
          if (part.characters().indexOf(c) < 0) {
            return fail(why, "part '" + part.level() + "' has '" + c + "', allowed are "
                + CharacterRanges.describe(part.characters()));
          }
        }
      }
      return split.length - 1;
    }
  }

  /**
   * One level of a {@link Patterned} structure.
   *
   * <p>Equal when level, expression and prefix are equal.
   */
  final class PatternLevel {
    private final String level;
    private final String regex;
    private final Pattern pattern;
    private final int parentPrefix;

    /**
     * @param level the level's name
     * @param regex the whole code at this level matches it
     * @param parentPrefix if positive, the parent is the code's first {@code parentPrefix}
     *     characters (a class {@code 3511}'s group {@code 351}); 0 when the parent must be given
     * @throws IllegalArgumentException if {@code regex} is not a regular expression or
     *     {@code parentPrefix} is negative
     */
    public PatternLevel(String level, String regex, int parentPrefix) {
      requireLevelName(level);
      Objects.requireNonNull(regex, "regex");
      Require.atLeast(parentPrefix, 0, "parentPrefix");
      try {
        this.pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("level '" + level + "': '" + regex + "' is not a regular expression", e);
      }
      this.level = level;
      this.regex = regex;
      this.parentPrefix = parentPrefix;
    }

    /** A level whose parent must be given with each code. */
    public static PatternLevel of(String level, String regex) {
      return new PatternLevel(level, regex, 0);
    }

    /** A level whose parent is the code's first {@code parentPrefix} characters. */
    public static PatternLevel withParentPrefix(String level, String regex, int parentPrefix) {
      return new PatternLevel(level, regex, parentPrefix);
    }

    /** The level's name. */
    public String level() {
      return level;
    }

    /** The regular expression a whole code on this level matches. */
    public String regex() {
      return regex;
    }

    /** How many leading characters name the parent; 0 when the parent must be given. */
    public int parentPrefix() {
      return parentPrefix;
    }

    boolean matches(String code) {
      return pattern.matcher(code).matches();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PatternLevel other && level.equals(other.level) && regex.equals(other.regex)
          && parentPrefix == other.parentPrefix;
    }

    @Override
    public int hashCode() {
      return Objects.hash(level, regex, parentPrefix);
    }

    @Override
    public String toString() {
      return level + "=/" + regex + "/" + (parentPrefix > 0 ? " parent=prefix(" + parentPrefix + ")" : "");
    }
  }

  /**
   * Levels told apart by regular expressions; a code belongs to the first level it matches.
   *
   * @param patternLevels the levels, top level first
   */
  record Patterned(List<PatternLevel> patternLevels) implements CodeStructure {
    public Patterned {
      patternLevels = List.copyOf(patternLevels);
      requireLevels(patternLevels.stream().map(PatternLevel::level).toList());
    }

    @Override
    public List<String> levels() {
      return patternLevels.stream().map(PatternLevel::level).toList();
    }

    @Override
    public int depthOf(String code) {
      if (code == null) {
        return -1;
      }
      for (int i = 0; i < patternLevels.size(); i++) {
        if (patternLevels.get(i).matches(code)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Optional<String> problem(String code) {
      if (depthOf(code) >= 0) {
        return Optional.empty();
      }
      StringBuilder expected = new StringBuilder();
      for (PatternLevel level : patternLevels) {
        expected.append(expected.length() == 0 ? "" : ", ").append(level.level()).append(" /").append(level.regex()).append('/');
      }
      return Optional.of("matches no level (" + expected + ")");
    }

    @Override
    public List<String> ancestors(String code) {
      List<String> found = new ArrayList<>();
      String current = code;
      int depth = depthOf(current);
      while (depth > 0) {
        int prefix = patternLevels.get(depth).parentPrefix();
        if (prefix <= 0 || prefix >= current.length()) {
          break;
        }
        current = current.substring(0, prefix);
        depth = depthOf(current);
        if (depth < 0) {
          break;
        }
        found.add(current);
      }
      return List.copyOf(found);
    }
  }

  private static <T> int indexOf(List<T> items, String level, Function<T, String> name) {
    for (int i = 0; i < items.size(); i++) {
      if (name.apply(items.get(i)).equals(level)) {
        return i;
      }
    }
    return -1;
  }

  private static void requireLevelName(String level) {
    Objects.requireNonNull(level, "level");
    Require.argument(!level.isBlank(), "a level name must not be blank");
  }

  private static void requireLevels(List<String> levels) {
    Require.argument(!levels.isEmpty(), "a code structure needs at least one level");
    Set<String> seen = new HashSet<>();
    for (String level : levels) {
      Require.argument(seen.add(level), "level '%s' appears twice", level);
    }
  }

  private static int fail(String[] why, String reason) {
    if (why != null) {
      why[0] = reason;
    }
    return -1;
  }
}
