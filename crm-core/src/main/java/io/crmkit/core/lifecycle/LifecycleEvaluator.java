package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Automatic evaluation as a pure function: given what is known about a customer as of an
 * instant, which moves have the rules made due, and why. It reads and writes nothing, keeps no
 * per-customer state, and gives the same answer for the same input, so it runs over a stream of
 * millions of customers, in parallel, or on another engine.
 *
 * <p>For each customer it repeats, from the current stage: ask every rule whose trigger has a
 * transition from that stage when it became due; drop those not due by the as-of instant and
 * those the transition's guard refuses; take the earliest (ties go to the rule listed first),
 * dated no earlier than the customer entered the stage; apply the transition's actions to the
 * customer, so that later rules and guards see it as {@link LifecycleEngine#fire} would; move on
 * from the new stage. So an active customer silent for 200 days becomes AT_RISK at day 90 and
 * CHURNED at day 180 in one evaluation, dated as daily evaluations would have dated them. The
 * chain stops in a terminal stage, when nothing is due, or after twice as many moves as the
 * lifecycle has stages.
 *
 * <p>Evaluation sees activity as of one instant only: an episode that began and ended between two
 * evaluations (silent for 100 days, then buying again) leaves no trace. Evaluate at least as
 * often as the shortest rule limit to record every episode.
 *
 * <p>Thread-safe (immutable), provided its rules, guards and actions are.
 */
public final class LifecycleEvaluator {
  /**
   * The actor of the move that actions see during evaluation, which has no actor of its own;
   * {@link LifecycleEngine#apply} gives them the real one.
   */
  static final String ACTOR = "lifecycle-evaluator";

  private final Lifecycle lifecycle;
  private final List<LifecycleRule> rules;
  private final Map<LifecycleStage, LifecycleRule[]> rulesByStage;
  private final int maxMoves;

  /**
   * @param lifecycle the definition whose transitions the rules' triggers fire
   * @param rules the rules, in order of precedence for ties
   */
  public LifecycleEvaluator(Lifecycle lifecycle, List<? extends LifecycleRule> rules) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.rules = List.copyOf(rules);
    Map<LifecycleStage, LifecycleRule[]> byStage = new HashMap<>();
    for (LifecycleStage stage : lifecycle.stages()) {
      LifecycleRule[] applicable = this.rules.stream()
          .filter(rule -> lifecycle.find(stage, rule.trigger()) != null)
          .toArray(LifecycleRule[]::new);
      if (applicable.length > 0) {
        byStage.put(stage, applicable);
      }
    }
    this.rulesByStage = Collections.unmodifiableMap(byStage);
    this.maxMoves = 2 * lifecycle.stages().size();
  }

  /** The definition evaluated. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The rules, in order of precedence. */
  public List<LifecycleRule> rules() {
    return rules;
  }

  /**
   * The stages in which some rule can fire: customers elsewhere (terminal stages, stages only
   * left by hand) never change on evaluation, so batch evaluation need not read them.
   */
  public Set<LifecycleStage> evaluatedStages() {
    Set<LifecycleStage> stages = new LinkedHashSet<>();
    for (LifecycleStage stage : lifecycle.stages()) {
      if (rulesByStage.containsKey(stage)) {
        stages.add(stage);
      }
    }
    return Collections.unmodifiableSet(stages);
  }

  /**
   * The moves due for one customer as of {@code asOf}, in order; empty if none.
   *
   * @throws IllegalArgumentException if the input's activity is not summarised as of {@code asOf}
   */
  public List<DueMove> evaluate(Input input, Instant asOf) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(asOf, "asOf");
    Require.argument(input.activity().asOf().equals(asOf), "activity summarised as of %s cannot be evaluated as of %s",
        input.activity().asOf(), asOf);
    Customer customer = input.customer();
    LifecycleStage stage = customer.stage();
    Instant enteredAt = input.stageEnteredAt();
    long version = customer.version();
    List<DueMove> changes = List.of();
    for (int moves = 0; moves < maxMoves; moves++) {
      LifecycleRule[] candidates = rulesByStage.get(stage);
      if (candidates == null) {
        break;
      }
      LifecycleRule.Context context =
          new LifecycleRule.Context(customer, stage, enteredAt, input.activity(), input.churnSignal(), asOf);
      Transition chosen = null;
      Instant chosenAt = null;
      LifecycleRule.Due chosenDue = null;
      for (LifecycleRule rule : candidates) {
        Optional<LifecycleRule.Due> due = rule.due(context);
        if (due.isEmpty()) {
          continue;
        }
        Instant at = due.get().at().isBefore(enteredAt) ? enteredAt : due.get().at();
        if (at.isAfter(asOf) || (chosenAt != null && !at.isBefore(chosenAt))) {
          continue;
        }
        Transition transition = lifecycle.find(stage, rule.trigger());
        if (transition.isGuarded() && !transition.guard().allows(customer, input.activity())) {
          continue;
        }
        chosen = transition;
        chosenAt = at;
        chosenDue = due.get();
      }
      if (chosen == null) {
        break;
      }
      if (changes.isEmpty()) {
        changes = new ArrayList<>(2);
      }
      String reason = chosenDue.reason();
      changes.add(new DueMove(customer.id(), version, stage, chosen.to(), chosen.trigger(), chosenAt, reason));
      customer = customer.withStage(chosen.to());
      if (!chosen.actions().isEmpty()) {
        customer = chosen.applyActions(customer, new HistoryEntry(customer.id(), version + 1, stage, chosen.to(),
            chosen.trigger(), chosenAt, ACTOR, Optional.of(reason)));
      }
      stage = chosen.to();
      enteredAt = chosenAt;
      version++;
    }
    return changes;
  }

  /**
   * The moves due for every input as of {@code asOf}, customer by customer, lazily: memory stays
   * constant however many customers stream through.
   */
  public Stream<DueMove> evaluateAll(Stream<Input> inputs, Instant asOf) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(asOf, "asOf");
    return inputs.flatMap(input -> evaluate(input, asOf).stream());
  }

  /**
   * Everything automatic evaluation needs to know about one customer. The {@link LifecycleEngine}
   * reads it from the ports in bulk; a caller holding the data already (a benchmark, a Spark job)
   * builds it directly and hands it to a {@link LifecycleEvaluator}.
   *
   * @param customer the customer as stored
   * @param stageEnteredAt when the customer entered their current stage
   * @param activity the customer's purchases, summarised as of the evaluation instant
   * @param churnSignal the newest external churn signal measured before the evaluation instant
   */
  public record Input(
      Customer customer, Instant stageEnteredAt, ActivitySummary activity, Optional<ChurnSignal> churnSignal) {

    /** @throws IllegalArgumentException if the activity or signal belongs to another customer */
    public Input {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(churnSignal, "churnSignal");
      Require.argument(activity.customerId().equals(customer.id()), "activity of %s given for %s",
          activity.customerId(), customer.id());
      churnSignal.ifPresent(signal -> Require.argument(signal.customerId().equals(customer.id()),
          "churn signal of %s given for %s", signal.customerId(), customer.id()));
    }
  }
}
