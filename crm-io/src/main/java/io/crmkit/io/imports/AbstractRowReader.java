package io.crmkit.io.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The iteration both row readers share: one row read ahead, so {@link #hasNext()} can answer,
 * and the file's problems collected as the rows are read. A reader supplies {@link #read()}.
 */
abstract class AbstractRowReader implements RowReader {
  /** Problems of the file as a whole, added by the reader as it finds them. */
  protected final List<RowProblem> fileProblems = new ArrayList<>();
  private SourceRow next;
  private boolean done;

  /** The next row, or {@code null} at the end (after adding any problem the end reveals). */
  protected abstract SourceRow read();

  /** Ends the rows before the end of the file (nothing after can be read). */
  protected final void end() {
    done = true;
  }

  @Override
  public final List<RowProblem> fileProblems() {
    return List.copyOf(fileProblems);
  }

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = read();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final SourceRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRow row = next;
    next = null;
    return row;
  }
}
