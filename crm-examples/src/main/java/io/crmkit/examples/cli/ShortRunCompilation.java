package io.crmkit.examples.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Tells the JVM that this process is a short run, so that it leaves out its optimising (C2)
 * compiler: what {@code -XX:TieredStopAtLevel=1} does, which a runnable jar cannot put in its
 * manifest and which a user of {@code java -jar crmkit.jar} does not type.
 *
 * <p>Why: on a file of some thousands of records the whole run lasts a second or two, and the C2
 * compiler spends more processor time than its faster code gives back (measured on FEBRL dataset3,
 * 5,000 records: 3.0 s of CPU with it, 1.7 s without; on 21,000 records 6.4 s against 3.9 s), while
 * on a 2-core machine it takes a core from the run. Long runs keep it: their hot loops run for
 * minutes, where C2's code pays. The JVM learns it through a compiler directive ({@code [{match:
 * "*.*", c2: {Exclude: true}}]}, JEP 165) added at run time with the {@code compilerDirectivesAdd}
 * diagnostic command; a method C2 may not compile is compiled by C1 without profiling instead.
 *
 * <p>Only the program's {@code main} does this, never a library or a test JVM, and a JVM without
 * that command (not HotSpot, a runtime without {@code jdk.management}) just runs as it is: the
 * directive changes how fast code runs, never what it computes.
 */
final class ShortRunCompilation {

  /**
   * Input files of up to this many bytes in all make a short run: FEBRL's files hold about 100
   * bytes a record, so some 50,000 such records (C1 code was still well ahead at 21,000, 2.2 MB).
   */
  static final long MAX_BYTES = 5_000_000;

  static final String EXCLUDE_C2 = "[{match: \"*.*\", c2: {Exclude: true}}]";

  private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

  private ShortRunCompilation() {}

  /**
   * Whether a run over {@code files} is short enough to go without C2, judged before anything is
   * read (the earlier the directive, the less C2 has compiled already): by their size. A file
   * whose size cannot be read counts as long, and reading it will say what is wrong with it.
   */
  static boolean isShort(List<Path> files) {
    long bytes = 0;
    for (Path file : files) {
      try {
        bytes += Files.size(file);
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
    return bytes <= MAX_BYTES;
  }

  /**
   * Adds a compiler directive to this JVM.
   *
   * @param directive the directive, in the JSON form of {@code -XX:CompilerDirectivesFile}
   * @return whether the JVM took it; false where it has no way to take it or refused it
   */
  static boolean addDirective(String directive) {
    Path file = null;
    try {
      file = Files.createTempFile("crmkit-compiler-directive", ".json");
      Files.writeString(file, directive);
      Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
          "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
          new String[] {String[].class.getName()});
      // HotSpot answers "N compiler directives added", or says why it added none.
      return String.valueOf(answer).strip().matches("[1-9][0-9]* compiler directives? added");
    } catch (IOException | JMException | RuntimeException | LinkageError e) {
      // No temporary file, no such command, no java.management: the run goes on at the JVM's defaults.
      return false;
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
