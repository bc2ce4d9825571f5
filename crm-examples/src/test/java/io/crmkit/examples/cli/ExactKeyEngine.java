package io.crmkit.examples.cli;

import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.ScoredPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A matcher for the command's tests only: two records are candidates when they share an exact
 * key (identifier, phone digits, e-mail, name with birth date), and each of those four fields
 * weighs +8 when equal, -4 when different and 0 when missing, with a prior of -3. Simple enough
 * that a test can tell which pairs must come out, which is all the command's tests need of it.
 */
final class ExactKeyEngine implements MatchEngine {

  private final List<List<MatchInput>> received = new ArrayList<>();

  /** The records of each call, in order: what the command made of its files. */
  List<List<MatchInput>> received() {
    return received;
  }

  /** Every record the engine was given in its last call. */
  List<MatchInput> lastRecords() {
    return received.get(received.size() - 1);
  }

  MatchInput record(String id) {
    return lastRecords().stream().filter(record -> record.id().equals(id)).findFirst().orElseThrow();
  }

  @Override
  public Result deduplicate(List<MatchInput> records, Settings settings) {
    received.add(List.copyOf(records));
    return score(records, records, settings);
  }

  @Override
  public Result link(List<MatchInput> left, List<MatchInput> right, Settings settings) {
    List<MatchInput> all = new ArrayList<>(left);
    all.addAll(right);
    received.add(List.copyOf(all));
    return score(left, right, settings);
  }

  private Result score(List<MatchInput> left, List<MatchInput> right, Settings settings) {
    boolean sameSet = left == right;
    List<ScoredPair> pairs = new ArrayList<>();
    long candidates = 0;
    for (int i = 0; i < left.size(); i++) {
      for (int j = sameSet ? i + 1 : 0; j < right.size(); j++) {
        MatchInput a = left.get(i);
        MatchInput b = right.get(j);
        if (!shareKey(a, b)) {
          continue;
        }
        candidates++;
        List<FieldScore> fields = List.of(
            field("identifier", identifier(a), identifier(b)),
            field("phones", phones(a), phones(b)),
            field("emails", emails(a), emails(b)),
            field("name", nameKey(a).map(Set::of).orElse(Set.of()), nameKey(b).map(Set::of).orElse(Set.of())));
        double weight = fields.stream().mapToDouble(FieldScore::weight).sum() - 3;
        double probability = 1 / (1 + Math.pow(2, -weight));
        ScoredPair.Decision decision = probability >= settings.matchThreshold() ? ScoredPair.Decision.MATCH
            : probability >= settings.reviewThreshold() ? ScoredPair.Decision.REVIEW : ScoredPair.Decision.NON_MATCH;
        boolean ordered = a.id().compareTo(b.id()) < 0;
        pairs.add(new ScoredPair(ordered ? a.id() : b.id(), ordered ? b.id() : a.id(), weight, probability, decision,
            fields));
      }
    }
    List<MatchInput> all = new ArrayList<>(left);
    if (!sameSet) {
      all.addAll(right);
    }
    return new Result(pairs, entities(all, pairs), candidates, List.of());
  }

  private static boolean shareKey(MatchInput a, MatchInput b) {
    return intersects(identifier(a), identifier(b)) || intersects(phones(a), phones(b))
        || intersects(emails(a), emails(b)) || nameKey(a).isPresent() && nameKey(a).equals(nameKey(b));
  }

  private static FieldScore field(String name, Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return new FieldScore(name, "missing", 0);
    }
    return intersects(a, b) ? new FieldScore(name, "exact", 8) : new FieldScore(name, "different", -4);
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  private static Set<String> identifier(MatchInput record) {
    return record.identifier().map(id -> Set.of(id.replace(" ", "").toUpperCase(Locale.ROOT))).orElse(Set.of());
  }

  /** The last eleven digits: a mainland mobile with or without +86, spaces or dashes. */
  private static Set<String> phones(MatchInput record) {
    Set<String> phones = new HashSet<>();
    for (String phone : record.phones()) {
      String digits = phone.replaceAll("\\D", "");
      phones.add(digits.length() > 11 ? digits.substring(digits.length() - 11) : digits);
    }
    return phones;
  }

  private static Set<String> emails(MatchInput record) {
    Set<String> emails = new HashSet<>();
    record.emails().forEach(email -> emails.add(email.toLowerCase(Locale.ROOT)));
    return emails;
  }

  private static Optional<String> nameKey(MatchInput record) {
    Optional<String> name = record.fullName()
        .or(() -> record.familyName().map(family -> family + record.givenName().map(given -> " " + given).orElse("")))
        .or(record::legalName)
        .map(text -> text.replace(" ", "").toLowerCase(Locale.ROOT));
    return name.map(text -> text + "|" + record.birthDate().map(Object::toString).orElse(""));
  }

  /** Connected components of the matches; an entity is named by its smallest record id. */
  private static Map<String, String> entities(List<MatchInput> records, List<ScoredPair> pairs) {
    Map<String, String> parent = new HashMap<>();
    records.forEach(record -> parent.put(record.id(), record.id()));
    for (ScoredPair pair : pairs) {
      if (pair.decision() == ScoredPair.Decision.MATCH) {
        String a = root(parent, pair.leftId());
        String b = root(parent, pair.rightId());
        if (!a.equals(b)) {
          parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
        }
      }
    }
    Map<String, String> entityOf = new TreeMap<>();
    records.forEach(record -> entityOf.put(record.id(), root(parent, record.id())));
    return entityOf;
  }

  private static String root(Map<String, String> parent, String id) {
    String root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }
}
