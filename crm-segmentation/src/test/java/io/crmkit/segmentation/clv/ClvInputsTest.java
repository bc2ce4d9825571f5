package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ClvInputsTest {

  private static final LocalDate END = LocalDate.of(2025, 3, 31);

  private static Transaction bought(String customer, String date, String amount) {
    return Transaction.of(customer, LocalDate.parse(date), new BigDecimal(amount));
  }

  @Test
  void sameDayPurchasesAreOnePurchaseAndTheFirstDayIsNotARepeat() {
    List<CustomerHistory> histories = ClvInputs.fromTransactions(List.of(
        bought("a", "2025-01-01", "10"), bought("a", "2025-01-01", "5"),
        bought("a", "2025-01-15", "20"), bought("a", "2025-01-15", "4"), bought("a", "2025-01-29", "30")),
        END, ClvTimeUnit.WEEKS);

    assertThat(histories).containsExactly(new CustomerHistory("a", 2, 4, 89 / 7.0, 27));
  }

  @Test
  void timesAreInTheChosenUnit() {
    CustomerHistory inDays = ClvInputs.fromTransactions(
        List.of(bought("a", "2025-03-01", "1"), bought("a", "2025-03-11", "1")), END, ClvTimeUnit.DAYS).get(0);

    assertThat(inDays.recency()).isEqualTo(10);
    assertThat(inDays.age()).isEqualTo(30);
  }

  @Test
  void purchasesAfterTheCalibrationEndAndCustomersWhoStartAfterItAreLeftOut() {
    List<CustomerHistory> histories = ClvInputs.fromTransactions(List.of(
        bought("a", "2025-03-31", "1"), bought("a", "2025-04-01", "1"), bought("b", "2025-04-02", "1")),
        END, ClvTimeUnit.DAYS);

    assertThat(histories).containsExactly(new CustomerHistory("a", 0, 0, 0, 0));
  }

  @Test
  void refundsAreNeitherPurchaseDaysNorSpend() {
    List<CustomerHistory> histories = ClvInputs.fromTransactions(List.of(
        bought("a", "2025-01-01", "10"), bought("a", "2025-02-01", "-10"), bought("a", "2025-03-01", "40")),
        END, ClvTimeUnit.DAYS);

    assertThat(histories).containsExactly(new CustomerHistory("a", 1, 59, 89, 40));
  }

  @Test
  void amountsInDifferentCurrenciesAreNeverAdded() {
    List<Transaction> mixed = List.of(new Transaction("a", LocalDate.parse("2025-01-01"), BigDecimal.TEN, "CNY"),
        new Transaction("b", LocalDate.parse("2025-01-02"), BigDecimal.TEN, "USD"));

    assertThatThrownBy(() -> ClvInputs.fromTransactions(mixed, END, ClvTimeUnit.DAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CNY (customer a) and USD (customer b)");
  }

  @Test
  void aStoresPurchasesBecomeHistoriesByTheDayTheyFallOnInTheZone() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    CustomerId customer = new CustomerId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    // 23:30 UTC on 31 March is 1 April in Shanghai: after the calibration end there.
    for (String at : List.of("2025-01-01T02:00:00Z", "2025-01-01T03:00:00Z", "2025-02-01T02:00:00Z",
        "2025-03-31T23:30:00Z")) {
      store.purchases().record(purchase(customer, at, "100.00"));
    }

    List<CustomerHistory> histories = ClvInputs.fromStore(store.purchases(), List.of(customer), END, shanghai,
        ClvTimeUnit.DAYS);

    assertThat(histories).hasSize(1);
    CustomerHistory history = histories.get(0);
    assertThat(history.customer()).isEqualTo(customer.toString());
    assertThat(history.frequency()).isEqualTo(1);
    assertThat(history.recency()).isEqualTo(31);
    assertThat(history.age()).isEqualTo(89);
    assertThat(history.meanRepeatSpend()).isCloseTo(100, within(1e-9));
    assertThat(ClvInputs.fromPurchases(Map.of(customer, List.of(purchase(customer, "2025-01-01T02:00:00Z", "5.00"))),
        END, ZoneOffset.UTC, ClvTimeUnit.DAYS)).hasSize(1);
  }

  @Test
  void holdoutPurchaseDaysCountOneADayAfterTheStartUpToTheEnd() {
    Map<String, Integer> counts = ClvInputs.purchaseDaysBetween(List.of(
        bought("a", "2025-03-31", "1"), bought("a", "2025-04-01", "1"), bought("a", "2025-04-01", "2"),
        bought("a", "2025-04-30", "1"), bought("a", "2025-05-01", "1"), bought("b", "2025-04-03", "-5")),
        END, LocalDate.parse("2025-04-30"));

    assertThat(counts).containsExactly(Map.entry("a", 2));
  }

  private static Purchase purchase(CustomerId customer, String at, String amount) {
    return new Purchase.Builder().id(ActivityId.of(UUID.randomUUID())).customerId(customer)
        .occurredAt(Instant.parse(at)).amount(Money.of(CurrencyUnit.of("CNY"), new BigDecimal(amount)))
        .channel("online").build();
  }
}
