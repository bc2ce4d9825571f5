package io.crmkit.testkit.dedup;

/**
 * A way a record departs from its customer's true values, as real records do. Each has a rate:
 * the probability that it is applied to a record where it can apply (a nickname only to a given
 * name that has one, a swapped day and month only to a birth date whose day could be a month). A
 * {@link GeneratedRecord} says which variations could apply to it and which were applied.
 */
public enum Variation {
  /**
   * One typing error in one text value (a name, a street, the part of an e-mail before the @):
   * a character inserted, deleted, substituted (a homophone for a Chinese character) or two
   * neighbours transposed.
   */
  TYPO(0.20),
  /** Family and given name exchanged (for persons). */
  SWAPPED_NAMES(0.05),
  /** Day and month of the birth date exchanged (03-07 for 07-03), where the day is 12 or less. */
  SWAPPED_DAY_MONTH(0.05),
  /** One value left out: a phone, an e-mail, the birth date, the address, the identifier or the given name. */
  MISSING_VALUE(0.15),
  /** A Western given name written as a nickname: Bob for Robert, Liz for Elizabeth. */
  NICKNAME(0.30),
  /** A Chinese name written in pinyin: Zhang Wei, Wei Zhang, ZHANG Wei, Zhāng Wěi, ZhangWei for 张伟. */
  PINYIN(0.25),
  /**
   * A phone written as people write it (+86 138 1234 5678, 138-1234-5678, 008613812345678,
   * 13812345678, 010-62751234, (212) 555-0123) rather than in E.164.
   */
  PHONE_FORMAT(0.60),
  /**
   * An e-mail written in other case, or with a related provider (googlemail.com for gmail.com,
   * 126.com for 163.com).
   */
  EMAIL_VARIANT(0.20),
  /**
   * A company name without its legal form or city, or with the legal form spelled another way
   * (华为技术 or 华为技术有限公司 for 北京华为技术有限公司; ACME or Acme Ltd for Acme Limited).
   */
  COMPANY_NAME_FORM(0.40),
  /** Full-width brackets （） written half-width () or the other way round, where a name has them. */
  BRACKETS(0.50),
  /** Letters and digits typed full-width (１３８...), as a Chinese input method does, in the phone or identifier. */
  FULL_WIDTH(0.05),
  /**
   * An address written another way: the province's short name (广西, 北京) or none, the city
   * without 市, the address in one line; St for Street.
   */
  ADDRESS_FORM(0.30),
  /** An identifier written with a lower-case x, spaces or dashes. */
  IDENTIFIER_FORM(0.20),
  /** The phone replaced by one of a few switchboard numbers that many customers share. */
  SWITCHBOARD(0.02),
  /** The birth date replaced by the default 1900-01-01 that forms fill in. */
  DEFAULT_BIRTH_DATE(0.02);

  private final double defaultRate;

  Variation(double defaultRate) {
    this.defaultRate = defaultRate;
  }

  /** The rate a {@link DuplicateGenerator} uses unless told otherwise. */
  public double defaultRate() {
    return defaultRate;
  }
}
