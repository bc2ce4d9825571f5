package io.crmkit.core.lifecycle;

import static io.crmkit.core.customer.LifecycleStage.ACTIVE;
import static io.crmkit.core.customer.LifecycleStage.AT_RISK;
import static io.crmkit.core.customer.LifecycleStage.CHURNED;
import static io.crmkit.core.customer.LifecycleStage.DECIDING;
import static io.crmkit.core.customer.LifecycleStage.DISQUALIFIED;
import static io.crmkit.core.customer.LifecycleStage.NEW;
import static io.crmkit.core.customer.LifecycleStage.PROSPECT;
import static io.crmkit.core.customer.LifecycleStage.WON_BACK;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.LifecycleStage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable lifecycle definition: its stages, the initial and terminal stages, and the
 * transitions between them. One definition serves every customer; a customer's stage lives on
 * the customer record, so there is no per-customer machine object.
 *
 * <p>A definition that {@link Builder#build() builds} is well formed: every stage it names is
 * declared, every stage can be reached from the initial stage, every stage that is not terminal
 * has a way out (a transition to another stage), no transition leaves a terminal stage, and no
 * two transitions compete for the same trigger in the same stage (so firing a trigger has at most
 * one outcome).
 *
 * <pre>{@code
 * Lifecycle trial = Lifecycle.builder()
 *     .stages(TRIAL, PAYING, CANCELLED)
 *     .terminal(CANCELLED)
 *     .transition(TRIAL, Trigger.FIRST_PURCHASE, PAYING)
 *     .transition(Transition.of(TRIAL, Trigger.MANUAL, CANCELLED).requiringReason())
 *     .transition(PAYING, Trigger.MANUAL, CANCELLED)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe (immutable), provided its guards and actions are.
 */
public final class Lifecycle {
  private static final Lifecycle STANDARD = buildStandard();

  private final List<LifecycleStage> stages;
  private final Set<LifecycleStage> stageSet;
  private final LifecycleStage initialStage;
  private final Set<LifecycleStage> terminalStages;
  private final List<Transition> transitions;
  private final Map<LifecycleStage, Map<Trigger, Transition>> byStage;

  private Lifecycle(Builder builder) {
    this.stages = List.copyOf(builder.stages);
    this.stageSet = Collections.unmodifiableSet(new LinkedHashSet<>(builder.stages));
    this.initialStage = builder.initialStage != null ? builder.initialStage : stages.get(0);
    this.terminalStages = Collections.unmodifiableSet(new LinkedHashSet<>(builder.terminalStages));
    this.transitions = List.copyOf(builder.transitions);
    Map<LifecycleStage, Map<Trigger, Transition>> index = new HashMap<>();
    for (LifecycleStage stage : stages) {
      index.put(stage, new LinkedHashMap<>());
    }
    for (Transition transition : transitions) {
      index.get(transition.from()).put(transition.trigger(), transition);
    }
    index.replaceAll((stage, out) -> Collections.unmodifiableMap(out));
    this.byStage = Collections.unmodifiableMap(index);
  }

  /**
   * The default customer lifecycle. Stages: PROSPECT (initial), DECIDING, NEW, ACTIVE, AT_RISK,
   * CHURNED, WON_BACK and DISQUALIFIED (terminal). Transitions:
   *
   * <ul>
   *   <li>PROSPECT: EVALUATION_STARTED → DECIDING; FIRST_PURCHASE → NEW; STAGE_TIMEOUT →
   *       DISQUALIFIED; MANUAL → DISQUALIFIED (reason required)
   *   <li>DECIDING: FIRST_PURCHASE → NEW; STAGE_TIMEOUT → PROSPECT (the evaluation stalled);
   *       MANUAL → DISQUALIFIED (reason required)
   *   <li>NEW, ACTIVE, WON_BACK: INACTIVITY, COMPLAINT, CHURN_SIGNAL → AT_RISK; MANUAL → CHURNED
   *       (reason required); and from NEW and WON_BACK, REPEAT_PURCHASE → ACTIVE
   *   <li>AT_RISK: REPEAT_PURCHASE → ACTIVE; STAGE_TIMEOUT → CHURNED; MANUAL → CHURNED (reason
   *       required)
   *   <li>CHURNED: WIN_BACK_PURCHASE → WON_BACK
   * </ul>
   *
   * <p>Pair it with {@link LifecycleRules#standard()} for automatic evaluation.
   */
  public static Lifecycle standard() {
    return STANDARD;
  }

  /** A builder for a lifecycle of your own. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every stage, in the order declared. */
  public List<LifecycleStage> stages() {
    return stages;
  }

  /**
   * Where customers start: the stage to register them in ({@code NewCustomer}'s default,
   * {@code PROSPECT}, is the standard lifecycle's), and the stage every other is reachable from.
   */
  public LifecycleStage initialStage() {
    return initialStage;
  }

  /** The stages no trigger leaves. */
  public Set<LifecycleStage> terminalStages() {
    return terminalStages;
  }

  /** Whether {@code stage} is one of this lifecycle's stages. */
  public boolean defines(LifecycleStage stage) {
    return stageSet.contains(stage);
  }

  /** Whether {@code stage} is terminal in this lifecycle. */
  public boolean isTerminal(LifecycleStage stage) {
    return terminalStages.contains(stage);
  }

  /** Every transition, in the order added. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** The transition {@code trigger} fires in {@code from}, if there is one. */
  public Optional<Transition> transition(LifecycleStage from, Trigger trigger) {
    return Optional.ofNullable(find(from, trigger));
  }

  /** The transitions out of {@code stage}, in the order added; empty for unknown stages. */
  public List<Transition> transitionsFrom(LifecycleStage stage) {
    Map<Trigger, Transition> out = byStage.get(stage);
    return out == null ? List.of() : List.copyOf(out.values());
  }

  /** The triggers that move a customer out of {@code stage}; empty for terminal or unknown stages. */
  public Set<Trigger> triggersFrom(LifecycleStage stage) {
    Map<Trigger, Transition> out = byStage.get(stage);
    return out == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(out.keySet()));
  }

  /** The transition, or {@code null}: the allocation-free lookup for the evaluator's hot loop. */
  Transition find(LifecycleStage from, Trigger trigger) {
    Map<Trigger, Transition> out = byStage.get(from);
    return out == null ? null : out.get(trigger);
  }

  @Override
  public String toString() {
    return "Lifecycle" + stages + " from " + initialStage + ", terminal " + terminalStages + ", "
        + transitions.size() + " transitions";
  }

  private static Lifecycle buildStandard() {
    Builder b = builder()
        .stages(PROSPECT, DECIDING, NEW, ACTIVE, AT_RISK, CHURNED, WON_BACK, DISQUALIFIED)
        .initialStage(PROSPECT)
        .terminal(DISQUALIFIED)
        .transition(PROSPECT, Trigger.EVALUATION_STARTED, DECIDING)
        .transition(PROSPECT, Trigger.FIRST_PURCHASE, NEW)
        .transition(PROSPECT, Trigger.STAGE_TIMEOUT, DISQUALIFIED)
        .transition(Transition.of(PROSPECT, Trigger.MANUAL, DISQUALIFIED).requiringReason())
        .transition(DECIDING, Trigger.FIRST_PURCHASE, NEW)
        .transition(DECIDING, Trigger.STAGE_TIMEOUT, PROSPECT)
        .transition(Transition.of(DECIDING, Trigger.MANUAL, DISQUALIFIED).requiringReason());
    for (LifecycleStage customer : List.of(NEW, ACTIVE, WON_BACK)) {
      if (!customer.equals(ACTIVE)) {
        b.transition(customer, Trigger.REPEAT_PURCHASE, ACTIVE);
      }
      b.transition(customer, Trigger.INACTIVITY, AT_RISK)
          .transition(customer, Trigger.COMPLAINT, AT_RISK)
          .transition(customer, Trigger.CHURN_SIGNAL, AT_RISK)
          .transition(Transition.of(customer, Trigger.MANUAL, CHURNED).requiringReason());
    }
    return b
        .transition(AT_RISK, Trigger.REPEAT_PURCHASE, ACTIVE)
        .transition(AT_RISK, Trigger.STAGE_TIMEOUT, CHURNED)
        .transition(Transition.of(AT_RISK, Trigger.MANUAL, CHURNED).requiringReason())
        .transition(CHURNED, Trigger.WIN_BACK_PURCHASE, WON_BACK)
        .build();
  }

  /**
   * Collects a lifecycle definition and checks it on {@link #build()}. Not thread-safe; each call
   * returns the same builder.
   */
  public static final class Builder {
    private final List<LifecycleStage> stages = new ArrayList<>();
    private final List<LifecycleStage> terminalStages = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private LifecycleStage initialStage;

    /** An empty definition; {@link Lifecycle#builder()} is the same. */
    public Builder() {}

    /** Declares stages, in order; declaring a stage again changes nothing. */
    public Builder stages(LifecycleStage... stages) {
      for (LifecycleStage stage : stages) {
        stage(stage);
      }
      return this;
    }

    /** Declares one stage; declaring it again changes nothing. */
    public Builder stage(LifecycleStage stage) {
      Objects.requireNonNull(stage, "stage");
      if (!stages.contains(stage)) {
        stages.add(stage);
      }
      return this;
    }

    /** Where customers start; the first declared stage unless set. */
    public Builder initialStage(LifecycleStage stage) {
      this.initialStage = Objects.requireNonNull(stage, "stage");
      return this;
    }

    /** Marks declared stages as terminal: no trigger may leave them. */
    public Builder terminal(LifecycleStage... stages) {
      for (LifecycleStage stage : stages) {
        Objects.requireNonNull(stage, "stage");
        if (!terminalStages.contains(stage)) {
          terminalStages.add(stage);
        }
      }
      return this;
    }

    /** Adds an unguarded transition without actions. */
    public Builder transition(LifecycleStage from, Trigger trigger, LifecycleStage to) {
      return transition(Transition.of(from, trigger, to));
    }

    /** Adds a transition, with its guard and actions. */
    public Builder transition(Transition transition) {
      transitions.add(Objects.requireNonNull(transition, "transition"));
      return this;
    }

    /**
     * Checks the definition and returns it.
     *
     * @throws CrmValidationException listing every problem found, each naming the stage or
     *     transition at fault, with the rules {@code no-stages}, {@code unknown-stage},
     *     {@code reserved-trigger}, {@code competing-transitions}, {@code exit-from-terminal},
     *     {@code unreachable-stage} and {@code dead-end-stage}
     */
    public Lifecycle build() {
      List<Violation> problems = problems();
      if (!problems.isEmpty()) {
        throw new CrmValidationException("Lifecycle", problems);
      }
      return new Lifecycle(this);
    }

    private List<Violation> problems() {
      List<Violation> problems = new ArrayList<>();
      if (stages.isEmpty()) {
        problems.add(new Violation("stages", "no-stages", "a lifecycle needs at least one stage"));
        return problems;
      }
      Set<LifecycleStage> known = new HashSet<>(stages);
      if (initialStage != null && !known.contains(initialStage)) {
        problems.add(new Violation("initialStage", "unknown-stage",
            "the initial stage " + initialStage + " is not declared"));
      }
      for (LifecycleStage terminal : terminalStages) {
        if (!known.contains(terminal)) {
          problems.add(new Violation("terminalStages", "unknown-stage",
              "the terminal stage " + terminal + " is not declared"));
        }
      }
      Map<LifecycleStage, Map<Trigger, Transition>> seen = new HashMap<>();
      for (int i = 0; i < transitions.size(); i++) {
        Transition t = transitions.get(i);
        String path = "transitions[" + i + "]";
        for (LifecycleStage stage : List.of(t.from(), t.to())) {
          if (!known.contains(stage)) {
            problems.add(new Violation(path, "unknown-stage",
                "transition " + t + " names stage " + stage + ", which is not declared"));
          }
        }
        if (t.trigger().equals(Trigger.RECONCILED)) {
          problems.add(new Violation(path, "reserved-trigger", "transition " + t + " uses trigger "
              + Trigger.RECONCILED + ", which only marks reconciled history entries"));
        }
        Transition rival = seen.computeIfAbsent(t.from(), s -> new HashMap<>()).putIfAbsent(t.trigger(), t);
        if (rival != null) {
          problems.add(new Violation(path, "competing-transitions", "transitions " + rival + " and " + t
              + " compete for trigger " + t.trigger() + " in stage " + t.from()));
        }
        if (terminalStages.contains(t.from())) {
          problems.add(new Violation(path, "exit-from-terminal",
              "transition " + t + " leaves terminal stage " + t.from()));
        }
      }
      LifecycleStage start = initialStage != null ? initialStage : stages.get(0);
      if (known.contains(start)) {
        Set<LifecycleStage> reachable = reachableFrom(start);
        for (LifecycleStage stage : stages) {
          if (!reachable.contains(stage)) {
            problems.add(new Violation("stages", "unreachable-stage",
                "stage " + stage + " cannot be reached from the initial stage " + start));
          }
        }
      }
      // A transition back to its own stage is no way out.
      Set<LifecycleStage> left = transitions.stream().filter(t -> !t.to().equals(t.from()))
          .map(Transition::from).collect(Collectors.toSet());
      for (LifecycleStage stage : stages) {
        if (!terminalStages.contains(stage) && !left.contains(stage)) {
          problems.add(new Violation("stages", "dead-end-stage",
              "stage " + stage + " is not terminal but no transition leaves it"));
        }
      }
      return problems;
    }

    private Set<LifecycleStage> reachableFrom(LifecycleStage start) {
      Map<LifecycleStage, List<LifecycleStage>> next = transitions.stream().collect(Collectors.groupingBy(
          Transition::from, Collectors.mapping(Transition::to, Collectors.toList())));
      Set<LifecycleStage> reached = new HashSet<>(Arrays.asList(start));
      Deque<LifecycleStage> todo = new ArrayDeque<>(reached);
      while (!todo.isEmpty()) {
        for (LifecycleStage to : next.getOrDefault(todo.pop(), List.of())) {
          if (reached.add(to)) {
            todo.push(to);
          }
        }
      }
      return reached;
    }
  }
}
