package io.crmkit.io.imports;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report files of an import cannot be written: a failure of the output, not of the file
 * imported, so that a caller can tell the two apart.
 */
public final class ImportReportException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  ImportReportException(IOException cause) {
    super("the import report cannot be written: " + cause.getMessage(), cause);
  }
}
