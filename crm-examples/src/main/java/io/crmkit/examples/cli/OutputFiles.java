package io.crmkit.examples.cli;

import java.nio.file.Path;

/** Where a command writes an output its user did not name: beside the input, named after it. */
final class OutputFiles {

  private OutputFiles() {}

  /** A file beside {@code input}: its name without the last extension, then {@code suffix}. */
  static Path beside(Path input, String suffix) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return input.resolveSibling(base + suffix);
  }
}
