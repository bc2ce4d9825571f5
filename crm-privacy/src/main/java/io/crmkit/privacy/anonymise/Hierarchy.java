package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one quasi-identifier is generalised: level 0 is the value as recorded, each level above is
 * coarser, and the top level is usually {@code *}. Full-domain generalisation recodes every value
 * of a column to the same level, so a hierarchy only has to answer "this value at that level".
 *
 * <p>A hierarchy must be consistent: two values equal at one level stay equal at every level above
 * (a tree). The search relies on it (coarser levels merge classes, never split them).
 */
public interface Hierarchy {

  /** @return the number of levels, counting level 0 (the recorded value); at least 1 */
  int height();

  /**
   * The value at a level.
   *
   * @param value a recorded value
   * @param level 0 to {@code height() - 1}
   * @return the generalised value
   * @throws IllegalArgumentException if the value is not in the hierarchy or the level is out of range
   */
  String generalise(String value, int level);

  /**
   * Reads a hierarchy in ARX's CSV layout: one line per recorded value, column i its value at
   * level i, no header. Users bring their own hierarchies this way and ARX's published ones (UCI
   * Adult) load as they are.
   *
   * @param reader the text; not closed
   * @param delimiter the cell separator ({@code ;} in ARX's files)
   * @return the hierarchy
   * @throws IllegalArgumentException if lines differ in width, a value repeats, or the hierarchy is
   *     not a tree (a value with two parents at one level)
   */
  static Hierarchy fromCsv(Reader reader, char delimiter) {
    Require.notNull(reader, "reader");
    Pattern split = Pattern.compile(Pattern.quote(String.valueOf(delimiter)));
    Map<String, List<String>> paths = new HashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          List<String> path = List.of(split.split(line, -1));
          Require.argument(paths.put(path.get(0), path) == null,
              "value %s appears twice in the hierarchy", path.get(0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the hierarchy", e);
    }
    return of(paths);
  }

  /**
   * A hierarchy from explicit paths, each from the recorded value (level 0) to its top.
   *
   * @param paths recorded value to its path; every path as long as the others
   * @return the hierarchy
   * @throws IllegalArgumentException if the paths differ in length, a path does not start with its
   *     value, or the hierarchy is not a tree
   */
  static Hierarchy of(Map<String, List<String>> paths) {
    return new TableHierarchy(paths);
  }
}
