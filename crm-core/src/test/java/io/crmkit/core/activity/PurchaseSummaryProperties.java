package io.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A summary agrees with figures computed directly from the purchase list (calendar dates in UTC
 * from {@code java.time}, sums with {@code BigDecimal}), whatever order the purchases come in.
 */
class PurchaseSummaryProperties {
  private static final CustomerId ME = CustomerId.of(new UUID(0, 1));
  private static final Instant START = Instant.parse("2024-12-30T00:00:00Z");
  private static final List<CurrencyUnit> CURRENCIES = List.of(CurrencyUnit.EUR, CurrencyUnit.JPY,
      CurrencyUnit.of("BHD"));

  @Property(tries = 300)
  void theSummaryHasTheFiguresOfThePurchaseList(@ForAll("purchases") List<Purchase> purchases,
      @ForAll("instants") Instant asOf) {
    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, asOf);

    List<Purchase> before = purchases.stream().filter(p -> p.occurredAt().isBefore(asOf)).toList();
    List<Purchase> bought = before.stream().filter(p -> !p.isRefund()).toList();
    Map<LocalDate, Instant> firstOfDay = new TreeMap<>();
    bought.forEach(p -> firstOfDay.merge(p.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), p.occurredAt(),
        (a, b) -> a.isBefore(b) ? a : b));
    assertThat(summary.occasions()).isEqualTo(firstOfDay.size());
    assertThat(summary.purchaseCount()).isEqualTo(bought.size());
    assertThat(summary.refundCount()).isEqualTo(before.size() - bought.size());
    assertThat(summary.firstPurchaseAt()).isEqualTo(bought.stream().map(Purchase::occurredAt).min(Comparator.naturalOrder()));
    assertThat(summary.lastPurchaseAt()).isEqualTo(bought.stream().map(Purchase::occurredAt).max(Comparator.naturalOrder()));
    assertThat(summary.lastOccasionAt()).isEqualTo(firstOfDay.values().stream().reduce((a, b) -> b));
    Map<CurrencyUnit, BigDecimal> totals = before.stream().collect(Collectors.groupingBy(p -> p.amount().getCurrencyUnit(),
        Collectors.reducing(BigDecimal.ZERO, p -> p.amount().getAmount(), BigDecimal::add)));
    assertThat(summary.byCurrency()).hasSameSizeAs(totals);
    totals.forEach((currency, total) ->
        assertThat(summary.in(currency).orElseThrow().total().getAmount()).isEqualByComparingTo(total));
  }

  @Property(tries = 300)
  void theOrderOfThePurchasesDoesNotMatter(@ForAll("purchases") List<Purchase> purchases,
      @ForAll("instants") Instant asOf, @ForAll long seed) {
    List<Purchase> shuffled = new ArrayList<>(purchases);
    Collections.shuffle(shuffled, new Random(seed));
    PurchaseSummary.Tally tally = new PurchaseSummary.Tally(ME, asOf);
    shuffled.forEach(p -> tally.add(p.occurredAt(), p.amount()));

    assertThat(tally.summary()).isEqualTo(PurchaseSummary.of(ME, purchases, asOf));
  }

  @Property(tries = 300)
  void aWindowsSummaryIsTheSummaryOfThePurchasesFromItsStartMarkedWithTheStart(
      @ForAll("purchases") List<Purchase> purchases, @ForAll("instants") Instant since, @ForAll("instants") Instant asOf) {
    Assume.that(since.isBefore(asOf));
    List<Purchase> fromStart = purchases.stream().filter(p -> !p.occurredAt().isBefore(since)).toList();

    PurchaseSummary window = PurchaseSummary.of(ME, purchases, TimeRange.between(since, asOf));

    assertThat(window.since()).contains(since);
    assertThat(window).isEqualTo(new PurchaseSummary.Builder().from(PurchaseSummary.of(ME, fromStart, asOf))
        .since(since).build());
    assertThat(PurchaseSummary.of(ME, purchases, TimeRange.until(asOf))).isEqualTo(PurchaseSummary.of(ME, purchases, asOf));
  }

  @Provide
  Arbitrary<List<Purchase>> purchases() {
    Arbitrary<Money> amounts = Combinators.combine(Arbitraries.of(CURRENCIES),
        Arbitraries.longs().between(-5_000, 50_000)).as(Money::ofMinor);
    return Combinators.combine(Arbitraries.integers().between(0, 1_000_000), instants(), amounts)
        .as((n, at, amount) -> new Purchase.Builder().id(ActivityId.of(new UUID(3, n))).customerId(ME)
            .occurredAt(at).amount(amount).channel("store").build())
        .list().ofMaxSize(25).uniqueElements(Purchase::id);
  }

  /** Instants over a few weeks, on the hour, near midnight or anywhere, so that days hold several purchases. */
  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 20 * 24).map(hours -> START.plusSeconds(3_600L * hours)),
        Arbitraries.integers().between(1, 20).map(day -> START.plusSeconds(86_400L * day).minusNanos(1)),
        Arbitraries.longs().between(0, 20L * 86_400_000_000_000L).map(START::plusNanos));
  }
}
