package io.crmkit.benchmarks.core;

import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating codes with their check characters against the baseline many systems settle for: a
 * precompiled regular expression for the code's shape, on the same 100,000 strings in the same
 * run. Throughput is codes per microsecond. The regex accepts every single-character typo that
 * keeps the shape; the validators reject them all, and the ratio says what that costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(CheckCharacterBenchmark.CODES)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CheckCharacterBenchmark {
  static final int CODES = 100_000;

  private static final Pattern USCC_SHAPE =
      Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
  private static final Pattern RESIDENT_ID_SHAPE =
      Pattern.compile("[0-9]{6}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]");
  private static final Pattern MOD_97_10_SHAPE = Pattern.compile("[0-9]{20}");
  private static final String[] REGIONS = {"110105", "310101", "440305", "510104", "330106", "350100", "120224"};

  private String[] usccs;
  private String[] residentIds;
  private String[] mod97Codes;
  private Clock fixedClock;

  @Setup(Level.Trial)
  public void generate() {
    fixedClock = Clock.fixed(Instant.now(), ZoneId.systemDefault());
    Random random = new Random(20240601);
    String alphabet = UnifiedSocialCreditCode.ALPHABET;
    usccs = new String[CODES];
    residentIds = new String[CODES];
    mod97Codes = new String[CODES];
    long firstDay = LocalDate.of(1930, 1, 1).toEpochDay();
    long lastDay = LocalDate.of(2010, 12, 31).toEpochDay();
    for (int i = 0; i < CODES; i++) {
      StringBuilder uscc = new StringBuilder("91").append(REGIONS[random.nextInt(REGIONS.length)]);
      for (int j = 0; j < 9; j++) {
        uscc.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      usccs[i] = uscc.toString() + UnifiedSocialCreditCode.computeCheckCharacter(uscc.toString());

      String birth = LocalDate.ofEpochDay(firstDay + (long) (random.nextDouble() * (lastDay - firstDay)))
          .format(DateTimeFormatter.BASIC_ISO_DATE);
      String id = REGIONS[random.nextInt(REGIONS.length)] + birth + String.format("%03d", random.nextInt(1000));
      residentIds[i] = id + ResidentIdentityNumber.computeCheckCharacter(id);

      long payload = Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L);
      mod97Codes[i] = CheckCharacters.MOD_97_10.append(String.format("%018d", payload));
    }
  }

  /** crmkit: GB 32100 alphabet, numeric region code and the mod-31 check. */
  @Benchmark
  public int usccValidator() {
    int valid = 0;
    for (String code : usccs) {
      if (UnifiedSocialCreditCode.isValid(code)) {
        valid++;
      }
    }
    return valid;
  }

  /** Baseline: the same codes through a precompiled regex of the USCC shape. */
  @Benchmark
  public int usccRegexBaseline() {
    int valid = 0;
    for (String code : usccs) {
      if (USCC_SHAPE.matcher(code).matches()) {
        valid++;
      }
    }
    return valid;
  }

  /** crmkit: digits, a real birth date not after today (system clock), and the MOD 11-2 check. */
  @Benchmark
  public int residentIdValidator() {
    int valid = 0;
    for (String number : residentIds) {
      if (ResidentIdentityNumber.isValid(number)) {
        valid++;
      }
    }
    return valid;
  }

  /**
   * The same with a clock fixed at the trial's start, to show what reading the system clock and
   * time zone for every number costs.
   */
  @Benchmark
  public int residentIdValidatorFixedClock() {
    int valid = 0;
    for (String number : residentIds) {
      if (ResidentIdentityNumber.isValid(number, fixedClock)) {
        valid++;
      }
    }
    return valid;
  }

  /** Baseline: the common identity-number regex (plausible year, month and day ranges). */
  @Benchmark
  public int residentIdRegexBaseline() {
    int valid = 0;
    for (String number : residentIds) {
      if (RESIDENT_ID_SHAPE.matcher(number).matches()) {
        valid++;
      }
    }
    return valid;
  }

  /** crmkit: ISO 7064 MOD 97-10 over 18 payload digits and 2 check digits. */
  @Benchmark
  public int mod97_10Validator() {
    int valid = 0;
    for (String code : mod97Codes) {
      if (CheckCharacters.MOD_97_10.isValid(code)) {
        valid++;
      }
    }
    return valid;
  }

  /** Baseline: twenty digits by regex. */
  @Benchmark
  public int mod97_10RegexBaseline() {
    int valid = 0;
    for (String code : mod97Codes) {
      if (MOD_97_10_SHAPE.matcher(code).matches()) {
        valid++;
      }
    }
    return valid;
  }
}
