package io.crmkit.testkit.dedup;

import java.util.List;

/** The parts company names are made of, in Chinese and in Western style, common ones first. */
final class Companies {
  static final Weighted<String> CHINESE_CORES = Weighted.zipf(List.of(
      "华信", "中科", "金盛", "恒达", "鸿运", "天宇", "新锐", "东方", "瑞丰", "博远", "华为", "联创", "永泰", "宏图",
      "星河", "安泰", "嘉禾", "国信", "万通", "润泽", "盛世", "长城", "海纳", "德威"), 0.7);

  static final List<String> CHINESE_TRADES = List.of(
      "技术", "科技", "贸易", "实业", "电子", "物流", "餐饮管理", "建筑工程", "医药", "信息咨询", "文化传媒", "投资");

  /** Legal forms, the common one first; a company is registered under exactly one. */
  static final Weighted<String> CHINESE_LEGAL_FORMS =
      Weighted.zipf(List.of("有限公司", "有限责任公司", "股份有限公司", "集团有限公司"), 1.5);

  static final Weighted<String> WESTERN_CORES = Weighted.zipf(List.of(
      "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Northwind", "Contoso", "Fabrikam", "Tailspin",
      "Vandelay", "Hooli", "Soylent", "Cyberdyne", "Wonka", "Tyrell", "Oceanic", "Aperture"), 0.7);

  static final List<String> WESTERN_TRADES = List.of(
      "", "Trading", "Industries", "Logistics", "Software", "Foods", "Consulting", "Systems", "Holdings");

  /** Legal forms with the shorter spellings records use for them. */
  static final List<LegalForm> WESTERN_LEGAL_FORMS = List.of(
      new LegalForm("GmbH", "GMBH"), new LegalForm("Ltd", "Limited"), new LegalForm("Inc.", "Inc"),
      new LegalForm("LLC", "L.L.C."), new LegalForm("Co., Ltd.", "Co Ltd"), new LegalForm("Corporation", "Corp."),
      new LegalForm("AG", "A.G."), new LegalForm("S.A.", "SA"));

  /** A Western legal form as registered and as records often abbreviate or spell it. */
  record LegalForm(String registered, String variant) {}

  private Companies() {}
}
