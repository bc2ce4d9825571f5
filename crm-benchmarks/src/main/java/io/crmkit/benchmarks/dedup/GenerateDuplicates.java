package io.crmkit.benchmarks.dedup;

import io.crmkit.testkit.dedup.DuplicateCsv;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes generated customer records with duplicates to a CSV file, for dedup runs at scale:
 *
 * <pre>
 * java -cp crm-benchmarks/target/benchmarks.jar io.crmkit.benchmarks.dedup.GenerateDuplicates \
 *     --records 1000000 --out customers.csv [--seed 1] [--duplicate-share 0.3] [--truth]
 * </pre>
 *
 * <p>The generator streams, so the size of the file does not change the memory needed. With
 * {@code --truth} the last column, {@code entity_id}, says which records are the same customer.
 * Exit code 0 when written, 2 for wrong options, 1 when the file cannot be written.
 */
public final class GenerateDuplicates {
  private static final Set<String> OPTIONS = Set.of("--records", "--out", "--seed", "--duplicate-share");
  private static final String USAGE = "usage: GenerateDuplicates --records N --out FILE [--seed S] "
      + "[--duplicate-share 0..1] [--truth]";

  private GenerateDuplicates() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    boolean truth = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--truth")) {
        truth = true;
      } else if (OPTIONS.contains(args[i]) && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        fail("unknown option or missing value: " + args[i]);
      }
    }
    if (!options.containsKey("--records") || !options.containsKey("--out")) {
      fail("--records and --out are required");
    }
    try {
      long records = number(options, "--records", null);
      DuplicateGenerator generator = DuplicateGenerator.builder().entities(records).maxRecords(records)
          .seed(number(options, "--seed", "1"))
          .duplicateShare(share(options, "--duplicate-share", "0.3")).build();
      Path out = Path.of(options.get("--out"));
      long written = DuplicateCsv.write(generator, out, truth);
      System.out.println(written + " records written to " + out);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (UncheckedIOException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private static long number(Map<String, String> options, String option, String otherwise) {
    String value = options.getOrDefault(option, otherwise);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got " + value, e);
    }
  }

  private static double share(Map<String, String> options, String option, String otherwise) {
    String value = options.getOrDefault(option, otherwise);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number from 0 to 1, got " + value, e);
    }
  }

  private static void fail(String problem) {
    System.err.println(problem);
    System.err.println(USAGE);
    System.exit(2);
  }
}
