package io.crmkit.segmentation.clv;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives the models' input from raw purchases, with the rules of the BG/NBD literature and of
 * the CDNOW reference data (checked against its published summary, customer by customer):
 *
 * <ul>
 *   <li>Purchases of one customer on one day are one purchase, with their amounts added up.
 *   <li>The first purchase day starts the customer's clock: x counts the purchase days after it
 *       up to and including the calibration end, t_x is the time from the first to the last of
 *       those days, T the time from the first day to the calibration end, all in the chosen
 *       {@link ClvTimeUnit} and unrounded.
 *   <li>The mean repeat spend is the amount of the repeat days divided by x; the first day's
 *       amount is left out (it is often unlike the rest, and the model predicts repeat spend).
 *   <li>Refunds (negative amounts) are not purchases: they make no purchase day and are left out
 *       of spend. The model predicts buying; returns belong to historical value.
 *   <li>Customers whose first purchase is after the calibration end are not in the result.
 *   <li>Amounts in different currencies are never added: transactions in more than one currency
 *       are an error (derive per currency, or convert to one first).
 * </ul>
 *
 * The result lists customers in the order they first appear in the input.
 */
public final class ClvInputs {

  private ClvInputs() {}

  /**
   * The histories of the customers of {@code transactions} as of the end of {@code calibrationEnd}.
   *
   * @param calibrationEnd the last day of calibration, included
   * @throws IllegalArgumentException if the transactions are in more than one currency
   * @throws NullPointerException if an argument or a transaction is null
   */
  public static List<CustomerHistory> fromTransactions(Collection<Transaction> transactions, LocalDate calibrationEnd,
      ClvTimeUnit unit) {
    Require.notNull(calibrationEnd, "calibrationEnd");
    Require.notNull(unit, "unit");
    Map<String, TreeMap<LocalDate, BigDecimal>> days = purchaseDays(transactions, calibrationEnd);
    List<CustomerHistory> histories = new ArrayList<>(days.size());
    days.forEach((customer, byDay) -> histories.add(history(customer, byDay, calibrationEnd, unit)));
    return histories;
  }

  /**
   * The histories of customers from their {@link Purchase}s (a store's, for example), as of the
   * end of {@code calibrationEnd} in {@code zone}: an instant becomes the day it falls on there.
   * Customers are keyed by {@link CustomerId#toString()}.
   *
   * @param purchases each customer's purchases, any order; purchases after the calibration end are ignored
   * @throws IllegalArgumentException if the purchases are in more than one currency
   * @throws NullPointerException if an argument is null
   */
  public static List<CustomerHistory> fromPurchases(Map<CustomerId, ? extends Collection<Purchase>> purchases,
      LocalDate calibrationEnd, ZoneId zone, ClvTimeUnit unit) {
    Require.notNull(purchases, "purchases");
    Require.notNull(zone, "zone");
    List<Transaction> transactions = new ArrayList<>();
    purchases.forEach((customer, theirs) -> theirs.forEach(purchase -> transactions.add(transaction(purchase, zone))));
    return fromTransactions(transactions, calibrationEnd, unit);
  }

  /**
   * The histories of the given customers of a store, reading each one's purchases up to the end of
   * {@code calibrationEnd} in {@code zone} from the {@link Purchases} port. Customers without a
   * purchase by then are not in the result.
   *
   * @throws IllegalArgumentException if the purchases are in more than one currency
   * @throws NullPointerException if an argument or an id is null
   */
  public static List<CustomerHistory> fromStore(Purchases purchases, Collection<CustomerId> customers,
      LocalDate calibrationEnd, ZoneId zone, ClvTimeUnit unit) {
    Require.notNull(purchases, "purchases");
    Require.notNull(customers, "customers");
    Require.notNull(calibrationEnd, "calibrationEnd");
    Require.notNull(zone, "zone");
    TimeRange calibration = TimeRange.until(calibrationEnd.plusDays(1).atStartOfDay(zone).toInstant());
    Map<CustomerId, List<Purchase>> read = new LinkedHashMap<>();
    for (CustomerId customer : customers) {
      read.computeIfAbsent(Require.notNull(customer, "customer id"), id -> purchases.forCustomer(id, calibration));
    }
    return fromPurchases(read, calibrationEnd, zone, unit);
  }

