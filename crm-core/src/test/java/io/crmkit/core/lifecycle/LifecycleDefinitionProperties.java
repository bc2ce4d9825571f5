package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.lifecycle.LifecycleSpecs.Edge;
import io.crmkit.core.lifecycle.LifecycleSpecs.GuardKind;
import io.crmkit.core.lifecycle.LifecycleSpecs.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The builder accepts exactly the well-formed definitions and names what is wrong with the others. */
class LifecycleDefinitionProperties {
  private static final LifecycleStage GHOST = LifecycleStage.of("GHOST");
  private static final LifecycleStage ISLAND = LifecycleStage.of("ISLAND");
  private static final LifecycleStage STUCK = LifecycleStage.of("STUCK");

  /** One defect, the definition carrying it, and what the builder must say about it. */
  record Case(String defect, Spec spec, String rule, List<String> named) {
    @Override
    public String toString() {
      return defect + ": " + spec;
    }
  }

  @Property
  void wellFormedDefinitionsBuildAndKeepEveryStageAndTransition(@ForAll("wellFormed") Spec spec) {
    Lifecycle lifecycle = spec.builder().build();

    assertThat(lifecycle.stages()).containsExactlyElementsOf(spec.stages());
    assertThat(lifecycle.terminalStages()).containsExactlyInAnyOrderElementsOf(spec.terminal());
    for (Edge edge : spec.edges()) {
      assertThat(lifecycle.transition(edge.from(), edge.trigger())).hasValueSatisfying(
          t -> assertThat(t.to()).isEqualTo(edge.to()));
    }
  }

  @Property
  void aDefinitionWithOneDefectIsRejectedForThatDefectAloneNamingTheCulprit(@ForAll("defective") Case c) {
    Statistics.collect(c.defect());

    CrmValidationException e = catchThrowableOfType(CrmValidationException.class, () -> c.spec().builder().build());

    assertThat(e).as("rejected").isNotNull();
    assertThat(e.violations()).extracting(Violation::rule).containsOnly(c.rule());
    assertThat(e.violations()).anySatisfy(v -> assertThat(v.message()).contains(c.named()));
    assertThat(e.getMessage()).contains(c.named());
  }

  @Provide
  Arbitrary<Spec> wellFormed() {
    return LifecycleSpecs.wellFormed();
  }

  @Provide
  Arbitrary<Case> defective() {
    return Combinators.combine(LifecycleSpecs.wellFormed(), Arbitraries.integers().between(0, 4),
        Arbitraries.longs()).as((spec, defect, seed) -> inject(spec, defect, new Random(seed)));
  }

  private static Case inject(Spec spec, int defect, Random random) {
    List<LifecycleStage> open = new ArrayList<>(spec.stages());
    open.removeAll(spec.terminal());
    open.removeIf(stage -> spec.unusedTriggers(stage).isEmpty());
    if (open.isEmpty() && (defect == 0 || defect == 2)) {
      defect = 1;
    }
    LifecycleStage from = open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    Trigger free = from == null ? null : spec.unusedTriggers(from).iterator().next();
    switch (defect) {
      case 0:
        return new Case("unknown stage", spec.plus(new Edge(from, free, GHOST, GuardKind.NONE, false)),
            "unknown-stage", List.of("GHOST"));
      case 1:
        return new Case("unreachable stage", spec.plusStage(ISLAND, true), "unreachable-stage", List.of("ISLAND"));
      case 2: {
        Spec stuck = spec.plusStage(STUCK, false).plus(new Edge(from, free, STUCK, GuardKind.NONE, false));
        if (random.nextBoolean()) {
          return new Case("dead end with a loop", stuck.plus(new Edge(STUCK, free, STUCK, GuardKind.NONE, false)),
              "dead-end-stage", List.of("STUCK"));
        }
        return new Case("dead end", stuck, "dead-end-stage", List.of("STUCK"));
      }
      case 3: {
        Edge existing = spec.edges().get(random.nextInt(spec.edges().size()));
        LifecycleStage other = spec.stages().get(random.nextInt(spec.stages().size()));
        return new Case("competing transitions",
            spec.plus(new Edge(existing.from(), existing.trigger(), other, GuardKind.NONE, false)),
            "competing-transitions", List.of(existing.trigger().name(), existing.from().name()));
      }
      default: {
        if (spec.terminal().isEmpty()) {
          return inject(spec, 1, random);
        }
        LifecycleStage terminal = List.copyOf(spec.terminal()).get(random.nextInt(spec.terminal().size()));
        return new Case("exit from terminal",
            spec.plus(new Edge(terminal, LifecycleSpecs.TRIGGERS.get(0), spec.stages().get(0), GuardKind.NONE, false)),
            "exit-from-terminal", List.of(terminal.name()));
      }
    }
  }
}
