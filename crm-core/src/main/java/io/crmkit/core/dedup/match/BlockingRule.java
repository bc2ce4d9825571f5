package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One way of finding candidate pairs without comparing every record with every other: either
 * records that share a key ({@link Keys}: the same phone, the same family name and birth year) or
 * records near each other in a sort order ({@link Window}, the sorted neighbourhood). A run takes
 * the union of several rules, so that a typo that defeats one rule is caught by another.
 */
public sealed interface BlockingRule permits BlockingRule.Keys, BlockingRule.Window {

  /** The rule's name, which prefixes its keys and names it in statistics. */
  String name();

  /**
   * Records sharing any of the keys this function gives are candidate pairs.
   *
   * @param name the rule's name
   * @param keys a record's keys (none when the record lacks what the rule needs)
   */
  record Keys(String name, Function<MatchRecord, List<String>> keys) implements BlockingRule {
    public Keys {
      Require.notBlank(name, "name");
      Require.notNull(keys, "keys");
    }
  }

  /**
   * Records within {@code size} places of each other, sorted by the key (records without a key
   * are left out), are candidate pairs.
   *
   * @param name the rule's name
   * @param sortKey a record's sort key
   * @param size the window, at least 2 (2 pairs each record with its next neighbour)
   */
  record Window(String name, Function<MatchRecord, Optional<String>> sortKey, int size) implements BlockingRule {
    public Window {
      Require.notBlank(name, "name");
      Require.notNull(sortKey, "sortKey");
      Require.atLeast(size, 2, "window size");
    }
  }

  /** Records sharing a phone number (E.164). */
  static BlockingRule phone() {
    return new Keys("phone", r -> List.copyOf(r.phones()));
  }

  /** Records sharing an e-mail address. */
  static BlockingRule email() {
    return new Keys("email", r -> List.copyOf(r.emails()));
  }

  /** Records with the same identifier (resident id, credit code, social security number). */
  static BlockingRule identifier() {
    return new Keys("identifier", r -> r.identifier().map(List::of).orElse(List.of()));
  }

  /**
   * Records sharing a name born (for persons) in the same year: one key per name part, family and
   * given name alike, so that a typo in one part, or the two parts written in each other's
   * field, still blocks on the other. An organisation's key is its whole name.
   */
  static BlockingRule nameAndBirthYear() {
    return new Keys("name+year", r -> {
      if (r.organisationName().isPresent()) {
        return List.of(r.organisationName().get());
      }
      if (r.birthDate().isEmpty()) {
        return List.of();
      }
      String year = Integer.toString(r.birthDate().get().getYear());
      List<String> keys = new ArrayList<>(2);
      r.familyName().ifPresent(n -> keys.add(n + "|" + year));
      r.givenName().ifPresent(n -> keys.add(n + "|" + year));
      return keys;
    });
  }

  /**
   * Records born on the same day with the same postcode, or the same day in the same locality:
   * catches records whose names are both mistyped or missing.
   */
  static BlockingRule birthDateAndPlace() {
    return new Keys("birthdate+place", r -> {
      if (r.birthDate().isEmpty()) {
        return List.of();
      }
      String date = r.birthDate().get().toString();
      List<String> keys = new ArrayList<>(2);
      r.postcode().ifPresent(p -> keys.add(date + "|p:" + p));
      r.locality().ifPresent(l -> keys.add(date + "|l:" + l));
      return keys;
    });
  }

  /**
   * Records with the same postcode, or else the same region code, whose family name, given name
   * or organisation name starts with the same {@code prefix} characters (a key per name part, so
   * that a typo at the start of one part is caught by the other).
   *
   * @throws IllegalArgumentException if {@code prefix} is below 1
   */
  static BlockingRule placeAndNamePrefix(int prefix) {
    Require.atLeast(prefix, 1, "prefix");
    return new Keys("place+name" + prefix, r -> {
      Optional<String> place = r.postcode().map(p -> "p:" + p).or(() -> r.regionCode().map(c -> "r:" + c));
      if (place.isEmpty()) {
        return List.of();
      }
      List<String> keys = new ArrayList<>(2);
      for (Optional<String> name : List.of(r.familyName(), r.givenName(), r.organisationName())) {
        name.ifPresent(n -> keys.add(place.get() + "|" + prefix(n, prefix)));
      }
      return keys;
    });
  }

  /**
   * A sorted neighbourhood over the whole name (family name, given name; or organisation name),
   * catching typos late in a name that the key rules miss.
   *
   * @throws IllegalArgumentException if {@code size} is below 2
   */
  static BlockingRule nameWindow(int size) {
    return new Window("name-window", r -> {
      if (r.organisationName().isPresent()) {
        return r.organisationName();
      }
      if (r.familyName().isEmpty() && r.givenName().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(r.familyName().orElse("") + " " + r.givenName().orElse(""));
    }, size);
  }

  /**
   * A sorted neighbourhood over the identifier, catching a typo late in it.
   *
   * @throws IllegalArgumentException if {@code size} is below 2
   */
  static BlockingRule identifierWindow(int size) {
    return new Window("identifier-window", MatchRecord::identifier, size);
  }

  /** The rules a {@link Deduplicator} uses unless told otherwise. */
  static List<BlockingRule> defaults() {
    return List.of(phone(), email(), identifier(), nameAndBirthYear(), birthDateAndPlace(), placeAndNamePrefix(2),
        nameWindow(4),
        identifierWindow(3));
  }

  private static String prefix(String text, int length) {
    int end = text.offsetByCodePoints(0, Math.min(length, text.codePointCount(0, text.length())));
    return text.substring(0, end);
  }
}
