package io.crmkit.benchmarks.core;

import io.crmkit.core.customer.PhoneNumbers;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.standardise.Standardiser;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Standardising records for matching, the per-record step that runs on millions of records,
 * against the floor any standardisation pays: lower-casing and trimming every text field and
 * parsing the phone with libphonenumber, on the same 100,000 generated records (Chinese and
 * Western persons and organisations, written with full-width characters, dashes, country codes
 * and address lines) in the same run. Throughput is records per millisecond, on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(StandardiseBenchmark.RECORDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class StandardiseBenchmark {
  static final int RECORDS = 100_000;

  private static final String[] FAMILY = {"张", "王", "李", "欧阳", "司马", "刘", "陈", "诸葛"};
  private static final String[] GIVEN = {"伟", "娜娜", "小明", "秀英", "光", "婉儿"};
  private static final String[] WESTERN = {"Mary Smith", "John van der Berg", "Dr. Seán O'Brien", "Maria de la Cruz",
      "Ronald Mc Donald"};
  private static final String[] COMPANIES = {"华为技术有限公司", "上海极光贸易有限责任公司", "中国工商银行股份有限公司上海分行",
      "ACME Co., Ltd.", "Robert Bosch GmbH", "海尔集团（青岛）有限公司"};
  private static final String[] ADDRESSES = {"广东省深圳市南山区科技园1号", "北京朝阳区建国路 88 号", "广西南宁市青秀区民族大道100号",
      "上海市黄浦区南京东路 1 号", "浙江杭州西湖区文三路 9 号"};
  private static final String[] PHONE_FORMS = {"%s", "+86 %s", "0086-%s", "%s "};

  private final Standardiser standardiser = Standardiser.defaults();
  private MatchInput[] inputs;

  @Setup(Level.Trial)
  public void generate() {
    Random random = new Random(20251206);
    inputs = new MatchInput[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      MatchInput.Builder input = new MatchInput.Builder().id("r" + i);
      int shape = random.nextInt(10);
      if (shape < 5) {
        input.fullName(FAMILY[random.nextInt(FAMILY.length)] + (random.nextBoolean() ? "" : "　")
            + GIVEN[random.nextInt(GIVEN.length)]);
        input.addressLine(ADDRESSES[random.nextInt(ADDRESSES.length)]);
      } else if (shape < 8) {
        input.fullName(WESTERN[random.nextInt(WESTERN.length)]).city("Bittern").region("QLD").postcode("4814")
            .street(random.nextInt(200) + " Giblin Street");
      } else {
        input.legalName(COMPANIES[random.nextInt(COMPANIES.length)]).identifier("91310000MA1FL8TQ36");
      }
      String mobile = "1" + (38 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000));
      input.addPhone(String.format(PHONE_FORMS[random.nextInt(PHONE_FORMS.length)], mobile));
      input.addEmail("Customer" + i + "@Example.COM");
      inputs[i] = input.build();
    }
  }

  @Benchmark
  public int standardise() {
    int hash = 0;
    for (MatchInput input : inputs) {
      MatchRecord record = standardiser.standardise(input);
      hash += record.phones().size() + record.regionCode().map(String::length).orElse(0);
    }
    return hash;
  }

  /** Lower-case and trim every text field, parse the phone: what no standardiser can avoid. */
  @Benchmark
  public int lowerCaseAndPhoneBaseline() {
    int hash = 0;
    for (MatchInput input : inputs) {
      hash += input.fullName().map(StandardiseBenchmark::lower).orElse("").length();
      hash += input.legalName().map(StandardiseBenchmark::lower).orElse("").length();
      hash += input.addressLine().map(StandardiseBenchmark::lower).orElse("").length();
      hash += input.street().map(StandardiseBenchmark::lower).orElse("").length();
      hash += input.emails().get(0).strip().toLowerCase(Locale.ROOT).length();
      hash += PhoneNumbers.toE164(input.phones().get(0), "CN").map(String::length).orElse(0);
    }
    return hash;
  }

  private static String lower(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
