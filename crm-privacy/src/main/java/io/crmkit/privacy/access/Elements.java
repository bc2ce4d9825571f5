package io.crmkit.privacy.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts back, element by element, what a caller sent unchanged from a masked view: an element equal
 * to one the view showed becomes the stored element it stood for, and only new or edited elements
 * are kept as sent. So adding a phone or editing one address never writes the other elements'
 * masks over their stored values.
 */
final class Elements {
  private Elements() {}

  /**
   * @param current the stored elements, in order
   * @param view {@code current} as the caller was shown it, element for element (a mask may have
   *     collapsed equal-looking elements of a set, then only the whole list can be matched)
   * @param changed what the caller sent back
   */
  static <T> List<T> restore(List<T> current, List<T> view, List<T> changed) {
    if (current.size() != view.size()) {
      return changed.equals(view) ? current : changed;
    }
    boolean[] used = new boolean[view.size()];
    List<T> out = new ArrayList<>(changed.size());
    for (T element : changed) {
      int at = unusedIndexOf(view, element, used);
      if (at >= 0) {
        used[at] = true;
        out.add(current.get(at));
      } else {
        out.add(element);
      }
    }
    return out;
  }

  private static <T> int unusedIndexOf(List<T> view, T element, boolean[] used) {
    for (int i = 0; i < view.size(); i++) {
      if (!used[i] && view.get(i).equals(element)) {
        return i;
      }
    }
    return -1;
  }
}
