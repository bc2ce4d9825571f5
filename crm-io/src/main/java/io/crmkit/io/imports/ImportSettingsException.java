package io.crmkit.io.imports;

/**
 * The import's settings do not fit the file, found before any row is written: the mapping names a
 * column the file lacks, or the import id's checkpoint was written for another file. The caller's
 * mistake, to be told apart from an {@link IllegalArgumentException} a failing store may throw.
 */
public final class ImportSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ImportSettingsException(String message) {
    super(message);
  }
}
