package io.crmkit.testkit.dedup;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** The ways people write phones, e-mails and identifiers, and full-width typing. */
final class Formats {
  /** Providers that records mix up with each other, both ways. */
  private static final Map<String, String> RELATED_PROVIDERS = Map.of(
      "gmail.com", "googlemail.com", "googlemail.com", "gmail.com", "163.com", "126.com", "126.com", "163.com",
      "hotmail.com", "outlook.com", "outlook.com", "hotmail.com");

  private Formats() {}

  /** A written form of the phone other than E.164. */
  static String phone(Entity.Phone phone, SplittableRandom random) {
    if (phone.region().equals("US")) {
      String area = phone.areaCode();
      String exchange = phone.subscriber().substring(0, 3);
      String line = phone.subscriber().substring(3);
      return switch (random.nextInt(6)) {
        case 0 -> "(" + area + ") " + exchange + "-" + line;
        case 1 -> area + "-" + exchange + "-" + line;
        case 2 -> "+1 " + area + " " + exchange + " " + line;
        case 3 -> area + exchange + line;
        case 4 -> "1-" + area + "-" + exchange + "-" + line;
        default -> area + "." + exchange + "." + line;
      };
    }
    if (phone.areaCode().isEmpty()) {
      String n = phone.subscriber();
      String spaced = n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
      return switch (random.nextInt(7)) {
        case 0 -> "+86 " + spaced;
        case 1 -> n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
        case 2 -> "0086" + n;
        case 3 -> n;
        case 4 -> "+86-" + n;
        case 5 -> "(+86) " + spaced;
        default -> spaced;
      };
    }
    String area = phone.areaCode();
    String sub = phone.subscriber();
    int split = sub.length() - 4;
    String spaced = sub.substring(0, split) + " " + sub.substring(split);
    return switch (random.nextInt(6)) {
      case 0 -> "0" + area + "-" + sub;
      case 1 -> "(0" + area + ") " + spaced;
      case 2 -> "+86 " + area + " " + spaced;
      case 3 -> "0086-" + area + "-" + sub;
      case 4 -> "0" + area + " " + spaced;
      default -> "0" + area + sub;
    };
  }

  /** The e-mail in other case, or at a related provider when it has one. */
  static String email(String email, SplittableRandom random) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    String related = RELATED_PROVIDERS.get(domain);
    if (related != null && random.nextBoolean()) {
      return local + "@" + related;
    }
    return switch (random.nextInt(3)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(local.charAt(0)) + local.substring(1) + "@" + domain.toUpperCase(Locale.ROOT);
      default -> local + "@" + Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
    };
  }

  /**
   * The identifier as people write it: a resident id's X lower-case or its birth date set apart
   * by spaces, a credit code lower-case, a D-U-N-S number with dashes.
   */
  static String identifier(String identifier, SplittableRandom random) {
    if (identifier.length() == 9) {
      return identifier.substring(0, 2) + "-" + identifier.substring(2, 5) + "-" + identifier.substring(5);
    }
    boolean residentId = Character.isDigit(identifier.charAt(0)) && Character.isDigit(identifier.charAt(1))
        && identifier.substring(0, 17).chars().allMatch(Character::isDigit);
    if (residentId) {
      if (identifier.endsWith("X") && random.nextBoolean()) {
        return identifier.substring(0, 17) + "x";
      }
      return identifier.substring(0, 6) + " " + identifier.substring(6, 14) + " " + identifier.substring(14);
    }
    return random.nextBoolean() ? identifier.toLowerCase(Locale.ROOT)
        : identifier.substring(0, 2) + " " + identifier.substring(2, 8) + " " + identifier.substring(8);
  }

  /** The text with ASCII letters, digits and signs typed full-width (１３８, ＡＣＭＥ). */
  static String fullWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c > ' ' && c <= '~' ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
    }
    return out.toString();
  }

  /** Full-width brackets half-width and the other way round. */
  static String otherBrackets(String text) {
    return text.indexOf('（') >= 0
        ? text.replace('（', '(').replace('）', ')')
        : text.replace('(', '（').replace(')', '）');
  }
}
