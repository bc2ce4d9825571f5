package io.crmkit.privacy.catalog;

/**
 * What kind of personal data a field holds. Access rules and masking are set per category, so a
 * role can, for example, read contact data in clear but identifiers only masked.
 */
public enum PersonalDataCategory {
  /**
   * Data that identifies the person directly: names, identity numbers, identifiers in other
   * systems. (GB/T 35273 counts identity-card numbers as sensitive: a host under it may reclassify
   * {@link PersonalField#PERSON_IDENTIFIER} as {@link #SENSITIVE}.)
   */
  IDENTIFIER,
  /** Ways to reach the person: phone numbers, e-mail addresses, handles, postal addresses. */
  CONTACT,
  /** Facts about the person that narrow who they are: birth date, gender. */
  DEMOGRAPHIC,
  /** Special categories (health, religion, ethnicity, biometrics, ...): the strictest handling. */
  SENSITIVE,
  /** Bank accounts, card numbers, income, credit. */
  FINANCIAL
}
