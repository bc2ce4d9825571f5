package io.crmkit.core.dedup.standardise;

import io.crmkit.core.customer.EmailAddresses;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * E-mail addresses for matching: NFKC (a full-width {@code ＠} is an {@code @}), spaces, a
 * {@code mailto:} prefix and angle brackets removed, the domain lower-cased. The local part keeps
 * its case, as RFC 5321 allows servers to distinguish it, except at large providers known to
 * ignore case (Gmail, Outlook, QQ, 163 ...), where it is lower-cased too. An address that
 * {@link EmailAddresses#isPlausible} rejects is dropped with a warning.
 */
final class Emails {
  private static final String FIELD = "emails";
  private static final int MAX_LENGTH = 254;
  private static final Set<String> CASE_INSENSITIVE_DOMAINS = Set.of(
      "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com",
      "me.com", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com",
      "aliyun.com", "139.com");

  private Emails() {}

  /** Adds each standardised address in {@code raws} to {@code out}; warnings for the rest. */
  static void standardise(List<String> raws, Set<String> out, List<String> warnings) {
    for (String raw : raws) {
      String value = TextFolding.normalise(raw, FIELD, MAX_LENGTH, warnings, false);
      if (value.isEmpty()) {
        warnings.add(FIELD + ": blank value ignored");
        continue;
      }
      String address = standardise(value);
      if (EmailAddresses.isPlausible(address)) {
        out.add(address);
      } else {
        warnings.add(FIELD + ": '" + Phones.shown(value) + "' is not a plausible e-mail address, dropped");
      }
    }
  }

  /** One normalised address with its domain (and at case-insensitive providers its local part) lower-cased. */
  static String standardise(String value) {
    String address = value.replace(" ", "");
    if (address.regionMatches(true, 0, "mailto:", 0, "mailto:".length())) {
      address = address.substring("mailto:".length());
    }
    if (address.length() > 1 && address.charAt(0) == '<' && address.charAt(address.length() - 1) == '>') {
      address = address.substring(1, address.length() - 1);
    }
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return address;
    }
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    String local = address.substring(0, at);
    return (CASE_INSENSITIVE_DOMAINS.contains(domain) ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain;
  }
}
