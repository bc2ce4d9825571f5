package io.crmkit.io.export;

import io.crmkit.core.common.Require;

/**
 * Keeps a CSV cell from being run as a formula by a spreadsheet (CSV or formula injection, OWASP):
 * a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * is written with a single quote in front, which spreadsheets show as text and never evaluate.
 *
 * <p>So that a reader who knows can get every value back exactly, a cell that already starts
 * with a single quote gets one more: {@link #restore} then removes exactly one leading quote from
 * any cell that has one, and {@code restore(neutralise(v)).equals(v)} for every text. Values that
 * start with a trigger character legitimately (phone numbers in E.164 form such as
 * {@code +8613812345678}, negative numbers) are therefore written {@code '+8613812345678}.
 */
public final class FormulaGuard {

  /** The character put in front of a cell a spreadsheet would otherwise evaluate. */
  public static final char QUOTE = '\'';

  private FormulaGuard() {}

  /**
   * Whether a spreadsheet would take {@code cell} as a formula (or as the start of one).
   *
   * @throws NullPointerException if {@code cell} is null
   */
  public static boolean startsFormula(String cell) {
    Require.notNull(cell, "cell");
    if (cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  /**
   * The cell as it is safe to write: prefixed with {@link #QUOTE} if it starts a formula or already
   * starts with the quote, otherwise unchanged.
   *
   * @throws NullPointerException if {@code cell} is null
   */
  public static String neutralise(String cell) {
    Require.notNull(cell, "cell");
    return startsFormula(cell) || (!cell.isEmpty() && cell.charAt(0) == QUOTE) ? QUOTE + cell : cell;
  }

  /**
   * The value a neutralised cell stood for: the cell without its first character if that is
   * {@link #QUOTE}, otherwise unchanged.
   *
   * @throws NullPointerException if {@code cell} is null
   */
  public static String restore(String cell) {
    Require.notNull(cell, "cell");
    return !cell.isEmpty() && cell.charAt(0) == QUOTE ? cell.substring(1) : cell;
  }
}
