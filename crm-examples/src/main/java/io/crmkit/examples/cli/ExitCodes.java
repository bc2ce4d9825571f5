package io.crmkit.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every {@code crmkit} command returns, so that scripts can tell what happened
 * without reading messages. They are listed in each command's {@code --help} and in the README.
 */
public final class ExitCodes {

  /** The work is done and the input was read without a rejected row. */
  public static final int DONE = 0;

  /**
   * The input is bad: a file is missing or unreadable, or rows were rejected (the outputs are
   * still written from the rows that could be read).
   */
  public static final int BAD_INPUT = 1;

  /** The command line is wrong: an unknown option, a bad option value, a mapped column the file does not have. */
  public static final int USAGE = 2;

  /** The work failed for another reason (an output that cannot be written, an internal error). */
  public static final int FAILURE = 3;

  private ExitCodes() {}

  /** The codes with one line of explanation each, as {@code --help} lists them. */
  static Map<String, String> described() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(Integer.toString(DONE), "done");
    codes.put(Integer.toString(BAD_INPUT), "bad input: a missing or unreadable file, or rejected rows (outputs still written)");
    codes.put(Integer.toString(USAGE), "usage: an unknown option, a bad value, a mapped column the file lacks");
    codes.put(Integer.toString(FAILURE), "failure: an output cannot be written, or an internal error");
    return codes;
  }
}
