package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A hierarchy listed value by value (ARX's CSV layout or explicit paths). */
final class TableHierarchy implements Hierarchy {
  private final Map<String, List<String>> paths;
  private final int height;

  TableHierarchy(Map<String, List<String>> paths) {
    Require.notNull(paths, "paths");
    Require.argument(!paths.isEmpty(), "a hierarchy needs at least one value");
    int width = paths.values().iterator().next().size();
    Require.argument(width >= 1, "a hierarchy path needs at least the value itself");
    Map<String, List<String>> copy = new HashMap<>();
    paths.forEach((value, path) -> {
      Require.argument(path.size() == width,
          "every path must have %s levels, but %s has %s", width, value, path.size());
      Require.argument(path.get(0).equals(value), "the path of %s must start with it: %s", value, path);
      copy.put(value, List.copyOf(path));
    });
    requireTree(copy, width);
    this.paths = copy;
    this.height = width;
  }

  /** Two values equal at a level must stay equal above it, or classes would split as levels rise. */
  private static void requireTree(Map<String, List<String>> paths, int width) {
    for (int level = 0; level + 1 < width; level++) {
      Map<String, String> parent = new HashMap<>();
      for (List<String> path : paths.values()) {
        String previous = parent.putIfAbsent(path.get(level), path.get(level + 1));
        Require.argument(previous == null || previous.equals(path.get(level + 1)),
            "not a tree: %s at level %s has parents %s and %s",
            path.get(level), level, previous, path.get(level + 1));
      }
    }
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public String generalise(String value, int level) {
    List<String> path = paths.get(value);
    Require.argument(path != null, "value %s is not in the hierarchy", value);
    Require.inRange(level, 0, height - 1, "level");
    return path.get(level);
  }
}
