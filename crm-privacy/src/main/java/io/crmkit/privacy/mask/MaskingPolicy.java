package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;
import io.crmkit.privacy.catalog.ValueKind;

/**
 * How each kind of personal value is masked: one configurable mask per {@link ValueKind}.
 * {@link #defaults()} follows the common Chinese display conventions ({@code 138****5678},
 * {@code j***@example.com}, {@code 110105********1234}, {@code 张*}); change one mask with its
 * wither.
 *
 * @param names person names
 * @param phones phone numbers
 * @param emails e-mail addresses
 * @param identifiers official identifiers, by scheme
 * @param addresses postal addresses
 * @param dates how far dates are coarsened
 * @param text everything else (and codes, handles, free text)
 */
public record MaskingPolicy(NameMask names, PhoneMask phones, EmailMask emails, IdentifierMask identifiers,
    AddressMask addresses, DateGranularity dates, TextMask text) {

  private static final MaskingPolicy DEFAULTS = new MaskingPolicy(NameMask.defaults(), PhoneMask.defaults(),
      EmailMask.defaults(), IdentifierMask.defaults(), AddressMask.defaults(), DateGranularity.YEAR,
      TextMask.defaults());

  public MaskingPolicy {
    Require.notNull(names, "names");
    Require.notNull(phones, "phones");
    Require.notNull(emails, "emails");
    Require.notNull(identifiers, "identifiers");
    Require.notNull(addresses, "addresses");
    Require.notNull(dates, "dates");
    Require.notNull(text, "text");
  }

  /** Family names kept, phones 3 + 4, e-mail first character and domain, dates to the year. */
  public static MaskingPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Masks one value written as text by its kind, for values outside a customer record (an export
   * column, a custom attribute). An identifier is masked as one of an unnamed scheme; a code, a
   * date or an address written as text is hidden like free text.
   */
  public String mask(ValueKind kind, String value) {
    Require.notNull(kind, "kind");
    Require.notNull(value, "value");
    return switch (kind) {
      case PERSON_NAME -> names.mask(value);
      case PHONE -> phones.mask(value);
      case EMAIL -> emails.mask(value);
      case IDENTIFIER -> identifiers.mask("", value);
      case CODE -> CodePoints.HIDDEN;
      case ADDRESS, DATE, TEXT -> text.mask(value);
    };
  }

  public MaskingPolicy withNames(NameMask names) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }

  public MaskingPolicy withPhones(PhoneMask phones) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }

  public MaskingPolicy withEmails(EmailMask emails) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }

  public MaskingPolicy withIdentifiers(IdentifierMask identifiers) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }

  public MaskingPolicy withAddresses(AddressMask addresses) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }

  public MaskingPolicy withDates(DateGranularity dates) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }

  public MaskingPolicy withText(TextMask text) {
    return new MaskingPolicy(names, phones, emails, identifiers, addresses, dates, text);
  }
}
