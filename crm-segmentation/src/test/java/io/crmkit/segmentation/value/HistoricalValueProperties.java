package io.crmkit.segmentation.value;

import static io.crmkit.segmentation.value.Rows.EUR;
import static io.crmkit.segmentation.value.Rows.USD;
import static io.crmkit.segmentation.value.Rows.YEAR;
import static io.crmkit.segmentation.value.Rows.customer;
import static io.crmkit.segmentation.value.Rows.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

class HistoricalValueProperties {

  @Property(tries = 200)
  void netIsPurchasesMinusRefundsAndMarginAtOneRateIsThatRateTimesNet(@ForAll("histories") List<Purchase> rows,
      @ForAll @IntRange(min = 0, max = 100) int percent) {
    BigDecimal rate = BigDecimal.valueOf(percent, 2);

    HistoricalValue value = HistoricalValues.withMargin(Margin.rate(rate)).of(customer(1), rows, YEAR);

    for (CurrencyValue inCurrency : value.byCurrency().values()) {
      CurrencyUnit currency = inCurrency.currency();
      List<Money> amounts = rows.stream().filter(p -> YEAR.contains(p.occurredAt())).map(Purchase::amount)
          .filter(m -> m.getCurrencyUnit().equals(currency)).toList();
      Money bought = amounts.stream().filter(m -> !m.isNegative()).reduce(Money.zero(currency), Money::plus);
      Money refunded = amounts.stream().filter(Money::isNegative).reduce(Money.zero(currency), Money::minus);
      assertThat(inCurrency.purchases()).isEqualTo(bought);
      assertThat(inCurrency.refunds()).isEqualTo(refunded);
      assertThat(inCurrency.net()).isEqualTo(bought.minus(refunded));
      assertThat(inCurrency.purchaseCount() + inCurrency.refundCount()).isEqualTo(amounts.size());
      assertThat(inCurrency.margin()).contains(inCurrency.net().multipliedBy(rate, RoundingMode.HALF_EVEN));
    }
  }

  @Property(tries = 200)
  void splittingAWindowInTwoAndAddingGivesTheWhole(@ForAll("histories") List<Purchase> rows,
      @ForAll @IntRange(min = 1, max = 364) int splitDay, @ForAll @IntRange(min = 0, max = 100) int percent) {
    HistoricalValues values = HistoricalValues.withMargin(Margin.rate(BigDecimal.valueOf(percent, 2)));

    HistoricalValue whole = values.of(customer(1), rows, YEAR);
    HistoricalValue early = values.of(customer(1), rows, TimeRange.between(YEAR.from(), day(splitDay)));
    HistoricalValue late = values.of(customer(1), rows, TimeRange.between(day(splitDay), YEAR.to()));

    for (CurrencyUnit currency : List.of(EUR, USD)) {
      CurrencyValue all = whole.in(currency);
      CurrencyValue a = early.in(currency);
      CurrencyValue b = late.in(currency);
      assertThat(a.purchases().plus(b.purchases())).isEqualTo(all.purchases());
      assertThat(a.refunds().plus(b.refunds())).isEqualTo(all.refunds());
      assertThat(a.purchaseCount() + b.purchaseCount()).isEqualTo(all.purchaseCount());
      assertThat(a.refundCount() + b.refundCount()).isEqualTo(all.refundCount());
      // each part's margin is rounded once to the cent: together they are at most a cent off
      BigDecimal parts = a.margin().orElseThrow().plus(b.margin().orElseThrow()).getAmount();
      assertThat(parts.subtract(all.margin().orElseThrow().getAmount()).abs())
          .isLessThanOrEqualTo(new BigDecimal("0.01"));
    }
  }

  @Provide
  Arbitrary<List<Purchase>> histories() {
    Arbitrary<Integer> days = Arbitraries.integers().between(-30, 400);
    Arbitrary<Integer> cents = Arbitraries.integers().between(-5_000, 20_000);
    Arbitrary<CurrencyUnit> currencies = Arbitraries.of(EUR, EUR, USD);
    return Combinators.combine(days, cents, currencies)
        .as((day, amount, currency) -> Rows.row(1, day, currency, BigDecimal.valueOf(amount, 2).toPlainString()))
        .list().ofMaxSize(40);
  }
}
