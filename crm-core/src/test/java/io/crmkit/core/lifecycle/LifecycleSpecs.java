package io.crmkit.core.lifecycle;

import io.crmkit.core.customer.LifecycleStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random lifecycle definitions as plain data, well formed by construction, and the defects that
 * make a definition malformed. Used by the definition and engine properties.
 */
final class LifecycleSpecs {
  static final List<Trigger> TRIGGERS = List.of(Trigger.of("T0"), Trigger.of("T1"), Trigger.of("T2"),
      Trigger.of("T3"), Trigger.of("T4"), Trigger.of("T5"), Trigger.of("T6"), Trigger.of("T7"));
  static final String OPEN_TAG = "open";

  private LifecycleSpecs() {}

  /** What a transition asks besides its trigger. */
  enum GuardKind {
    NONE, HAS_OPEN_TAG, EVEN_PURCHASE_COUNT;

    Transition apply(Transition transition) {
      return switch (this) {
        case NONE -> transition;
        case HAS_OPEN_TAG -> transition.guardedBy("customer is tagged open",
            (customer, activity) -> customer.tags().contains(OPEN_TAG));
        case EVEN_PURCHASE_COUNT -> transition.guardedBy("an even number of purchases",
            (customer, activity) -> activity.purchaseCount() % 2 == 0);
      };
    }
  }

  /** One transition as data. */
  record Edge(LifecycleStage from, Trigger trigger, LifecycleStage to, GuardKind guard, boolean reasonRequired) {
    Transition toTransition() {
      Transition plain = guard.apply(Transition.of(from, trigger, to));
      return reasonRequired ? plain.requiringReason() : plain;
    }

    @Override
    public String toString() {
      return from + "-" + trigger + "->" + to + (guard == GuardKind.NONE ? "" : "[" + guard + "]")
          + (reasonRequired ? "(reason)" : "");
    }
  }

  /** A definition as data: declared stages (first is initial), terminal stages, transitions. */
  record Spec(List<LifecycleStage> stages, Set<LifecycleStage> terminal, List<Edge> edges) {
    Lifecycle.Builder builder() {
      Lifecycle.Builder builder = Lifecycle.builder().initialStage(stages.get(0));
      stages.forEach(builder::stage);
      terminal.forEach(builder::terminal);
      edges.forEach(edge -> builder.transition(edge.toTransition()));
      return builder;
    }

    Set<Trigger> unusedTriggers(LifecycleStage from) {
      Set<Trigger> free = new LinkedHashSet<>(TRIGGERS);
      edges.stream().filter(e -> e.from().equals(from)).forEach(e -> free.remove(e.trigger()));
      return free;
    }

    Spec plus(Edge edge) {
      List<Edge> more = new ArrayList<>(edges);
      more.add(edge);
      return new Spec(stages, terminal, more);
    }

    Spec plusStage(LifecycleStage stage, boolean isTerminal) {
      List<LifecycleStage> more = new ArrayList<>(stages);
      more.add(stage);
      Set<LifecycleStage> terminals = new LinkedHashSet<>(terminal);
      if (isTerminal) {
        terminals.add(stage);
      }
      return new Spec(more, terminals, edges);
    }
  }

  /** Well-formed definitions of 2 to 7 stages, some transitions guarded or needing a reason. */
  static Arbitrary<Spec> wellFormed() {
    return Arbitraries.longs().map(seed -> generate(new Random(seed)));
  }

  private static Spec generate(Random random) {
    int n = 2 + random.nextInt(6);
    List<LifecycleStage> stages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      stages.add(LifecycleStage.of("S" + i));
    }
    Map<LifecycleStage, Set<Trigger>> used = new HashMap<>();
    List<Edge> edges = new ArrayList<>();
    // A spanning tree from S0 makes every stage reachable.
    for (int i = 1; i < n; i++) {
      edges.add(edge(random, stages.get(random.nextInt(i)), stages.get(i), used));
    }
    Set<LifecycleStage> terminal = new LinkedHashSet<>();
    for (LifecycleStage stage : stages) {
      boolean leaf = !used.containsKey(stage);
      if (leaf && random.nextBoolean()) {
        terminal.add(stage);
      } else if (leaf) {
        // To another stage: a loop back to itself is no way out.
        int other = (stages.indexOf(stage) + 1 + random.nextInt(n - 1)) % n;
        edges.add(edge(random, stage, stages.get(other), used));
      }
    }
    int extra = random.nextInt(n + 1);
    for (int i = 0; i < extra; i++) {
      LifecycleStage from = stages.get(random.nextInt(n));
      if (!terminal.contains(from) && used.getOrDefault(from, Set.of()).size() < TRIGGERS.size()) {
        edges.add(edge(random, from, stages.get(random.nextInt(n)), used));
      }
    }
    return new Spec(stages, terminal, edges);
  }

  private static Edge edge(Random random, LifecycleStage from, LifecycleStage to,
      Map<LifecycleStage, Set<Trigger>> used) {
    Set<Trigger> taken = used.computeIfAbsent(from, s -> new HashSet<>());
    List<Trigger> free = TRIGGERS.stream().filter(t -> !taken.contains(t)).toList();
    Trigger trigger = free.get(random.nextInt(free.size()));
    taken.add(trigger);
    GuardKind guard = GuardKind.values()[random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0];
    return new Edge(from, trigger, to, guard, random.nextInt(4) == 0);
  }
}
