package io.crmkit.testkit;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small pools of values that generated customers and generated criteria share, so that random
 * criteria match some generated customers and miss others instead of matching nothing. Every
 * collection keeps a fixed order, so that a seed generates the same values in every JVM.
 */
final class Pools {
  static final List<String> OWNERS =
      List.of("alice", "bob", "王芳", "zhang.wei", "sales-east", "team-north");

  static final List<String> TAGS =
      List.of("vip", "newsletter", "trade-fair-2025", "b2b", "wechat", "重点客户", "do-not-call");

  /** Hierarchical classification codes per dimension: a longer code lies inside its prefixes. */
  static final Map<String, List<String>> DIMENSION_CODES = dimensionCodes();

  static final List<LifecycleStage> STAGES = List.of(LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
      LifecycleStage.NEW, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, LifecycleStage.CHURNED,
      LifecycleStage.WON_BACK, LifecycleStage.DISQUALIFIED);

  static final List<ValueTier> TIERS = List.of(ValueTier.VIP, ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.LOW);

  /** Custom attributes with the few values customers usually hold for each. */
  static final Map<String, List<AttributeValue>> ATTRIBUTES = attributes();

  private Pools() {}

  private static Map<String, List<String>> dimensionCodes() {
    Map<String, List<String>> codes = new LinkedHashMap<>();
    codes.put("region", List.of("110000", "110100", "110105", "110108", "310000", "310115", "440000",
        "440100", "440106", "DE-BY", "US-CA"));
    codes.put("industry", List.of("C", "C13", "C1310", "C39", "I", "I65", "I6510", "F51"));
    codes.put("channel", List.of("01", "0101", "0102", "02", "0201"));
    return Collections.unmodifiableMap(codes);
  }

  private static Map<String, List<AttributeValue>> attributes() {
    Map<String, List<AttributeValue>> attributes = new LinkedHashMap<>();
    attributes.put("industry", List.of(AttributeValue.text("manufacturing"), AttributeValue.text("retail"),
        AttributeValue.text("制造业")));
    attributes.put("creditLimit", List.of(AttributeValue.number(0), AttributeValue.number(5000),
        AttributeValue.number(new BigDecimal("10000.50")), AttributeValue.number(1_000_000)));
    attributes.put("vatExempt", List.of(AttributeValue.flag(true), AttributeValue.flag(false)));
    attributes.put("contractStart", List.of(AttributeValue.date(LocalDate.of(2020, 1, 1)),
        AttributeValue.date(LocalDate.of(2023, 7, 15)), AttributeValue.date(LocalDate.of(2024, 12, 31))));
    attributes.put("erp.segment", List.of(AttributeValue.text("A"), AttributeValue.text("B")));
    attributes.put("discount-rate", List.of(AttributeValue.number(new BigDecimal("0.05")),
        AttributeValue.number(new BigDecimal("0.125"))));
    return Collections.unmodifiableMap(attributes);
  }
}
