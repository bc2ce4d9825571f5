package io.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a command writes its outputs: beside the input by default, and never over a file it reads or writes twice. */
final class OutputFiles {

  private OutputFiles() {}

  /** A file beside {@code input}: its name without the last extension, then {@code suffix}. */
  static Path beside(Path input, String suffix) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return input.resolveSibling(base + suffix);
  }

  /** A check that a command's outputs are distinct files and none of them is one of its inputs. */
  static Distinct distinct() {
    return new Distinct();
  }

  /**
   * The files a command reads and writes, each under the name its user knows it by (an option, or
   * {@code INPUT}). {@link #check} refuses an output that is an input, which writing would destroy
   * before or while it is read, and two outputs on one file, which would leave only the last.
   */
  static final class Distinct {
    private final Map<String, Path> inputs = new LinkedHashMap<>();
    private final Map<String, Path> outputs = new LinkedHashMap<>();

    private Distinct() {}

    /** A file the command reads; null (an option not given) is skipped. */
    Distinct input(String name, Path file) {
      if (file != null) {
        inputs.put(name, file);
      }
      return this;
    }

    /** A file the command writes; null (an output it will not write) is skipped. */
    Distinct output(String name, Path file) {
      if (file != null) {
        outputs.put(name, file);
      }
      return this;
    }

    /**
     * Throws if an output is a folder, an input or another output: the same path, or (for files
     * that exist) the same file under another path.
     *
     * @throws CliException usage, naming both
     */
    void check() {
      Map<String, Path> seen = new LinkedHashMap<>(inputs);
      outputs.forEach((name, file) -> {
        if (Files.isDirectory(file)) {
          throw CliException.usage(name + " " + file + " is a folder; name a file");
        }
        seen.forEach((otherName, other) -> {
          if (sameFile(file, other)) {
            throw CliException.usage(name + " " + file + " is " + otherName + " (" + other + "): writing it would "
                + (inputs.containsKey(otherName) ? "destroy what is read" : "leave only one of the two")
                + "; name another file");
          }
        });
        seen.put(name, file);
      });
    }

    private static boolean sameFile(Path a, Path b) {
      if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
        return true;
      }
      try {
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
      } catch (IOException e) {
        return false;
      }
    }
  }
}
