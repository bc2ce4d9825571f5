package io.crmkit.testkit;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.Need;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Custom attributes (names and typed values) and customer needs. */
final class AttributeArbitraries {
  private static final int MAX_TEXT = 2000;
  private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
  private static final List<String> NEED_TYPES = List.of("spare-parts", "maintenance", "installation",
      "training", "consulting", "bulk-order", "售后服务", "Ersatzteile");
  private static final List<String> NEED_DESCRIPTIONS = List.of("Needs 20 filters every quarter",
      "希望每月上门保养一次设备", "Interested in the 2025 model\nCall back after the trade fair",
      "Schulung für drei neue Mitarbeiter");

  private AttributeArbitraries() {}

  /** Names matching {@code CustomerDetails.ATTRIBUTE_NAME}: the common ones, then random ones of any allowed length. */
  static Arbitrary<String> attributeNames() {
    Arbitrary<String> random = Combinators.combine(
            Arbitraries.strings().alpha().ofLength(1),
            Arbitraries.strings().alpha().numeric().withChars("_.-")
                .ofMaxLength(CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH - 1))
        .as(String::concat);
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(Pools.ATTRIBUTES.keySet())), Tuple.of(1, random));
  }

  /** Text (up to 2,000 characters, multi-line), numbers of every scale, flags and dates. */
  static Arbitrary<AttributeValue> attributeValues() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, TextArbitraries.multilineText(MAX_TEXT).map(AttributeValue::text)),
        Tuple.of(3, numbers().map(AttributeValue::number)),
        Tuple.of(1, Arbitraries.of(true, false).map(AttributeValue::flag)),
        Tuple.of(2, dates(FIRST_DATE, LAST_DATE).map(AttributeValue::date)));
  }

  /**
   * Decimal numbers as an ERP holds them: counts, prices, rates, large amounts, and values with up
   * to 30 significant digits and 10 decimal places (a {@code DECIMAL(38, 10)} column).
   */
  static Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigDecimal> precise = Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
            Arbitraries.integers().between(0, 10))
        .as((unscaled, scale) -> new BigDecimal(unscaled, scale));
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(-1_000, 1_000_000).map(BigDecimal::valueOf)),
        Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.valueOf(-100_000), BigDecimal.valueOf(1_000_000))
            .ofScale(2)),
        Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4)),
        Tuple.of(2, precise));
  }

  /**
   * Attribute maps: mostly the common attributes with their common values (so that criteria on
   * attributes match), sometimes any name with any value.
   */
  static Arbitrary<Map<String, AttributeValue>> attributeMaps(int maxSize) {
    Arbitrary<Map.Entry<String, AttributeValue>> pooled = Arbitraries.of(Pools.ATTRIBUTES.keySet())
        .flatMap(name -> Arbitraries.of(Pools.ATTRIBUTES.get(name)).map(value -> Map.entry(name, value)));
    Arbitrary<Map.Entry<String, AttributeValue>> any = Arbitraries.entries(attributeNames(), attributeValues());
    return Arbitraries.frequencyOf(Tuple.of(4, pooled), Tuple.of(1, any)).list().ofMaxSize(maxSize)
        .map(entries -> {
          Map<String, AttributeValue> attributes = new LinkedHashMap<>();
          entries.forEach(entry -> attributes.putIfAbsent(entry.getKey(), entry.getValue()));
          return attributes;
        });
  }

  /** Needs of every type, urgency, frequency and status. */
  static Arbitrary<Need> needs() {
    Arbitrary<String> description = TextArbitraries.realisticOr(Arbitraries.of(NEED_DESCRIPTIONS), MAX_TEXT);
    return Combinators.combine(
            TextArbitraries.realisticOr(Arbitraries.of(NEED_TYPES), 64),
            description.optional(0.6),
            Arbitraries.of(Need.Urgency.class),
            Arbitraries.of(Need.Frequency.class),
            Arbitraries.of(Need.Status.class),
            dates(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31)).optional(0.7))
        .as((type, text, urgency, frequency, status, identifiedOn) -> new Need.Builder()
            .type(type).description(text).urgency(urgency).frequency(frequency).status(status)
            .identifiedOn(identifiedOn).build());
  }

  /** Days in {@code [first, last]}. */
  static Arbitrary<LocalDate> dates(LocalDate first, LocalDate last) {
    return Arbitraries.longs().between(first.toEpochDay(), last.toEpochDay()).map(LocalDate::ofEpochDay);
  }
}
