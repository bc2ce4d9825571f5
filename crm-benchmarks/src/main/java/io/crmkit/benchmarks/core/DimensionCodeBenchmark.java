package io.crmkit.benchmarks.core;

import io.crmkit.core.checkdigit.CheckCharacters;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.CodeCheck;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.code.CodeFormat;
import io.crmkit.core.dimension.code.CodeParse;
import io.crmkit.core.dimension.code.CustomerCode;
import io.crmkit.core.dimension.code.CustomerCodeAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dimension codes against plain baselines, in the same run.
 *
 * <ul>
 *   <li>Validating GB/T 2260 region codes ({@link DimensionScheme#check}: structure, lookup,
 *       retirement; a realistic mix of codes in force, retired, unknown and malformed) against a
 *       precompiled regular expression {@code [0-9]{6}} over the same codes, which says nothing
 *       about whether a code exists.
 *   <li>Parsing composite customer codes (type + province + sequence + ISO 7064 MOD 37-2 check
 *       character, with a few typing errors) against a precompiled regular expression of their
 *       shape.
 *   <li>Allocating customer codes (lift the region to its province, in-memory sequence, format,
 *       check character) against counting with an {@link AtomicLong} per prefix and concatenating.
 * </ul>
 *
 * <p>One operation is one code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class DimensionCodeBenchmark {
  private static final int CODES = 4096;
  private static final Pattern REGION_SHAPE = Pattern.compile("[0-9]{6}");
  private static final Pattern CUSTOMER_CODE_SHAPE = Pattern.compile("[A-Z0-9]{3}[0-9]{2}[0-9]{6}[0-9A-Z*]");

  private DimensionScheme regions;
  private CodeFormat format;
  private String[] regionCodes;
  private String[] customerCodes;
  private List<Map<String, String>> customers;
  private CustomerCodeAllocator allocator;
  private ConcurrentHashMap<String, AtomicLong> baselineCounters;
  private int next;

  @Setup(Level.Trial)
  public void prepare() {
    Random random = new Random(42);
    regions = BuiltInSchemes.gbt2260();
    List<DimensionCode> inForce = regions.codes("county");
    List<DimensionCode> retired = regions.entries().stream().filter(e -> !e.inForce()).toList();
    regionCodes = new String[CODES];
    for (int i = 0; i < CODES; i++) {
      int kind = random.nextInt(100);
      regionCodes[i] = kind < 80 ? inForce.get(random.nextInt(inForce.size())).code()
          : kind < 90 ? retired.get(random.nextInt(retired.size())).code()
          : kind < 95 ? String.format("%06d", random.nextInt(1_000_000))
          : "11010" + (char) ('a' + random.nextInt(26));
    }
    format = new CodeFormat.Builder("customer")
        .dimension(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes(), "type")
        .dimension(Dimensions.REGION, regions, "province")
        .sequence(6)
        .checkCharacters(CheckCharacters.MOD_37_2)
        .build();
    List<DimensionCode> types = BuiltInSchemes.customerTypes().codes();
    List<DimensionCode> provinces = regions.codes("province");
    customerCodes = new String[CODES];
    customers = new ArrayList<>(CODES);
    for (int i = 0; i < CODES; i++) {
      String type = types.get(random.nextInt(types.size())).code();
      String province = provinces.get(random.nextInt(provinces.size())).code();
      String code = format.format(new CustomerCode.Parts(
          Map.of(Dimensions.CUSTOMER_TYPE, type, Dimensions.REGION, province), 1 + random.nextInt(999_999))).value();
      if (random.nextInt(100) < 5) {
        int at = random.nextInt(code.length());
        code = code.substring(0, at) + (code.charAt(at) == '7' ? '1' : '7') + code.substring(at + 1);
      }
      customerCodes[i] = code;
      customers.add(Map.of(Dimensions.CUSTOMER_TYPE, type, Dimensions.REGION, inForce.get(random.nextInt(inForce.size())).code()));
    }
  }

  /** Fresh sequences every iteration, so that no combination runs out of its six digits. */
  @Setup(Level.Iteration)
  public void freshSequences() {
    allocator = new CustomerCodeAllocator(format, InMemoryCrmStore.create().attach(InMemoryExtensions.dimensionCodes()).codeSequences());
    baselineCounters = new ConcurrentHashMap<>();
  }

  private int index() {
    int i = next;
    next = (i + 1) & (CODES - 1);
    return i;
  }

  /** crmkit: structure, check, lookup and retirement of a GB/T 2260 code. */
  @Benchmark
  public CodeCheck validateRegionCode() {
    return regions.check(regionCodes[index()]);
  }

  /** Baseline: the same codes against a precompiled {@code [0-9]{6}}. */
  @Benchmark
  public boolean regionCodeRegexBaseline() {
    return REGION_SHAPE.matcher(regionCodes[index()]).matches();
  }

  /** crmkit: length, segments, check character, dimension lookups and sequence of a customer code. */
  @Benchmark
  public CodeParse parseCustomerCode() {
    return format.parse(customerCodes[index()]);
  }

  /** Baseline: the same codes against a precompiled expression of their shape. */
  @Benchmark
  public boolean customerCodeRegexBaseline() {
    return CUSTOMER_CODE_SHAPE.matcher(customerCodes[index()]).matches();
  }

  /** crmkit: check both dimension codes, lift the county to its province, next number, format with check. */
  @Benchmark
  public CustomerCode allocateCustomerCode() {
    return allocator.allocate(customers.get(index()));
  }

  /** Baseline: one counter per prefix and string concatenation; no checks, no check character. */
  @Benchmark
  public String allocationBaseline() {
    Map<String, String> customer = customers.get(index());
    String prefix = customer.get(Dimensions.CUSTOMER_TYPE) + customer.get(Dimensions.REGION).substring(0, 2);
    long number = baselineCounters.computeIfAbsent(prefix, p -> new AtomicLong()).incrementAndGet();
    String digits = Long.toString(number);
    return prefix + "000000".substring(digits.length()) + digits;
  }
}
