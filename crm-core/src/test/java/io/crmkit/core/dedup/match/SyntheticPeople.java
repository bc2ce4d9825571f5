package io.crmkit.core.dedup.match;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tiny generator of person records with known duplicates, for the matcher's own tests: each
 * person is one original and up to three copies with a typo, a missing field or the name parts
 * swapped. Record ids are {@code p<person>-<copy>}; the same person means the same entity.
 */
final class SyntheticPeople {
  private static final String[] FAMILY = {"smith", "jones", "williams", "brown", "taylor", "wilson", "martin",
      "anderson", "thompson", "white", "harris", "clarke", "walker", "robinson", "wright", "mitchell", "young",
      "king", "green", "baker", "hall", "campbell", "evans", "turner", "collins", "edwards", "stewart", "morris",
      "murphy", "cook", "rogers", "morgan", "cooper", "peterson", "reed", "bailey", "bell", "kelly", "howard",
      "ward"};
  private static final String[] GIVEN = {"james", "mary", "john", "patricia", "robert", "jennifer", "michael",
      "linda", "william", "elizabeth", "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
      "sarah", "charles", "karen", "daniel", "nancy", "matthew", "lisa", "anthony", "betty", "mark", "sandra",
      "steven", "ashley", "andrew", "emily", "joshua", "olivia", "kevin", "chloe", "brian", "grace", "george",
      "zoe"};
  private static final String[] STREETS = {"high street", "station road", "church lane", "park avenue",
      "mill road", "queen street", "king street", "victoria road", "green lane", "manor close"};
  private static final String[] TOWNS = {"ashford", "bedford", "carlisle", "dover", "exeter", "falmouth",
      "gloucester", "hereford", "ipswich", "kendal", "lincoln", "margate"};

  private final List<MatchRecord> records;
  private final Map<String, String> entities;

  private SyntheticPeople(List<MatchRecord> records, Map<String, String> entities) {
    this.records = records;
    this.entities = entities;
  }

  /** {@code persons} people with their copies, drawn from {@code seed}. */
  static SyntheticPeople generate(int persons, long seed) {
    Random random = new Random(seed);
    List<MatchRecord> records = new ArrayList<>();
    Map<String, String> entities = new TreeMap<>();
    for (int p = 0; p < persons; p++) {
      MatchRecord original = original(p, random);
      records.add(original);
      entities.put(original.id(), original.id());
      int copies = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
      for (int c = 1; c <= copies; c++) {
        MatchRecord copy = corrupt(original, original.id().replace("-0", "-" + c), random);
        records.add(copy);
        entities.put(copy.id(), original.id());
      }
    }
    return new SyntheticPeople(List.copyOf(records), entities);
  }

  List<MatchRecord> records() {
    return records;
  }

  /** Record id → the id of its person's original. */
  Map<String, String> entities() {
    return entities;
  }

  /** Every pair of records of one person. */
  Set<RecordPair> truePairs() {
    Set<RecordPair> pairs = new HashSet<>();
    for (MatchRecord a : records) {
      for (MatchRecord b : records) {
        if (a.id().compareTo(b.id()) < 0 && entities.get(a.id()).equals(entities.get(b.id()))) {
          pairs.add(RecordPair.of(a.id(), b.id()));
        }
      }
    }
    return pairs;
  }

  private static MatchRecord original(int person, Random random) {
    return new MatchRecord.Builder()
        .id(String.format("p%05d-0", person))
        .kind(CustomerKind.PERSON)
        .familyName(FAMILY[random.nextInt(FAMILY.length)])
        .givenName(GIVEN[random.nextInt(GIVEN.length)])
        .birthDate(LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365)))
        .identifier(Integer.toString(1_000_000 + random.nextInt(9_000_000)))
        .addPhone("+86138" + (10_000_000 + random.nextInt(90_000_000)))
        .addEmail("user" + person + "@example.com")
        .street((1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)])
        .locality(TOWNS[random.nextInt(TOWNS.length)])
        .postcode(Integer.toString(1000 + random.nextInt(9000)))
        .build();
  }

  private static MatchRecord corrupt(MatchRecord original, String id, Random random) {
    MatchRecord.Builder copy = new MatchRecord.Builder().from(original).id(id);
    int corruption = random.nextInt(5);
    switch (corruption) {
      case 0 -> copy.familyName(typo(original.familyName().orElseThrow(), random));
      case 1 -> copy.givenName(original.familyName().orElseThrow()).familyName(original.givenName().orElseThrow());
      case 2 -> copy.phones(List.of()).emails(List.of());
      case 3 -> copy.street(typo(original.street().orElseThrow(), random));
      default -> copy.identifier(typo(original.identifier().orElseThrow(), random));
    }
    if (corruption != 1 && random.nextBoolean()) {
      copy.givenName(typo(original.givenName().orElseThrow(), random));
    }
    return copy.build();
  }

  private static String typo(String value, Random random) {
    int at = random.nextInt(value.length());
    char replacement = (char) ('a' + random.nextInt(26));
    if (Character.isDigit(value.charAt(at))) {
      replacement = (char) ('0' + (value.charAt(at) - '0' + 1 + random.nextInt(8)) % 10);
    } else if (replacement == value.charAt(at)) {
      replacement = replacement == 'z' ? 'a' : (char) (replacement + 1);
    }
    return value.substring(0, at) + replacement + value.substring(at + 1);
  }
}
