package io.crmkit.core.dimension;

import io.crmkit.core.checkdigit.CheckCharacterSystem;
import io.crmkit.core.common.Require;
import io.crmkit.core.dimension.DimensionCode.Successor;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A classification scheme for one dimension: identity and version, the {@link CodeStructure},
 * the code list with labels and parents, and validity periods with successors of retired codes.
 *
 * <p>Build one with {@link Builder} (in code, or from CSV with {@link Builder#codesFromCsv}), read
 * one from JSON with {@link #fromJson}, or take a built-in one from {@link BuiltInSchemes}.
 * A scheme is immutable and thread-safe; every lookup is a hash-map access.
 *
 * <p><b>Codes as written.</b> If the scheme has a {@link CheckCharacterSystem}, its codes are
 * written with their check character(s) appended, everywhere: in the entries, parents, successors
 * and in the codes {@link #check} accepts. Definitions give codes without them.
 *
 * <p><b>Periods.</b> A code may have several entries when it was retired and later reused (GB/T
 * 2260 does this). Lookups by code see the entry in force, or else the latest retired one; {@link
 * #history} has them all.
 */
public final class DimensionScheme {
  private final String id;
  private final String version;
  private final Labels name;
  private final CodeStructure structure;
  private final CheckCharacterSystem checkCharacters;
  private final Map<String, List<DimensionCode>> byCode;
  private final Map<String, DimensionCode> latest;
  private final Map<String, List<DimensionCode>> childrenOf;
  private final List<DimensionCode> inForce;
  private final List<DimensionCode> entries;

  private DimensionScheme(Builder builder, List<DimensionCode> built) {
    this.id = builder.id;
    this.version = builder.version;
    this.name = builder.name != null ? builder.name : Labels.of("en", builder.id);
    this.structure = builder.structure;
    this.checkCharacters = builder.checkCharacters;
    List<DimensionCode> sorted = new ArrayList<>(built);
    sorted.sort(Comparator.comparing(DimensionCode::code)
        .thenComparing(e -> e.validFrom().orElse(LocalDate.MIN)));
    Map<String, List<DimensionCode>> codes = new HashMap<>();
    for (DimensionCode entry : sorted) {
      codes.computeIfAbsent(entry.code(), c -> new ArrayList<>()).add(entry);
    }
    Map<String, DimensionCode> last = new HashMap<>();
    codes.forEach((code, list) -> {
      codes.put(code, List.copyOf(list));
      last.put(code, list.stream().filter(DimensionCode::inForce).findFirst()
          .orElseGet(() -> list.stream().max(Comparator.comparing(e -> e.retiredOn().orElseThrow())).orElseThrow()));
    });
    Map<String, List<DimensionCode>> children = new HashMap<>();
    List<DimensionCode> current = new ArrayList<>();
    for (DimensionCode entry : sorted) {
      if (entry.inForce()) {
        current.add(entry);
        entry.parent().ifPresent(p -> children.computeIfAbsent(p, c -> new ArrayList<>()).add(entry));
      }
    }
    children.replaceAll((code, list) -> List.copyOf(list));
    this.byCode = Collections.unmodifiableMap(codes);
    this.latest = Collections.unmodifiableMap(last);
    this.childrenOf = Collections.unmodifiableMap(children);
    this.inForce = List.copyOf(current);
    this.entries = List.copyOf(sorted);
  }

  /**
   * Reads a whole scheme from a JSON definition; a {@code checkCharacters} field names one of the
   * systems crmkit ships ({@link io.crmkit.core.checkdigit.CheckCharacters#all()}). (A CSV file
   * holds a code list only: see {@link Builder#codesFromCsv}.)
   *
   * <pre>{@code
   * {
   *   "id": "sales-region", "version": "2025",
   *   "name": {"en": "Sales regions", "zh": "销售区域"},
   *   "structure": {"type": "prefixed", "segments": [
   *       {"level": "area", "width": 1, "characters": "A-Z"},
   *       {"level": "district", "width": 2, "characters": "0-9"}]},
   *   "checkCharacters": "ISO 7064 MOD 37-2",
   *   "codes": [
   *     {"code": "N", "labels": {"en": "North"}},
   *     {"code": "N01", "labels": {"en": "North, urban"}, "validFrom": "2020-01-01"},
   *     {"code": "N02", "labels": {"en": "North, rural"}, "retiredOn": "2025-01-01", "successors": ["N01"]}]
   * }
   * }</pre>
   *
   * <p>Structure types: {@code padded} ({@code padding}, {@code segments}), {@code prefixed}
   * ({@code segments}), {@code separated} ({@code separator}, {@code parts} with {@code level},
   * {@code characters}, {@code minWidth}, {@code maxWidth}), {@code patterned} ({@code levels} with
   * {@code level}, {@code pattern}, {@code parentPrefix}) and {@code flat} ({@code level},
   * {@code pattern}). Code fields are those of {@link CodeDefinition}. Unknown fields are problems,
   * so that a misspelt field is not silently ignored.
   *
   * @param reader the JSON text; not closed
   * @param source the definition's name, for problem locations
   * @throws SchemeDefinitionException listing every problem with its line
   * @throws UncheckedIOException if reading fails
   */
  public static DimensionScheme fromJson(Reader reader, String source) {
    return SchemeDefinitions.fromJson(reader, source);
  }

  /**
   * Reads a whole scheme from a JSON definition, as {@link #fromJson(Reader, String)} does, whose
   * {@code checkCharacters} names one of {@code systems} (by {@link CheckCharacterSystem#name()},
   * ignoring case): for systems of your own.
   *
   * @throws SchemeDefinitionException listing every problem with its line
   * @throws UncheckedIOException if reading fails
   */
  public static DimensionScheme fromJson(Reader reader, String source,
      Collection<? extends CheckCharacterSystem> systems) {
    return SchemeDefinitions.fromJson(reader, source, systems);
  }

  /** The scheme's stable identifier, for example {@code GB/T 2260}. */
  public String id() {
    return id;
  }

  /** The version of the code list, for example {@code 2024}. */
  public String version() {
    return version;
  }

  /** The scheme's name in one or more languages. */
  public Labels name() {
    return name;
  }

  /** How the scheme's codes are built, level by level. */
  public CodeStructure structure() {
    return structure;
  }

  /** The level names, top level first. */
  public List<String> levels() {
    return structure.levels();
  }

  /** The check-character system whose characters every code ends with, if the scheme has one. */
  public Optional<CheckCharacterSystem> checkCharacters() {
    return Optional.ofNullable(checkCharacters);
  }

  /**
   * Checks a code: well-formed, correct check character, known, and in force.
   *
   * @return {@link CodeCheck.Valid}, or {@link CodeCheck.Malformed}, {@link
   *     CodeCheck.BadCheckCharacter}, {@link CodeCheck.Unknown} or {@link CodeCheck.Retired}, checked
   *     in that order
   * @throws NullPointerException if {@code code} is null
   */
  public CodeCheck check(String code) {
    Objects.requireNonNull(code, "code");
    CodeCheck shape = checkShape(code);
    if (shape != null) {
      return shape;
    }
    DimensionCode entry = latest.get(code);
    if (entry == null) {
      return new CodeCheck.Unknown(code, levels().get(structure.depthOf(payload(code))));
    }
    return entry.inForce() ? new CodeCheck.Valid(entry)
        : new CodeCheck.Retired(entry, entry.retiredOn().orElseThrow(), entry.successors());
  }

  /**
   * Checks a code that must be on {@code level}: as {@link #check(String)}, and a known code on
   * another level is {@link CodeCheck.WrongLevel} (reported before retirement).
   *
   * @throws IllegalArgumentException if the scheme has no level {@code level}
   */
  public CodeCheck check(String code, String level) {
    Objects.requireNonNull(code, "code");
    int expected = structure.depthOfLevel(level);
    CodeCheck check = check(code);
    Optional<DimensionCode> entry = check.entry();
    if (entry.isPresent() && entry.get().depth() != expected) {
      return new CodeCheck.WrongLevel(entry.get(), level);
    }
    return check;
  }

  /** The entry of {@code code}: the one in force, else the latest retired one; empty if unknown. */
  public Optional<DimensionCode> find(String code) {
    return Optional.ofNullable(latest.get(Objects.requireNonNull(code, "code")));
  }

  /** Every entry of {@code code}, oldest first; empty if unknown. */
  public List<DimensionCode> history(String code) {
    return byCode.getOrDefault(Objects.requireNonNull(code, "code"), List.of());
  }

  /** The entry of {@code code} that applied on {@code date}, if any. */
  public Optional<DimensionCode> entryOn(String code, LocalDate date) {
    Objects.requireNonNull(date, "date");
    return history(code).stream().filter(e -> e.appliesOn(date)).findFirst();
  }

  /** The label of {@code code} (its latest entry) for {@code locale}; empty if the code is unknown. */
  public Optional<String> label(String code, Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return find(code).map(e -> e.label(locale));
  }

  /**
   * The ancestors of {@code code}, parent first, up to the top level.
   *
   * @throws IllegalArgumentException if the scheme does not define {@code code}
   */
  public List<DimensionCode> ancestors(String code) {
    DimensionCode entry = require(code);
    List<DimensionCode> found = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(entry.code()));
    Optional<String> parent = entry.parent();
    while (parent.isPresent() && seen.add(parent.get())) {
      DimensionCode next = latest.get(parent.get());
      found.add(next);
      parent = next.parent();
    }
    return List.copyOf(found);
  }

  /**
   * The ancestor of {@code code} on {@code level}, or the code itself if it is on that level;
   * empty if the code is on a higher level or its line skips the level (a GB/T 2260 county
   * directly under a province has no prefecture).
   *
   * @throws IllegalArgumentException if the code is unknown or the scheme has no such level
   */
  public Optional<DimensionCode> ancestorAt(String code, String level) {
    int depth = structure.depthOfLevel(level);
    DimensionCode entry = require(code);
    if (entry.depth() == depth) {
      return Optional.of(entry);
    }
    for (DimensionCode ancestor : ancestors(code)) {
      if (ancestor.depth() == depth) {
        return Optional.of(ancestor);
      }
    }
    return Optional.empty();
  }

  /**
   * Where {@code code} counts when rolling up to {@code level}: the code itself if it is on that
   * level or above, else its nearest ancestor on that level or above. A GB/T 2260 county directly
   * under a province rolls up to the province at prefecture level.
   *
   * @throws IllegalArgumentException if the code is unknown or the scheme has no such level
   */
  public DimensionCode rollUp(String code, String level) {
    int depth = structure.depthOfLevel(level);
    DimensionCode entry = require(code);
    if (entry.depth() <= depth) {
      return entry;
    }
    for (DimensionCode ancestor : ancestors(code)) {
      if (ancestor.depth() <= depth) {
        return ancestor;
      }
    }
    return entry;
  }

  /**
   * The codes in force whose parent is {@code code}, in code order.
   *
   * @throws IllegalArgumentException if the scheme does not define {@code code}
   */
  public List<DimensionCode> children(String code) {
    require(code);
    return childrenOf.getOrDefault(code, List.of());
  }

  /** The top-level codes in force, in code order. */
  public List<DimensionCode> roots() {
    return inForce.stream().filter(e -> e.parent().isEmpty()).toList();
  }

  /** Every code in force, in code order. */
  public List<DimensionCode> codes() {
    return inForce;
  }

  /**
   * The codes in force on {@code level}, in code order.
   *
   * @throws IllegalArgumentException if the scheme has no such level
   */
  public List<DimensionCode> codes(String level) {
    int depth = structure.depthOfLevel(level);
    return inForce.stream().filter(e -> e.depth() == depth).toList();
  }

  /** Every entry, retired ones included, in code order and then oldest first. */
  public List<DimensionCode> entries() {
    return entries;
  }

  /**
   * The code in force that {@code code} stands for today. A retired code's successors are followed
   * (through further retirements, taking for each successor the entry that applied when it took
   * over) until codes in force are reached: one is {@link Resolution.Replaced}, several are {@link
   * Resolution.Ambiguous}, none is {@link Resolution.Discontinued}.
   */
  public Resolution resolve(String code) {
    CodeCheck check = check(code);
    if (check instanceof CodeCheck.Valid valid) {
      return new Resolution.Current(valid.dimensionCode());
    }
    if (!(check instanceof CodeCheck.Retired retired)) {
      return new Resolution.NotFound(check);
    }
    List<DimensionCode> targets = successorsInForce(retired.dimensionCode());
    if (targets.isEmpty()) {
      return new Resolution.Discontinued(retired.dimensionCode());
    }
    return targets.size() == 1 ? new Resolution.Replaced(retired.dimensionCode(), targets.get(0))
        : new Resolution.Ambiguous(retired.dimensionCode(), targets);
  }

  @Override
  public String toString() {
    return "DimensionScheme[" + id + " " + version + ", " + inForce.size() + " codes in force, "
        + entries.size() + " entries]";
  }

  /** The entries in force that {@code retired}'s successors lead to, in code order. */
  List<DimensionCode> successorsInForce(DimensionCode retired) {
    Set<DimensionCode> found = new LinkedHashSet<>();
    Set<DimensionCode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<DimensionCode> pending = new ArrayDeque<>(List.of(retired));
    visited.add(retired);
    while (!pending.isEmpty()) {
      for (Successor successor : pending.pop().successors()) {
        DimensionCode target = entryWhen(successor.code(), successor.effective());
        if (target.inForce()) {
          found.add(target);
        } else if (visited.add(target)) {
          pending.push(target);
        }
      }
    }
    return found.stream().sorted(Comparator.comparing(DimensionCode::code)).toList();
  }

  /** The entry of a successor that applied when it took over: else the next to start, else the latest. */
  DimensionCode entryWhen(String code, LocalDate date) {
    List<DimensionCode> history = history(code);
    for (DimensionCode entry : history) {
      if (entry.appliesOn(date)) {
        return entry;
      }
    }
    for (DimensionCode entry : history) {
      if (entry.validFrom().isPresent() && entry.validFrom().get().isAfter(date)) {
        return entry;
      }
    }
    return latest.get(code);
  }

  private DimensionCode require(String code) {
    DimensionCode entry = latest.get(Objects.requireNonNull(code, "code"));
    if (entry == null) {
      throw new IllegalArgumentException(check(code).describe() + " in scheme " + id);
    }
    return entry;
  }

  /** Malformed or bad check character, or null if the code is well-formed. */
  private CodeCheck checkShape(String code) {
    if (checkCharacters != null) {
      if (code.length() <= checkCharacters.checkLength()) {
        return new CodeCheck.Malformed(code, "is too short to end with " + checkCharacters.checkLength()
            + " check character" + (checkCharacters.checkLength() == 1 ? "" : "s"));
      }
    }
    String payload = payload(code);
    if (structure.depthOf(payload) < 0) {
      return new CodeCheck.Malformed(code, structure.problem(payload).orElse("does not fit the code structure"));
    }
    if (checkCharacters != null) {
      String alphabet = checkCharacters.alphabet();
      for (int i = 0; i < payload.length(); i++) {
        if (alphabet.indexOf(code.charAt(i)) < 0) {
          return new CodeCheck.Malformed(code, "has '" + code.charAt(i) + "', which " + checkCharacters.name()
              + " cannot check");
        }
      }
      if (!checkCharacters.isValid(code)) {
        return new CodeCheck.BadCheckCharacter(code, checkCharacters.compute(payload));
      }
    }
    return null;
  }

  private String payload(String code) {
    return checkCharacters == null ? code : code.substring(0, code.length() - checkCharacters.checkLength());
  }

  /**
   * Builds a {@link DimensionScheme}, checking the whole definition at once. Not thread-safe.
   *
   * <pre>{@code
   * DimensionScheme regions = new DimensionScheme.Builder("sales-region", "2025")
   *     .name(Labels.of("en", "Sales regions", "zh", "销售区域"))
   *     .structure(CodeStructure.prefixed(CodeStructure.segment("area", 1, "A-Z"),
   *                                       CodeStructure.segment("district", 2, "0-9")))
   *     .code("N", Labels.of("en", "North"))
   *     .code("N01", Labels.of("en", "North, urban"))      // parent N from the structure
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final String id;
    private final String version;
    private Labels name;
    private CodeStructure structure;
    private CheckCharacterSystem checkCharacters;
    private final List<SchemeChecks.Input> inputs = new ArrayList<>();
    private final List<SchemeChecks.Found> readProblems = new ArrayList<>();

    /**
     * @param id the scheme's stable identifier
     * @param version the version of its code list
     * @throws IllegalArgumentException if either is blank
     */
    public Builder(String id, String version) {
      this.id = requireText(id, "id");
      this.version = requireText(version, "version");
    }

    /** The scheme's name; defaults to its id. */
    public Builder name(Labels name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The code structure; required. */
    public Builder structure(CodeStructure structure) {
      this.structure = Objects.requireNonNull(structure, "structure");
      return this;
    }

    /** Codes end with check characters of {@code system}, which the scheme appends to defined codes. */
    public Builder checkCharacters(CheckCharacterSystem system) {
      this.checkCharacters = Objects.requireNonNull(system, "system");
      return this;
    }

    /** A code in force whose parent, if any, the structure implies. */
    public Builder code(String code, Labels labels) {
      return add(new CodeDefinition.Builder().code(code).labels(labels).build());
    }

    /** A code in force with an explicit parent. */
    public Builder code(String code, Labels labels, String parent) {
      return add(new CodeDefinition.Builder().code(code).labels(labels).parent(parent).build());
    }

    /** A code as defined; problems are reported at {@code definition #n}, n counting from 1. */
    public Builder add(CodeDefinition definition) {
      return add(definition, "definition #" + (inputs.size() + 1), 0);
    }

    /**
     * A code as defined at {@code location} ({@code my-file.csv line 7}), {@code line} being the
     * line number or 0.
     */
    public Builder add(CodeDefinition definition, String location, int line) {
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(location, "location");
      inputs.add(new SchemeChecks.Input(definition, location, line, inputs.size() * 2 + 1));
      return this;
    }

    /**
     * Everything of {@code scheme}: name, structure, check characters and every entry, so that a
     * new version can change or add codes.
     */
    public Builder from(DimensionScheme scheme) {
      Objects.requireNonNull(scheme, "scheme");
      name = scheme.name();
      structure = scheme.structure();
      checkCharacters = scheme.checkCharacters;
      String location = "scheme " + scheme.id() + " " + scheme.version();
      for (DimensionCode entry : scheme.entries()) {
        CodeDefinition.Builder definition = new CodeDefinition.Builder()
            .code(scheme.payload(entry.code()))
            .labels(entry.labels())
            .level(entry.level())
            .validFrom(entry.validFrom())
            .retiredOn(entry.retiredOn());
        entry.parent().ifPresent(p -> definition.parent(scheme.payload(p)));
        for (Successor successor : entry.successors()) {
          definition.addSuccessors(scheme.payload(successor.code())
              + (successor.effective().equals(entry.retiredOn().orElseThrow()) ? "" : "[" + successor.effective() + "]"));
        }
        add(definition.build(), location + ", code " + entry.code(), 0);
      }
      return this;
    }

    /**
     * Retires the code in force defined so far as {@code code} (for example one copied with
     * {@link #from}) on {@code on}, with its successors ({@code CODE} or {@code CODE[YYYY-MM-DD]},
     * see {@link CodeDefinition#successors()}). If there is no such code, {@link #build} reports it.
     */
    public Builder retire(String code, LocalDate on, String... successors) {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(on, "on");
      for (int i = 0; i < inputs.size(); i++) {
        SchemeChecks.Input input = inputs.get(i);
        CodeDefinition definition = input.definition();
        if (definition.code().equals(code) && definition.retiredOn().isEmpty()) {
          CodeDefinition retired = new CodeDefinition.Builder().from(definition).retiredOn(on)
              .successors(List.of(successors)).build();
          inputs.set(i, new SchemeChecks.Input(retired, input.location() + ", retired on " + on, input.line(),
              input.order()));
          return this;
        }
      }
      readProblem("retirement of " + code, 0, code, Kind.MISSING_FIELD, "there is no code " + code + " in force to retire");
      return this;
    }

    /**
     * Adds every row of a CSV code list. Rows that cannot be read are reported by {@link #build}
     * with their line, together with every other problem.
     *
     * @param reader the CSV text, with a header row; not closed
     * @param source the file's name, for problem locations
     * @param layout which columns hold what
     * @throws UncheckedIOException if reading fails
     */
    public Builder codesFromCsv(Reader reader, String source, CsvLayout layout) {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(layout, "layout");
      CsvCodeList.read(this, reader, source, layout);
      return this;
    }

    /**
     * Checks the whole definition and builds the scheme.
     *
     * @throws SchemeDefinitionException listing every problem with its location: codes that do not
     *     fit the structure, wrong declared levels, duplicates (same code, overlapping periods),
     *     missing or misplaced parents, cycles, bad periods and successors, unreadable rows
     */
    public DimensionScheme build() {
      return new SchemeChecks(id, structure, checkCharacters)
          .build(inputs, readProblems, entries -> new DimensionScheme(this, entries));
    }

    /** Records a problem found while reading a definition file. */
    void readProblem(String location, int line, String code, Kind kind, String message) {
      readProblems.add(new SchemeChecks.Found(inputs.size() * 2, new SchemeChecks.Found.Location(location, line),
          code, kind, message));
    }

    private static String requireText(String value, String what) {
      Objects.requireNonNull(value, what);
      Require.argument(!value.isBlank(), "a scheme's %s must not be blank", what);
      return value.strip();
    }
  }
}
