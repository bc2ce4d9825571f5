package io.crmkit.examples.cli;

import io.crmkit.privacy.anonymise.Hierarchy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets aside the rows of a file with a quasi-identifier value its hierarchy does not list, so that
 * one typing error in a large file costs that row, named by file, row, line and column, rather than
 * the whole run. The anonymiser then sees only rows it can generalise.
 */
final class HierarchyCheck {

  private HierarchyCheck() {}

  /**
   * The rows to anonymise and every row set aside, the file's own rejections first.
   *
   * @param rows the rows whose every quasi-identifier value is in its hierarchy, in file order
   * @param rejections the reader's rejections and one per row with an unknown value (its first), by row
   */
  record Checked(List<List<String>> rows, List<DelimitedFile.Rejection> rejections) {}

  /**
   * Checks every row's quasi-identifier values.
   *
   * @param contents the file as read
   * @param hierarchies each quasi-identifier column's hierarchy
   * @param files each quasi-identifier column's hierarchy file, for messages
   */
  static Checked keepKnownValues(DelimitedFile.Contents contents, Map<String, Hierarchy> hierarchies,
      Map<String, Path> files) {
    List<String> names = new ArrayList<>(hierarchies.keySet());
    int[] positions = names.stream().mapToInt(contents.header()::indexOf).toArray();
    List<Map<String, Boolean>> known = new ArrayList<>();
    names.forEach(name -> known.add(new HashMap<>()));
    List<List<String>> kept = new ArrayList<>(contents.rows().size());
    List<DelimitedFile.Rejection> rejections = new ArrayList<>(contents.rejections());
    for (int r = 0; r < contents.rows().size(); r++) {
      List<String> row = contents.rows().get(r);
      int unknown = -1;
      for (int j = 0; j < names.size() && unknown < 0; j++) {
        Hierarchy hierarchy = hierarchies.get(names.get(j));
        if (!known.get(j).computeIfAbsent(row.get(positions[j]), value -> listed(hierarchy, value))) {
          unknown = j;
        }
      }
      if (unknown < 0) {
        kept.add(row);
      } else {
        String column = names.get(unknown);
        rejections.add(new DelimitedFile.Rejection(contents.name(), contents.rowNumbers().get(r),
            contents.lines().get(r), column, "value \"" + row.get(positions[unknown]) + "\" is not in "
            + files.get(column).getFileName()));
      }
    }
    rejections.sort(Comparator.comparingLong(DelimitedFile.Rejection::row));
    return new Checked(kept, rejections);
  }

  private static boolean listed(Hierarchy hierarchy, String value) {
    try {
      hierarchy.generalise(value, 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
