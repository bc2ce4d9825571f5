package io.crmkit.core.lifecycle;

import static io.crmkit.core.customer.LifecycleStage.ACTIVE;
import static io.crmkit.core.customer.LifecycleStage.AT_RISK;
import static io.crmkit.core.customer.LifecycleStage.CHURNED;
import static io.crmkit.core.customer.LifecycleStage.DECIDING;
import static io.crmkit.core.customer.LifecycleStage.DISQUALIFIED;
import static io.crmkit.core.customer.LifecycleStage.NEW;
import static io.crmkit.core.customer.LifecycleStage.PROSPECT;
import static io.crmkit.core.customer.LifecycleStage.WON_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.LifecycleStage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static final LifecycleStage LEAD = LifecycleStage.of("LEAD");
  private static final LifecycleStage CLIENT = LifecycleStage.of("CLIENT");
  private static final LifecycleStage LOST = LifecycleStage.of("LOST");
  private static final LifecycleStage LIMBO = LifecycleStage.of("LIMBO");

  @Test
  void standardLifecycleHasTheEightStagesStartingAsProspectWithDisqualifiedTerminal() {
    Lifecycle standard = Lifecycle.standard();

    assertThat(standard.stages())
        .containsExactly(PROSPECT, DECIDING, NEW, ACTIVE, AT_RISK, CHURNED, WON_BACK, DISQUALIFIED);
    assertThat(standard.initialStage()).isEqualTo(PROSPECT);
    assertThat(standard.terminalStages()).containsExactly(DISQUALIFIED);
    assertThat(standard.triggersFrom(DISQUALIFIED)).isEmpty();
  }

  @Test
  void standardLifecycleMovesOnPurchasesInactivityComplaintsWinBackAndManualMoves() {
    Lifecycle standard = Lifecycle.standard();

    assertThat(target(standard, PROSPECT, Trigger.FIRST_PURCHASE)).contains(NEW);
    assertThat(target(standard, DECIDING, Trigger.FIRST_PURCHASE)).contains(NEW);
    assertThat(target(standard, PROSPECT, Trigger.EVALUATION_STARTED)).contains(DECIDING);
    assertThat(target(standard, NEW, Trigger.REPEAT_PURCHASE)).contains(ACTIVE);
    assertThat(target(standard, AT_RISK, Trigger.REPEAT_PURCHASE)).contains(ACTIVE);
    assertThat(target(standard, ACTIVE, Trigger.INACTIVITY)).contains(AT_RISK);
    assertThat(target(standard, ACTIVE, Trigger.COMPLAINT)).contains(AT_RISK);
    assertThat(target(standard, ACTIVE, Trigger.CHURN_SIGNAL)).contains(AT_RISK);
    assertThat(target(standard, AT_RISK, Trigger.STAGE_TIMEOUT)).contains(CHURNED);
    assertThat(target(standard, CHURNED, Trigger.WIN_BACK_PURCHASE)).contains(WON_BACK);
    assertThat(target(standard, PROSPECT, Trigger.STAGE_TIMEOUT)).contains(DISQUALIFIED);
    assertThat(standard.transition(PROSPECT, Trigger.MANUAL)).hasValueSatisfying(t -> {
      assertThat(t.to()).isEqualTo(DISQUALIFIED);
      assertThat(t.reasonRequired()).isTrue();
    });
    assertThat(standard.transition(ACTIVE, Trigger.FIRST_PURCHASE)).isEmpty();
  }

  @Test
  void builderNamesTheUnknownStageOfATransition() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT).terminal(CLIENT)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .transition(LEAD, Trigger.MANUAL, LOST);

    assertThat(problems(builder)).anySatisfy(v -> {
      assertThat(v.rule()).isEqualTo("unknown-stage");
      assertThat(v.path()).isEqualTo("transitions[1]");
      assertThat(v.message()).contains("LOST").contains("not declared");
    });
  }

  @Test
  void builderNamesAnUnknownInitialOrTerminalStage() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT).initialStage(LIMBO).terminal(LOST)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT);

    assertThat(problems(builder)).filteredOn(v -> v.rule().equals("unknown-stage"))
        .extracting(Violation::message)
        .anySatisfy(m -> assertThat(m).contains("initial stage LIMBO"))
        .anySatisfy(m -> assertThat(m).contains("terminal stage LOST"));
  }

  @Test
  void builderNamesAStageThatCannotBeReached() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT, LOST).terminal(CLIENT, LOST)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT);

    assertThat(problems(builder)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("unreachable-stage");
      assertThat(v.message()).isEqualTo("stage LOST cannot be reached from the initial stage LEAD");
    });
  }

  @Test
  void builderNamesANonTerminalStageWithNoWayOut() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT, LOST).terminal(LOST)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .transition(LEAD, Trigger.MANUAL, LOST);

    assertThat(problems(builder)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("dead-end-stage");
      assertThat(v.message()).isEqualTo("stage CLIENT is not terminal but no transition leaves it");
    });
  }

  @Test
  void builderNamesANonTerminalStageWhoseOnlyTransitionsLoopBackToItAsADeadEnd() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT, LOST).terminal(LOST)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .transition(LEAD, Trigger.MANUAL, LOST)
        .transition(CLIENT, Trigger.of("PING"), CLIENT);

    assertThat(problems(builder)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("dead-end-stage");
      assertThat(v.message()).isEqualTo("stage CLIENT is not terminal but no transition leaves it");
    });
  }

  @Test
  void builderNamesTwoTransitionsCompetingForOneTriggerInOneStage() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT, LOST).terminal(CLIENT, LOST)
        .transition(LEAD, Trigger.MANUAL, CLIENT)
        .transition(LEAD, Trigger.MANUAL, LOST);

    assertThat(problems(builder)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("competing-transitions");
      assertThat(v.message()).contains("LEAD --MANUAL--> CLIENT").contains("LEAD --MANUAL--> LOST")
          .contains("compete for trigger MANUAL in stage LEAD");
    });
  }

  @Test
  void builderRejectsATransitionOutOfATerminalStage() {
    Lifecycle.Builder builder = Lifecycle.builder().stages(LEAD, CLIENT).terminal(CLIENT)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .transition(CLIENT, Trigger.MANUAL, LEAD);

    assertThat(problems(builder)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("exit-from-terminal");
      assertThat(v.message()).contains("leaves terminal stage CLIENT");
    });
  }

  @Test
  void builderRejectsTheReservedReconciledTriggerAndAnEmptyDefinition() {
    assertThat(problems(Lifecycle.builder().stages(LEAD, CLIENT).terminal(CLIENT)
        .transition(LEAD, Trigger.RECONCILED, CLIENT)))
        .extracting(Violation::rule).containsExactly("reserved-trigger");
    assertThat(problems(Lifecycle.builder())).extracting(Violation::rule).containsExactly("no-stages");
  }

  @Test
  void builderReportsEveryProblemAtOnceInTheExceptionMessage() {
    Lifecycle.Builder builder = new Lifecycle.Builder().stages(LEAD, CLIENT, LIMBO)
        .transition(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .transition(LEAD, Trigger.FIRST_PURCHASE, LOST);

    assertThatThrownBy(builder::build)
        .isInstanceOf(CrmValidationException.class)
        .hasMessageContaining("Invalid Lifecycle")
        .hasMessageContaining("LOST, which is not declared")
        .hasMessageContaining("compete for trigger FIRST_PURCHASE in stage LEAD")
        .hasMessageContaining("stage LIMBO cannot be reached")
        .hasMessageContaining("stage CLIENT is not terminal");
  }

  @Test
  void aSingleTerminalStageIsAValidLifecycle() {
    Lifecycle lifecycle = Lifecycle.builder().stage(LOST).terminal(LOST).build();

    assertThat(lifecycle.initialStage()).isEqualTo(LOST);
    assertThat(lifecycle.transitions()).isEmpty();
  }

  private static Optional<LifecycleStage> target(Lifecycle lifecycle, LifecycleStage from, Trigger trigger) {
    return lifecycle.transition(from, trigger).map(Transition::to);
  }

  private static List<Violation> problems(Lifecycle.Builder builder) {
    try {
      builder.build();
    } catch (CrmValidationException e) {
      return e.violations();
    }
    throw new AssertionError("the definition was accepted");
  }
}
