package io.crmkit.examples.cli;

/**
 * An expected way for a command to stop: its message is for the user (naming the file, row and
 * column where there is one) and its exit code is one of {@link ExitCodes}. Anything else a command
 * throws is a failure.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad input: a file that is missing or cannot be read as asked. */
  static CliException badInput(String message) {
    return new CliException(ExitCodes.BAD_INPUT, message, null);
  }

  /** A wrong command line: an option value or a mapping that cannot work with the file. */
  static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message, null);
  }

  /** A failure that is not the input's fault, such as an output that cannot be written. */
  static CliException failure(String message, Throwable cause) {
    return new CliException(ExitCodes.FAILURE, message, cause);
  }

  int exitCode() {
    return exitCode;
  }
}
