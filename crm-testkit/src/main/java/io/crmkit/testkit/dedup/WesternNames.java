package io.crmkit.testkit.dedup;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Western family and given names, most frequent first, and the nicknames people go by. */
final class WesternNames {
  static final Weighted<String> FAMILY = Weighted.zipf(List.of(
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson",
      "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
      "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "O'Brien",
      "MacDonald", "van der Berg", "Fitzgerald", "Schneider", "Müller", "Dubois", "Rossi"), 0.7);

  static final Weighted<String> GIVEN = Weighted.zipf(List.of(
      "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
      "David", "Barbara", "Richard", "Susan", "Joseph", "Margaret", "Thomas", "Sarah", "Charles", "Katherine",
      "Christopher", "Nancy", "Daniel", "Deborah", "Anthony", "Emma", "Edward", "Olivia", "Andrew", "Rebecca",
      "Matthew", "Alexander", "Samuel", "Victoria"), 0.6);

  /** Given names and the nicknames records hold instead: Robert and Bob, William and Bill. */
  static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
      Map.entry("James", List.of("Jim", "Jimmy", "Jamie")),
      Map.entry("Robert", List.of("Bob", "Rob", "Bobby")),
      Map.entry("Patricia", List.of("Pat", "Tricia", "Patty")),
      Map.entry("John", List.of("Jack", "Johnny")),
      Map.entry("Jennifer", List.of("Jen", "Jenny")),
      Map.entry("Michael", List.of("Mike", "Mick")),
      Map.entry("William", List.of("Bill", "Will", "Billy")),
      Map.entry("Elizabeth", List.of("Liz", "Beth", "Betty", "Eliza")),
      Map.entry("David", List.of("Dave")),
      Map.entry("Barbara", List.of("Barb")),
      Map.entry("Richard", List.of("Rick", "Dick", "Rich")),
      Map.entry("Susan", List.of("Sue", "Susie")),
      Map.entry("Joseph", List.of("Joe", "Joey")),
      Map.entry("Margaret", List.of("Maggie", "Peggy", "Meg")),
      Map.entry("Thomas", List.of("Tom", "Tommy")),
      Map.entry("Charles", List.of("Charlie", "Chuck")),
      Map.entry("Katherine", List.of("Kate", "Kathy", "Katie")),
      Map.entry("Christopher", List.of("Chris")),
      Map.entry("Daniel", List.of("Dan", "Danny")),
      Map.entry("Deborah", List.of("Debbie", "Deb")),
      Map.entry("Anthony", List.of("Tony")),
      Map.entry("Edward", List.of("Ed", "Ted", "Eddie")),
      Map.entry("Andrew", List.of("Andy", "Drew")),
      Map.entry("Rebecca", List.of("Becky")),
      Map.entry("Matthew", List.of("Matt")),
      Map.entry("Alexander", List.of("Alex", "Sandy")),
      Map.entry("Samuel", List.of("Sam")),
      Map.entry("Victoria", List.of("Vicky", "Tori")));

  private WesternNames() {}

  static boolean hasNickname(String given) {
    return NICKNAMES.containsKey(given);
  }

  static String nickname(String given, SplittableRandom random) {
    List<String> nicknames = NICKNAMES.get(given);
    return nicknames.get(random.nextInt(nicknames.size()));
  }
}
