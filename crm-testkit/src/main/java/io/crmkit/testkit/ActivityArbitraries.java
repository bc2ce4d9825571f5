package io.crmkit.testkit;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Purchases (refunds included) and interactions, for given customers and times or random ones. */
final class ActivityArbitraries {
  /** Currencies with 0 (JPY, KRW), 2 and 3 (BHD, KWD) decimal places. */
  static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR", "GBP", "JPY", "KRW", "CHF", "INR",
      "HKD", "BHD", "KWD");
  private static final List<String> SALES_CHANNELS = List.of("online", "store", "phone", "wechat-mini-program",
      "marketplace", "分销商", "field-sales");
  private static final List<String> CATEGORIES = List.of("spare-parts", "machines", "services", "食品",
      "Ersatzteile", "software-licences");
  private static final List<String> SUBJECTS = List.of("Quote for 200 units", "售后回访", "Reklamation Lieferung",
      "Renewal call", "Trade fair follow-up");
  private static final List<String> OUTCOMES = List.of("quote-sent", "complaint", "no-answer",
      "客户表示满意", "Callback agreed for Monday.\nSend the new price list first.");
  private static final List<String> AGENTS = List.of("alice", "bob", "王芳", "chatbot", "service-desk");

  private ActivityArbitraries() {}

  /** Amounts in the currency's own scale: mostly purchases, sometimes negative refunds, now and then zero. */
  static Arbitrary<Money> money() {
    Arbitrary<Long> minorUnits = Arbitraries.frequencyOf(
        Tuple.of(16, Arbitraries.longs().between(1, 100_000_000)),
        Tuple.of(3, Arbitraries.longs().between(-10_000_000, -1)),
        Tuple.of(1, Arbitraries.just(0L)));
    return Combinators.combine(Arbitraries.of(CURRENCIES).map(CurrencyUnit::of), minorUnits).as(Money::ofMinor);
  }

  static Arbitrary<Purchase> purchases(Arbitrary<CustomerId> customers, Arbitrary<Instant> times) {
    Arbitrary<Integer> quantities = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers().between(1, 500)));
    Arbitrary<String> orders = Arbitraries.integers().between(1, 999_999).map(n -> String.format("SO-2025-%06d", n));
    Arbitrary<Details> details = Combinators.combine(
            TextArbitraries.realisticOr(Arbitraries.of(SALES_CHANNELS), Purchase.MAX_CHANNEL_LENGTH),
            TextArbitraries.realisticOr(Arbitraries.of(CATEGORIES), Purchase.MAX_CATEGORY_LENGTH).optional(0.7),
            quantities,
            TextArbitraries.realisticOr(orders, Purchase.MAX_ORDER_REFERENCE_LENGTH).optional(0.6))
        .as(Details::new);
    return Combinators.combine(IdentifierArbitraries.activityIds(), customers, times, money(), details)
        .as((id, customer, time, amount, more) -> new Purchase.Builder()
            .id(id).customerId(customer).occurredAt(time).amount(amount)
            .channel(more.channel()).category(more.category()).quantity(more.quantity())
            .orderReference(more.orderReference())
            .build());
  }

  static Arbitrary<Interaction> interactions(Arbitrary<CustomerId> customers, Arbitrary<Instant> times) {
    Arbitrary<Notes> notes = Combinators.combine(
            TextArbitraries.realisticOr(Arbitraries.of(SUBJECTS), Interaction.MAX_SUBJECT_LENGTH).optional(0.7),
            TextArbitraries.realisticOrMultiline(Arbitraries.of(OUTCOMES), Interaction.MAX_OUTCOME_LENGTH)
                .optional(0.6),
            TextArbitraries.realisticOr(Arbitraries.of(AGENTS), Interaction.MAX_AGENT_LENGTH).optional(0.8))
        .as(Notes::new);
    return Combinators.combine(IdentifierArbitraries.activityIds(), customers, times,
            Arbitraries.of(Interaction.Channel.class), Arbitraries.of(Interaction.Direction.class), notes)
        .as((id, customer, time, channel, direction, more) -> new Interaction.Builder()
            .id(id).customerId(customer).occurredAt(time).channel(channel).direction(direction)
            .subject(more.subject()).outcome(more.outcome()).agent(more.agent())
            .build());
  }

  private record Details(String channel, Optional<String> category, int quantity, Optional<String> orderReference) {}

  private record Notes(Optional<String> subject, Optional<String> outcome, Optional<String> agent) {}
}
