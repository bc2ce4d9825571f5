package io.crmkit.io.imports;

/**
 * The file cannot be imported as declared, before any row is read: a header naming a column twice,
 * or with bytes the declared encoding cannot decode, or an empty file to be mapped by its column names. Bad input, where a mapping that does not fit
 * the file is the caller's setting ({@link IllegalArgumentException}).
 */
public final class UnreadableFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnreadableFileException(String message) {
    super(message);
  }
}