  /**
   * How many purchase days each customer has after {@code from} up to and including {@code to}:
   * the actual repeat purchases of a holdout period, counted with the same rules (one purchase a
   * day, refunds not counted). Customers without any are not in the map.
   *
   * @throws IllegalArgumentException unless {@code from} is before {@code to}
   */
  public static Map<String, Integer> purchaseDaysBetween(Collection<Transaction> transactions, LocalDate from,
      LocalDate to) {
    Require.notNull(transactions, "transactions");
    Require.argument(from.isBefore(to), "the period must end after it starts, got %s .. %s", from, to);
    Map<String, Set<LocalDate>> days = new LinkedHashMap<>();
    for (Transaction transaction : transactions) {
      if (!transaction.isRefund() && transaction.date().isAfter(from) && !transaction.date().isAfter(to)) {
        days.computeIfAbsent(transaction.customer(), customer -> new HashSet<>()).add(transaction.date());
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    days.forEach((customer, theirs) -> counts.put(customer, theirs.size()));
    return counts;
  }

  private static Map<String, TreeMap<LocalDate, BigDecimal>> purchaseDays(Collection<Transaction> transactions,
      LocalDate calibrationEnd) {
    Require.notNull(transactions, "transactions");
    Map<String, TreeMap<LocalDate, BigDecimal>> days = new LinkedHashMap<>();
    Transaction first = null;
    for (Transaction transaction : transactions) {
      Require.notNull(transaction, "transaction");
      if (first == null) {
        first = transaction;
      } else if (!first.currency().equals(transaction.currency())) {
        throw new IllegalArgumentException("transactions are in " + describe(first.currency()) + " (customer "
            + first.customer() + ") and " + describe(transaction.currency()) + " (customer " + transaction.customer()
            + "): amounts in different currencies are never added; derive per currency or convert first");
      }
      if (!transaction.isRefund() && !transaction.date().isAfter(calibrationEnd)) {
        days.computeIfAbsent(transaction.customer(), customer -> new TreeMap<>())
            .merge(transaction.date(), transaction.amount(), BigDecimal::add);
      }
    }
    return days;
  }

  private static CustomerHistory history(String customer, TreeMap<LocalDate, BigDecimal> byDay,
      LocalDate calibrationEnd, ClvTimeUnit unit) {
    LocalDate firstDay = byDay.firstKey();
    LocalDate lastDay = byDay.lastKey();
    int repeat = byDay.size() - 1;
    BigDecimal repeatAmount = BigDecimal.ZERO;
    for (BigDecimal amount : byDay.tailMap(firstDay, false).values()) {
      repeatAmount = repeatAmount.add(amount);
    }
    double meanSpend = repeat == 0 ? 0
        : repeatAmount.divide(BigDecimal.valueOf(repeat), MathContext.DECIMAL64).doubleValue();
    return new CustomerHistory(customer, repeat, unit.fromDays(ChronoUnit.DAYS.between(firstDay, lastDay)),
        unit.fromDays(ChronoUnit.DAYS.between(firstDay, calibrationEnd)), meanSpend);
  }

  private static Transaction transaction(Purchase purchase, ZoneId zone) {
    return new Transaction(purchase.customerId().toString(), LocalDate.ofInstant(purchase.occurredAt(), zone),
        purchase.amount().getAmount(), purchase.amount().getCurrencyUnit().getCode());
  }

  private static String describe(String currency) {
    return currency.isEmpty() ? "no stated currency" : currency;
  }
}
