package io.crmkit.examples.cli;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The simple criteria of {@code --where}: terms separated by commas, all of which must hold, each
 * {@code key=value}, with {@code |} between values any of which will do, and a trailing {@code *}
 * for a prefix where the key allows one. Keys: {@code stage}, {@code tier}, {@code kind},
 * {@code owner}, {@code tag}, {@code region} (the region dimension code, {@code region=44*}),
 * {@code code.<dimension>} (any dimension code, prefixes too) and {@code name} (a name prefix, with or
 * without the {@code *}). Stages and tiers are matched exactly, in upper case.
 * For example {@code stage=ACTIVE|NEW,region=44*,tier=GOLD}.
 */
final class WhereOption {

  static final String KEYS = "stage, tier, kind, owner, tag, region, code.<dimension>, name";

  private WhereOption() {}

  /**
   * The criteria {@code text} writes; every customer for null or blank text.
   *
   * @throws CliException (usage) naming the term that cannot be read
   */
  static Criteria parse(String text) {
    if (text == null || text.isBlank()) {
      return Criteria.all();
    }
    List<Criteria> terms = new ArrayList<>();
    for (String term : text.split(",")) {
      int equals = term.indexOf('=');
      if (equals <= 0 || equals == term.length() - 1) {
        throw CliException.usage("--where: \"" + term.strip() + "\" is not key=value (keys: " + KEYS + ")");
      }
      String key = term.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      List<Criteria> alternatives = new ArrayList<>();
      for (String value : term.substring(equals + 1).split("\\|")) {
        alternatives.add(term(key, value.strip(), term.strip()));
      }
      terms.add(alternatives.size() == 1 ? alternatives.get(0) : Criteria.or(alternatives.toArray(Criteria[]::new)));
    }
    return terms.size() == 1 ? terms.get(0) : Criteria.and(terms.toArray(Criteria[]::new));
  }

  private static Criteria term(String key, String value, String term) {
    if (value.isEmpty()) {
      throw CliException.usage("--where: \"" + term + "\" has an empty value");
    }
    try {
      return switch (key) {
        case "stage" -> Criteria.stageIs(LifecycleStage.of(value.toUpperCase(Locale.ROOT)));
        case "tier" -> Criteria.tierIs(ValueTier.of(value.toUpperCase(Locale.ROOT)));
        case "kind" -> Criteria.kindIs(kind(value, term));
        case "owner" -> Criteria.ownerIs(value);
        case "tag" -> Criteria.hasTag(value);
        case "region" -> code("region", value);
        case "name" -> Criteria.nameStartsWith(value.endsWith("*") ? value.substring(0, value.length() - 1) : value);
        default -> {
          if (key.startsWith("code.") && key.length() > "code.".length()) {
            yield code(term.substring(term.indexOf('.') + 1, term.indexOf('=')).strip(), value);
          }
          throw CliException.usage("--where: unknown key " + key + " in \"" + term + "\" (keys: " + KEYS + ")");
        }
      };
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--where: \"" + term + "\": " + e.getMessage());
    }
  }

  private static Criteria code(String dimension, String value) {
    return value.endsWith("*") ? Criteria.codeStartsWith(dimension, value.substring(0, value.length() - 1))
        : Criteria.codeIs(dimension, value);
  }

  private static CustomerKind kind(String value, String term) {
    return Arrays.stream(CustomerKind.values()).filter(kind -> kind.name().equalsIgnoreCase(value)).findFirst()
        .orElseThrow(() -> CliException.usage("--where: \"" + term + "\": the kind is person or organisation, not "
            + value));
  }
}
