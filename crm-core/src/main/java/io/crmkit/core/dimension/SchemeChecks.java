package io.crmkit.core.dimension;

import io.crmkit.core.checkdigit.CheckCharacterSystem;
import io.crmkit.core.dimension.DimensionCode.Successor;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a whole scheme definition, for {@link DimensionScheme.Builder#build}: every code
 * against the structure and the check-character alphabet, declared levels, periods, successors,
 * duplicates (same code, overlapping periods), parents (defined, above the code, agreeing with the
 * structure, not retired while the child is in force), parent cycles, and successor cycles that
 * reach no code in force. Every problem is collected, in the order of the definition, and thrown
 * together in one {@link SchemeDefinitionException}, so that one run shows all that is wrong.
 */
final class SchemeChecks {
  private static final Pattern SUCCESSOR = Pattern.compile("([^\\[\\]\\s]+)\\s*(?:\\[\\s*([0-9-]+)\\s*])?");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  private final String id;
  private final CodeStructure structure;
  private final CheckCharacterSystem checkCharacters;

  /**
   * @param id the scheme's id, for locations of problems of the whole definition
   * @param structure the code structure, or null if the definition has none (a problem)
   * @param checkCharacters the check-character system, or null
   */
  SchemeChecks(String id, CodeStructure structure, CheckCharacterSystem checkCharacters) {
    this.id = id;
    this.structure = structure;
    this.checkCharacters = checkCharacters;
  }

  /**
   * A date in a definition: {@code YYYY-MM-DD}, or a year {@code YYYY} meaning its first day.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  static LocalDate parseDate(String text) {
    String trimmed = text.strip();
    try {
      return YEAR.matcher(trimmed).matches() ? LocalDate.of(Integer.parseInt(trimmed), 1, 1) : LocalDate.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date (YYYY or YYYY-MM-DD)", e);
    }
  }

  /**
   * Checks the definitions and builds the scheme of their entries with {@code scheme}.
   *
   * @param inputs the definitions, in input order
   * @param readProblems what the readers of definition files found
   * @param scheme makes the scheme of the checked entries, which the last check (successor cycles)
   *     needs in order to follow successors as {@link DimensionScheme#resolve} does
   * @throws SchemeDefinitionException listing every problem
   */
  DimensionScheme build(List<Input> inputs, List<Found> readProblems,
      Function<List<DimensionCode>, DimensionScheme> scheme) {
    List<Found> problems = new ArrayList<>(readProblems);
    if (structure == null) {
      problems.add(new Found(0, new Found.Location("definition of " + id, 0), "",
          Kind.MISSING_FIELD, "no code structure"));
      throw exception(problems);
    }
    if (inputs.isEmpty() && readProblems.isEmpty()) { // else the codes are there but could not be read
      problems.add(new Found(0, new Found.Location("definition of " + id, 0), "", Kind.EMPTY_SCHEME,
          "the scheme defines no code"));
    }
    List<Candidate> accepted = new ArrayList<>();
    for (Input input : inputs) {
      Candidate candidate = examine(input, problems);
      if (candidate != null) {
        accepted.add(candidate);
      }
    }
    Map<String, List<Candidate>> byCode = removeDuplicates(accepted, problems);
    assignParents(accepted, byCode, problems);
    Set<Candidate> inCycles = findCycles(accepted, byCode, problems);
    checkParents(accepted, byCode, inCycles, problems);
    checkSuccessors(accepted, byCode, problems);
    if (!problems.isEmpty()) {
      throw exception(problems);
    }
    List<DimensionCode> entries = new ArrayList<>(accepted.size());
    Map<DimensionCode, Candidate> sources = new IdentityHashMap<>();
    for (Candidate c : accepted) {
      DimensionCode entry = new DimensionCode(id, written(c.code), structure.levels().get(c.depth), c.depth,
          c.input.definition().labels(), Optional.ofNullable(c.parent).map(this::written),
          c.input.definition().validFrom(), c.input.definition().retiredOn(),
          c.successors.stream().map(s -> new Successor(written(s.code), s.effective)).toList());
      entries.add(entry);
      sources.put(entry, c);
    }
    DimensionScheme built = scheme.apply(entries);
    findSuccessorCycles(built, sources, problems); // on the built scheme, to follow successors as resolve does
    if (!problems.isEmpty()) {
      throw exception(problems);
    }
    return built;
  }

  private String written(String payload) {
    return checkCharacters == null ? payload : payload + checkCharacters.compute(payload);
  }

  private Candidate examine(Input input, List<Found> problems) {
    CodeDefinition definition = input.definition();
    String code = definition.code();
    if (code.isEmpty()) { // a structure such as flat(".*") would take it, and no check character can be computed
      problems.add(input.problem(code, Kind.MALFORMED_CODE, "the code is empty"));
      return null;
    }
    int depth = structure.depthOf(code);
    if (depth < 0) {
      problems.add(input.problem(code, Kind.MALFORMED_CODE,
          "does not fit the code structure: it " + structure.problem(code).orElse("matches no level")));
      return null;
    }
    if (checkCharacters != null) {
      for (char c : code.toCharArray()) {
        if (checkCharacters.alphabet().indexOf(c) < 0) {
          problems.add(input.problem(code, Kind.MALFORMED_CODE,
              "has '" + c + "', which " + checkCharacters.name() + " cannot check"));
          return null;
        }
      }
    }
    String level = structure.levels().get(depth);
    if (definition.level().isPresent() && !definition.level().get().equals(level)) {
      problems.add(input.problem(code, Kind.WRONG_LEVEL, "is declared a " + definition.level().get()
          + " code, but the structure makes it a " + level + " code"));
    }
    Optional<LocalDate> from = definition.validFrom();
    Optional<LocalDate> to = definition.retiredOn();
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      problems.add(input.problem(code, Kind.BAD_VALIDITY,
          "is retired on " + to.get() + ", not after it became valid on " + from.get()));
      return null;
    }
    List<ParsedSuccessor> successors = new ArrayList<>();
    for (String text : definition.successors()) {
      Matcher m = SUCCESSOR.matcher(text.strip());
      if (!m.matches()) {
        problems.add(input.problem(code, Kind.BAD_SUCCESSOR,
            "successor '" + text + "' is not CODE, CODE[YYYY] or CODE[YYYY-MM-DD]"));
        continue;
      }
      LocalDate effective = to.orElse(null);
      if (m.group(2) != null) {
        try {
          effective = parseDate(m.group(2));
        } catch (IllegalArgumentException e) {
          problems.add(input.problem(code, Kind.BAD_SUCCESSOR, "successor '" + text + "': " + e.getMessage()));
          continue;
        }
      }
      successors.add(new ParsedSuccessor(m.group(1), effective));
    }
    if (to.isEmpty() && !definition.successors().isEmpty()) {
      problems.add(input.problem(code, Kind.BAD_VALIDITY,
          "has successors but no retirement date; only a retired code has successors"));
      return null;
    }
    return new Candidate(input, code, depth, successors);
  }

  private Map<String, List<Candidate>> removeDuplicates(List<Candidate> accepted, List<Found> problems) {
    Map<String, List<Candidate>> byCode = new LinkedHashMap<>();
    for (Candidate c : accepted) {
      byCode.computeIfAbsent(c.code, k -> new ArrayList<>()).add(c);
    }
    Set<Candidate> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Candidate> group : byCode.values()) {
      if (group.size() < 2) {
        continue;
      }
      List<Candidate> ordered = new ArrayList<>(group);
      ordered.sort(Comparator.comparing((Candidate c) -> c.from().orElse(LocalDate.MIN))
          .thenComparingInt(c -> c.input.order()));
      Candidate previous = ordered.get(0);
      for (Candidate next : ordered.subList(1, ordered.size())) {
        boolean overlaps = previous.to().isEmpty() || next.from().isEmpty()
            || previous.to().get().isAfter(next.from().get());
        if (overlaps) {
          Candidate duplicate = next.input.order() > previous.input.order() ? next : previous;
          Candidate original = duplicate == next ? previous : next;
          problems.add(duplicate.input.problem(duplicate.code, Kind.DUPLICATE_CODE,
              "is already defined at " + original.input.location() + " for an overlapping period"));
          rejected.add(duplicate);
          previous = original;
        } else {
          previous = next;
        }
      }
      group.removeIf(rejected::contains);
    }
    accepted.removeIf(rejected::contains);
    return byCode;
  }

  private void assignParents(List<Candidate> accepted, Map<String, List<Candidate>> byCode, List<Found> problems) {
    for (Candidate c : accepted) {
      Optional<String> explicit = c.input.definition().parent().map(String::strip).filter(p -> !p.isEmpty());
      if (explicit.isPresent()) {
        c.explicitParent = true;
        if (byCode.containsKey(explicit.get())) {
          c.parent = explicit.get();
        } else {
          problems.add(c.input.problem(c.code, Kind.MISSING_PARENT, "parent " + explicit.get() + " is not defined"));
        }
        continue;
      }
      List<String> implied = structure.ancestors(c.code);
      c.parent = implied.stream().filter(byCode::containsKey).findFirst().orElse(null);
      if (c.parent == null && c.depth > 0) {
        problems.add(c.input.problem(c.code, Kind.MISSING_PARENT, implied.isEmpty()
            ? "a " + structure.levels().get(c.depth) + " code needs a parent, and the structure cannot imply one"
            : "has no parent: none of " + String.join(", ", implied) + " is defined"));
      }
    }
  }

  private Set<Candidate> findCycles(List<Candidate> accepted, Map<String, List<Candidate>> byCode,
      List<Found> problems) {
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    for (Candidate c : accepted) {
      if (c.parent != null) {
        edges.computeIfAbsent(c.code, k -> new LinkedHashSet<>()).add(c.parent);
      }
    }
    Set<String> inCycle = new HashSet<>();
    for (List<String> cycle : cycles(edges)) {
      inCycle.addAll(cycle);
      String parent = cycle.get(0);
      Candidate first = byCode.get(parent).get(0);
      problems.add(first.input.problem(parent, Kind.CYCLE, "parents form a cycle: " + String.join(" → ", cycle)));
    }
    Set<Candidate> members = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Candidate c : accepted) {
      if (inCycle.contains(c.code)) {
        members.add(c);
      }
    }
    return members;
  }

  /**
   * Successors that go round in a circle and never reach a code in force, so that {@link
   * DimensionScheme#resolve} would call their codes discontinued. Each successor is followed to the entry that
   * applied when it took over, as {@code resolve} does: a code may be retired into one that later
   * reuses it. A circle with a way out is real history (GB/T 2260 has partial splits merged back).
   */
  private void findSuccessorCycles(DimensionScheme scheme, Map<DimensionCode, Candidate> sources,
      List<Found> problems) {
    Map<DimensionCode, List<DimensionCode>> edges = new LinkedHashMap<>();
    for (DimensionCode entry : scheme.entries()) {
      for (Successor successor : entry.successors()) {
        DimensionCode target = scheme.entryWhen(successor.code(), successor.effective());
        if (!target.inForce()) {
          edges.computeIfAbsent(entry, k -> new ArrayList<>()).add(target);
        }
      }
    }
    for (List<DimensionCode> cycle : cycles(edges)) {
      if (scheme.successorsInForce(cycle.get(0)).isEmpty()) {
        Candidate first = sources.get(cycle.get(0));
        problems.add(first.input.problem(first.code, Kind.BAD_SUCCESSOR, "successors form a cycle that reaches no "
            + "code in force: " + String.join(" → ", cycle.stream().map(sources::get).map(c -> c.code).toList())));
      }
    }
  }

  /**
   * The cycles of a directed graph, each found once, as paths from a node back to it. Iterative,
   * so that long chains do not overflow the stack.
   */
  private static <T> List<List<T>> cycles(Map<T, ? extends Collection<T>> edges) {
    List<List<T>> found = new ArrayList<>();
    Map<T, Integer> state = new HashMap<>();
    for (T start : edges.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<T> path = new ArrayDeque<>();
      Deque<Iterator<T>> iterators = new ArrayDeque<>();
      path.push(start);
      iterators.push(targets(edges, start));
      state.put(start, 1);
      while (!path.isEmpty()) {
        Iterator<T> next = iterators.peek();
        if (!next.hasNext()) {
          state.put(path.pop(), 2);
          iterators.pop();
          continue;
        }
        T target = next.next();
        Integer seen = state.get(target);
        if (seen == null) {
          state.put(target, 1);
          path.push(target);
          iterators.push(targets(edges, target));
        } else if (seen == 1) {
          List<T> cycle = new ArrayList<>();
          for (Iterator<T> it = path.descendingIterator(); it.hasNext(); ) {
            T node = it.next();
            if (node.equals(target) || !cycle.isEmpty()) {
              cycle.add(node);
            }
          }
          cycle.add(target);
          found.add(cycle);
        }
      }
    }
    return found;
  }

  private static <T> Iterator<T> targets(Map<T, ? extends Collection<T>> edges, T node) {
    Collection<T> targets = edges.get(node);
    return targets == null ? Collections.emptyIterator() : targets.iterator();
  }

  private void checkParents(List<Candidate> accepted, Map<String, List<Candidate>> byCode, Set<Candidate> inCycles,
      List<Found> problems) {
    for (Candidate c : accepted) {
      if (c.parent == null || inCycles.contains(c)) {
        continue;
      }
      int parentDepth = structure.depthOf(c.parent);
      String level = structure.levels().get(c.depth);
      if (parentDepth >= c.depth) {
        problems.add(c.input.problem(c.code, Kind.PARENT_NOT_ABOVE, c.depth == 0
            ? "is a top-level (" + level + ") code and cannot have a parent"
            : "parent " + c.parent + " is a " + structure.levels().get(parentDepth) + " code, not above this "
                + level + " code"));
        continue;
      }
      List<String> implied = structure.ancestors(c.code);
      if (c.explicitParent && !implied.isEmpty() && !implied.contains(c.parent)) {
        problems.add(c.input.problem(c.code, Kind.PARENT_NOT_ANCESTOR, "parent " + c.parent
            + " contradicts the code structure, which implies " + String.join(" or ", implied)));
        continue;
      }
      if (c.to().isEmpty() && byCode.get(c.parent).stream().noneMatch(p -> p.to().isEmpty())) {
        problems.add(c.input.problem(c.code, Kind.RETIRED_PARENT,
            "is in force, but its parent " + c.parent + " is retired"));
      }
    }
  }

  private void checkSuccessors(List<Candidate> accepted, Map<String, List<Candidate>> byCode, List<Found> problems) {
    for (Candidate c : accepted) {
      for (ParsedSuccessor s : c.successors) {
        List<Candidate> targets = byCode.get(s.code);
        if (targets == null) {
          problems.add(c.input.problem(c.code, Kind.BAD_SUCCESSOR, "successor " + s.code + " is not defined"));
        } else if (s.code.equals(c.code) && targets.stream().noneMatch(t -> t.from().isPresent()
            && !t.from().get().isBefore(c.to().orElseThrow()))) {
          problems.add(c.input.problem(c.code, Kind.BAD_SUCCESSOR, "names itself as successor, but is not defined "
              + "again from " + c.to().orElseThrow()));
        }
      }
    }
  }

  private SchemeDefinitionException exception(List<Found> problems) {
    List<Found> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Found::order));
    return new SchemeDefinitionException(id, sorted.stream()
        .map(f -> new Problem(f.location().text(), f.location().line(), f.code(), f.kind(), f.message()))
        .toList());
  }

  /** A definition as given, with where it came from and its place in the input order. */
  record Input(CodeDefinition definition, String location, int line, int order) {
    Found problem(String code, Kind kind, String message) {
      return new Found(order, new Found.Location(location, line), code, kind, message);
    }
  }

  /**
   * A problem with its place in the input order. Definitions take odd places and problems found
   * while reading files the even place before the next definition, so that the report follows the
   * input.
   */
  record Found(int order, Location location, String code, Kind kind, String message) {
    record Location(String text, int line) {}
  }

  private record ParsedSuccessor(String code, LocalDate effective) {}

  /** A definition that passed the per-code checks, with what the scheme-wide checks add. */
  private static final class Candidate {
    final Input input;
    final String code;
    final int depth;
    final List<ParsedSuccessor> successors;
    String parent;
    boolean explicitParent;

    Candidate(Input input, String code, int depth, List<ParsedSuccessor> successors) {
      this.input = input;
      this.code = code;
      this.depth = depth;
      this.successors = successors;
    }

    Optional<LocalDate> from() {
      return input.definition().validFrom();
    }

    Optional<LocalDate> to() {
      return input.definition().retiredOn();
    }
  }
}
