package io.crmkit.core.dimension.code;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CustomerCodeAllocatorTest {
  private final CodeSequences sequences = InMemoryCrmStore.create().attach(InMemoryExtensions.dimensionCodes()).codeSequences();
  private final CustomerCodeAllocator allocator =
      new CustomerCodeAllocator(CodeFormatTest.TYPE_PROVINCE_SEQUENCE, sequences);

  private static Map<String, String> codes(String type, String region) {
    return Map.of(Dimensions.CUSTOMER_TYPE, type, Dimensions.REGION, region);
  }

  @Test
  void aCountyIsLiftedToItsProvinceAndEachCombinationCountsAlone() {
    CustomerCode first = allocator.allocate(codes("B2B", "110105"));
    CustomerCode second = allocator.allocate(codes("B2B", "110101"));
    CustomerCode other = allocator.allocate(codes("B2C", "440305"));
    assertThat(first.parts()).isEqualTo(new CustomerCode.Parts(codes("B2B", "110000"), 1));
    assertThat(second.parts().sequence()).isEqualTo(2);
    assertThat(other.parts()).isEqualTo(new CustomerCode.Parts(codes("B2C", "440000"), 1));
    assertThat(first.value()).startsWith("B2B11-000001");
  }

  @Test
  void aCustomerWithoutUsableCodesGetsNoCodeAndEveryReason() {
    assertThatThrownBy(() -> allocator.allocate(Map.of(Dimensions.REGION, "110103")))
        .isInstanceOf(CrmValidationException.class)
        .satisfies(e -> assertThat(((CrmValidationException) e).violations())
            .extracting(Violation::path, Violation::rule)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("dimensionCodes[customer-type]", "missing-code"),
                org.assertj.core.groups.Tuple.tuple("dimensionCodes[region]", "retired-code")))
        .hasMessageContaining("re-code it first: successors 110101");
    assertThat(allocator.problems(codes("XYZ", "110105"))).extracting(Violation::rule).containsExactly("unknown-code");
    assertThat(sequences.current("customer:B2B11")).isZero();
  }

  @Test
  void aFullSequenceIsReportedNotWrapped() {
    CodeFormat tiny = new CodeFormat.Builder("tiny").dimension("t", BuiltInSchemes.customerTypes(), "type").sequence(1).build();
    CustomerCodeAllocator small = new CustomerCodeAllocator(tiny, sequences);
    for (int i = 1; i <= 9; i++) {
      assertThat(small.allocate(Map.of("t", "GOV")).value()).isEqualTo("GOV" + i);
    }
    assertThatThrownBy(() -> small.allocate(Map.of("t", "GOV"))).isInstanceOf(CodeSequences.SequenceExhaustedException.class)
        .hasMessageContaining("tiny:GOV");
  }

  @Test
  void bulkAllocationReportsEveryCustomerOnceInInputOrder() {
    List<Customer> customers = List.of(
        customer(1, codes("B2B", "110105")), customer(2, Map.of()), customer(3, codes("B2B", "110108")),
        customer(4, codes("GOV", "310101")));
    CustomerCodeAllocator.Report report = allocator.allocateAll(customers);
    assertThat(report.allocated()).containsOnlyKeys(id(1), id(3), id(4));
    assertThat(report.allocated().get(id(3)).parts().sequence()).isEqualTo(2);
    assertThat(report.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.subject()).isEqualTo(id(2).toString());
      assertThat(rejection.violations()).extracting(Violation::path, Violation::rule).containsExactly(
          tuple("dimensionCodes[customer-type]", "missing-code"), tuple("dimensionCodes[region]", "missing-code"));
    });
    assertThatThrownBy(() -> allocator.allocateAll(List.of(customers.get(0), customers.get(0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyThreadsAllocatingAtOnceNeverGetTheSameCode() throws Exception {
    int threads = 8;
    int perThread = 400;
    List<Map<String, String>> mix = List.of(codes("B2B", "110105"), codes("B2B", "110108"), codes("B2C", "310101"));
    Set<String> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.add(allocator.allocate(mix.get((i + offset) % mix.size())).value());
          }
          return mine;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<List<String>> result : results) {
        for (String code : result.get(30, TimeUnit.SECONDS)) {
          assertThat(seen.add(code)).as("duplicate %s", code).isTrue();
          assertThat(CodeFormatTest.TYPE_PROVINCE_SEQUENCE.parse(code).isValid()).isTrue();
          total++;
        }
      }
      assertThat(total).isEqualTo(threads * perThread);
      assertThat(sequences.current("customer:B2B11") + sequences.current("customer:B2C31")).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static CustomerId id(long n) {
    return CustomerId.of(new UUID(0, n));
  }

  private static Customer customer(long n, Map<String, String> codes) {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    return new Customer.Builder().from(NewCustomer.organisation("Org " + n).putAllDimensionCodes(codes).build())
        .id(id(n)).version(1).createdAt(t).updatedAt(t).build();
  }
}
