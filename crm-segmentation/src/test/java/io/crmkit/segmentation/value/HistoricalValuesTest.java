package io.crmkit.segmentation.value;

import static io.crmkit.segmentation.value.Rows.AS_OF;
import static io.crmkit.segmentation.value.Rows.EUR;
import static io.crmkit.segmentation.value.Rows.USD;
import static io.crmkit.segmentation.value.Rows.YEAR;
import static io.crmkit.segmentation.value.Rows.customer;
import static io.crmkit.segmentation.value.Rows.day;
import static io.crmkit.segmentation.value.Rows.eur;
import static io.crmkit.segmentation.value.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.segmentation.rfm.CurrencyMismatchException;
import io.crmkit.segmentation.rfm.ExchangeRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class HistoricalValuesTest {
  private final HistoricalValues totals = HistoricalValues.withoutMargin();

  @Test
  void refundsAreTotalledApartAndLowerTheNetValueAndWithoutAMarginTheMarginIsUnknown() {
    List<Purchase> rows = List.of(row(1, 10, EUR, "100.00"), row(1, 20, EUR, "60.00"), row(1, 30, EUR, "-40.00"));

    CurrencyValue value = totals.of(customer(1), rows, YEAR).in(EUR);

    assertThat(value).isEqualTo(new CurrencyValue(eur("160.00"), eur("40.00"), 2, 1, Optional.empty()));
    assertThat(value.net()).isEqualTo(eur("120.00"));
  }

  @Test
  void onlyPurchasesInTheHalfOpenWindowCountAndOtherCustomersAreIgnored() {
    TimeRange window = TimeRange.between(day(10), day(20));
    List<Purchase> rows = List.of(row(1, 9, EUR, "1.00"), row(1, 10, EUR, "2.00"), row(1, 19, EUR, "-0.50"),
        row(1, 20, EUR, "8.00"), row(2, 15, EUR, "16.00"));

    HistoricalValue value = totals.of(customer(1), rows, window);

    assertThat(value.window()).isEqualTo(window);
    assertThat(value.in(EUR)).isEqualTo(new CurrencyValue(eur("2.00"), eur("0.50"), 1, 1, Optional.empty()));
    assertThat(totals.of(customer(3), rows, window).byCurrency()).isEmpty();
  }

  @Test
  void currenciesStayApartAndAreAddedOnlyAtTheCallersRatesAsOfTheWindowsEnd() {
    List<Purchase> rows = List.of(row(1, 1, EUR, "100.00"), row(1, 2, USD, "50.00"), row(1, 3, USD, "-10.00"));
    HistoricalValue value = HistoricalValues.withMargin(Margin.rate(new BigDecimal("0.5"))).of(customer(1), rows, YEAR);
    ExchangeRates rates = (from, to, at) -> at.equals(AS_OF) && from.equals(USD) && to.equals(EUR)
        ? Optional.of(new BigDecimal("0.9")) : Optional.empty();

    assertThat(value.byCurrency().keySet()).containsExactly(EUR, USD);
    assertThat(value.in(USD).net()).isEqualTo(Money.of(USD, 40));
    assertThat(value.convertedTo(EUR, rates)).isEqualTo(
        new CurrencyValue(eur("145.00"), eur("9.00"), 2, 1, Optional.of(eur("68.00"))));
  }

  @Test
  void aMissingRateOrASecondCurrencyNamesTheCustomerAndTheCurrencies() {
    HistoricalValue value = totals.of(customer(5), List.of(row(5, 1, EUR, "1.00"), row(5, 2, USD, "2.00")), YEAR);

    assertThatThrownBy(() -> value.convertedTo(EUR, (from, to, at) -> Optional.empty()))
        .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
          assertThat(e.customerId()).isEqualTo(customer(5));
          assertThat(e.currencies()).containsExactlyInAnyOrder(EUR, USD);
        })
        .hasMessageContaining("no rate from USD to EUR");
    assertThatThrownBy(() -> value.only(EUR)).isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining(customer(5).toString()).hasMessageContaining("[EUR, USD]");
  }

  @Test
  void oneMarginRateIsTakenOnPurchasesAndGivenBackOnRefunds() {
    List<Purchase> rows = List.of(row(1, 10, EUR, "100.00"), row(1, 20, EUR, "60.00"), row(1, 30, EUR, "-40.00"));

    CurrencyValue value = HistoricalValues.withMargin(Margin.rate(new BigDecimal("0.25"))).of(customer(1), rows, YEAR)
        .in(EUR);

    assertThat(value.margin()).contains(eur("30.00"));
  }

  @Test
  void ratesByCategoryAndChannelTakeTheMostSpecificRuleAndRefundsTheirOwnRate() {
    Margin margin = Margin.rates(new BigDecimal("0.20")).category("books", new BigDecimal("0.30"))
        .channel("store", new BigDecimal("0.10")).categoryAndChannel("books", "store", new BigDecimal("0.50")).build();
    List<Purchase> rows = List.of(
        row(1, 1, EUR, "100.00", "online", "books"), // 30.00 by category
        row(1, 2, EUR, "50.00", "store", "books"), // 25.00 by category and channel
        row(1, 3, EUR, "20.00", "store", "toys"), // 2.00 by channel
        row(1, 4, EUR, "10.00", "online", "toys"), // 2.00 by default
        row(1, 5, EUR, "-20.00", "online", "books")); // -6.00 by category

    CurrencyValue value = HistoricalValues.withMargin(margin).of(customer(1), rows, YEAR).in(EUR);

    assertThat(value.margin()).contains(eur("53.00"));
    assertThat(value.net()).isEqualTo(eur("160.00"));
  }

  @Test
  void aCallersMarginsAreReducedByRefundsInProportionToNetOverPurchases() {
    Purchase big = row(1, 1, EUR, "100.00");
    Purchase small = row(1, 2, EUR, "50.00");
    PurchaseMargins erp = purchase -> purchase.equals(big) ? eur("40.00") : eur("5.00");
    List<Purchase> rows = List.of(big, small, row(1, 3, EUR, "-30.00"));

    CurrencyValue value = HistoricalValues.withMargin(Margin.from(erp)).of(customer(1), rows, YEAR).in(EUR);

    // 45.00 earned on 150.00 bought, 120.00 kept: 45 * 120 / 150
    assertThat(value.margin()).contains(eur("36.00"));
  }

  @Test
  void refundsWithoutAPurchaseGiveNegativeMarginAtARateButAnUnknownOneFromAFunction() {
    List<Purchase> rows = List.of(row(1, 1, EUR, "-10.00"));

    assertThat(HistoricalValues.withMargin(Margin.rate(new BigDecimal("0.3"))).of(customer(1), rows, YEAR).in(EUR)
        .margin()).contains(eur("-3.00"));
    HistoricalValue fromFunction = HistoricalValues.withMargin(Margin.from(p -> p.amount())).of(customer(1), rows, YEAR);
    assertThat(fromFunction.in(EUR).margin()).isEmpty();
    assertThat(fromFunction.in(USD).margin()).contains(Money.zero(USD));
    assertThat(fromFunction.convertedTo(EUR, (from, to, at) -> Optional.empty()).margin()).isEmpty();
  }

  @Test
  void aCallersMarginInAnotherCurrencyOrAboveTheAmountIsRefusedNamingThePurchase() {
    Purchase purchase = row(4, 1, EUR, "10.00");
    HistoricalValues dollars = HistoricalValues.withMargin(Margin.from(p -> Money.of(USD, 1)));
    HistoricalValues tooMuch = HistoricalValues.withMargin(Margin.from(p -> eur("10.01")));

    assertThatThrownBy(() -> dollars.of(customer(4), List.of(purchase), YEAR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(purchase.id().toString())
        .hasMessageContaining(customer(4).toString()).hasMessageContaining("USD 1.00");
    assertThatThrownBy(() -> tooMuch.of(customer(4), List.of(purchase), YEAR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most its amount EUR 10.00");
  }

  @Test
  void marginRatesOutsideZeroToOneOrGivenTwiceAreRefused() {
    assertThatThrownBy(() -> Margin.rate(new BigDecimal("1.01"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> Margin.rates(BigDecimal.ONE).channel("web", new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel web");
    assertThatThrownBy(() -> Margin.rates(BigDecimal.ZERO).category("a", BigDecimal.ONE).category("a", BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
  }

  @Test
  void aFilesPurchasesGiveEveryCustomerInOrderOfFirstAppearance() {
    List<Purchase> rows = List.of(row(2, 1, EUR, "3.00"), row(1, 2, EUR, "4.00"), row(2, 3, EUR, "5.00"),
        row(3, 400, EUR, "6.00"));

    Map<CustomerId, HistoricalValue> values = totals.of(rows, YEAR);

    assertThat(values.keySet()).containsExactly(customer(2), customer(1), customer(3));
    assertThat(values.get(customer(2)).in(EUR).net()).isEqualTo(eur("8.00"));
    assertThat(values.get(customer(3)).byCurrency()).isEmpty();
  }
}
