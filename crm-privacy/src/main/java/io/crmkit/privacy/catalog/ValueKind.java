package io.crmkit.privacy.catalog;

/**
 * The shape of a personal value, which decides how it is masked: a phone number keeps its country
 * code and ends, an identity number its region, a name its family name, a date its year.
 */
public enum ValueKind {
  /** A person's name, Chinese ({@code 张伟}) or Western ({@code John Smith}). */
  PERSON_NAME,
  /** A phone number, E.164 ({@code +8613812345678}) or national ({@code 138 1234 5678}). */
  PHONE,
  /** An e-mail address. */
  EMAIL,
  /** An official identifier of a person or an organisation (resident identity number, USCC, passport). */
  IDENTIFIER,
  /** A postal address. */
  ADDRESS,
  /** A date, coarsened rather than hidden so that ages and cohorts stay usable. */
  DATE,
  /** A code from a small set (gender): too few values to mask, so it is withheld. */
  CODE,
  /** Anything else: free text, handles, account numbers. */
  TEXT
}
