package io.crmkit.examples.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Progress of long work on standard error, one line rewritten in place: only for a person at a
 * terminal, so that logs and pipes get the summary alone. {@link #silent()} shows nothing.
 */
final class Progress implements AutoCloseable {

  /** Rows between two updates: often enough to see movement, rarely enough to cost nothing. */
  static final long EVERY = 1_000;

  private final PrintWriter err;
  private String task = "";
  private long shown;
  private int width;
  private boolean lineOpen;

  private Progress(PrintWriter err) {
    this.err = err;
  }

  /** Progress that shows nothing. */
  static Progress silent() {
    return new Progress(null);
  }

  /** Progress on {@code err}, whatever it is connected to. */
  static Progress to(PrintWriter err) {
    return new Progress(err);
  }

  /** Progress on {@code err} when the program runs at a terminal and was not asked to be quiet. */
  static Progress forTerminal(boolean quiet, PrintWriter err) {
    return quiet || !atTerminal() ? silent() : to(err);
  }

  /** Begins a task, such as reading a file. */
  void start(String task) {
    this.task = task;
    this.shown = 0;
    show(task + " ...");
  }

  /** Tells how many units of the current task are done; shows the count every {@link #EVERY}. */
  void advance(long done) {
    if (err != null && done - shown >= EVERY) {
      shown = done;
      show(String.format(Locale.ROOT, "%s: %,d", task, done));
    }
  }

  /** Ends the current task, leaving its last line on screen. */
  void finish(String outcome) {
    show(task + ": " + outcome);
    close();
  }

  /** Ends a line left open by a task that stopped early, so that an error message starts on a line of its own. */
  @Override
  public void close() {
    if (err != null && lineOpen) {
      err.print(System.lineSeparator());
      err.flush();
      lineOpen = false;
      width = 0;
    }
  }

  /** Rewrites the current line, blanking what is left of a longer one before it. */
  private void show(String line) {
    if (err != null) {
      err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      err.flush();
      width = line.length();
      lineOpen = true;
    }
  }

  /**
   * Before JDK 22 a console exists only at a terminal; from JDK 22 one exists always and says
   * whether it is a terminal ({@code Console.isTerminal}), which this build for Java 17 asks by name.
   */
  private static boolean atTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
