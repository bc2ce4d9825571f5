package io.crmkit.examples.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}, shared by every command as a picocli mixin: no progress, only the summary and errors. */
final class QuietOption {

  @Option(names = {"-q", "--quiet"}, description = "Show no progress (there is none either when standard error is not a terminal).")
  boolean quiet;
}
