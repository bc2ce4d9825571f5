package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequireTest {

  @Test
  void notNullReturnsTheValueAndNamesAMissingOne() {
    assertThat(Require.notNull("x", "owner")).isEqualTo("x");
    assertThatThrownBy(() -> Require.notNull(null, "owner"))
        .isInstanceOf(NullPointerException.class).hasMessage("owner");
  }

  @Test
  void notBlankRejectsEmptyAndWhiteSpaceOnlyText() {
    assertThat(Require.notBlank(" a ", "owner")).isEqualTo(" a ");
    assertThatThrownBy(() -> Require.notBlank("", "owner"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be blank");
    assertThatThrownBy(() -> Require.notBlank(" \t\u2003", "owner"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be blank");
    assertThatThrownBy(() -> Require.notBlank(null, "owner"))
        .isInstanceOf(NullPointerException.class).hasMessage("owner");
  }

  @Test
  void positiveRejectsZeroAndBelow() {
    assertThatCode(() -> Require.positive(1, "count")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Require.positive(0, "count"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be positive, got 0");
    assertThatThrownBy(() -> Require.positive(Long.MIN_VALUE, "count"))
        .hasMessage("count must be positive, got " + Long.MIN_VALUE);
  }

  @Test
  void atLeastNamesTheBoundAndTheValue() {
    assertThatCode(() -> Require.atLeast(0, 0, "offset")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Require.atLeast(-1, 0, "offset"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offset must be at least 0, got -1");
  }

  @Test
  void inRangeIncludesBothBounds() {
    assertThatCode(() -> Require.inRange(1, 1, 3, "limit")).doesNotThrowAnyException();
    assertThatCode(() -> Require.inRange(3, 1, 3, "limit")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Require.inRange(4, 1, 3, "limit"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be in 1..3, got 4");
    assertThatThrownBy(() -> Require.inRange(0, 1, 3, "limit")).hasMessage("limit must be in 1..3, got 0");
  }

  @Test
  void inRangeOfNumbersRejectsNotANumber() {
    assertThatCode(() -> Require.inRange(0.0, 0, 1, "p")).doesNotThrowAnyException();
    assertThatCode(() -> Require.inRange(1.0, 0, 1, "p")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Require.inRange(Double.NaN, 0, 1, "p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("p must be in 0.0..1.0, got NaN");
    assertThatThrownBy(() -> Require.inRange(1.5, 0, 1, "p")).hasMessage("p must be in 0.0..1.0, got 1.5");
  }

  @Test
  void argumentFillsTheTemplateOnlyWhenItFails() {
    Object explodes = new Object() {
      @Override
      public String toString() {
        throw new AssertionError("the message was built although the condition held");
      }
    };
    assertThatCode(() -> Require.argument(true, "never %s", explodes)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Require.argument(false, "customer %s appears twice in %s", "c-1", "batch 7"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer c-1 appears twice in batch 7");
  }

  @Test
  void aMessageWithoutArgumentsIsTakenAsItIs() {
    assertThatThrownBy(() -> Require.argument(false, "100%s sure"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("100%s sure");
    assertThatThrownBy(() -> Require.state(false, "50% done"))
        .isInstanceOf(IllegalStateException.class).hasMessage("50% done");
  }

  @Test
  void stateThrowsIllegalStateException() {
    assertThatCode(() -> Require.state(true, "closed")).doesNotThrowAnyException();
    assertThatThrownBy(() -> Require.state(false, "store %s is closed", "s1"))
        .isInstanceOf(IllegalStateException.class).hasMessage("store s1 is closed");
  }

  @Test
  void aTemplateNeverFailsOnItsOwnArguments() {
    assertThat(Require.format("a %s b %s", "x")).isEqualTo("a x b %s");
    assertThat(Require.format("a %s", "x", 2, null)).isEqualTo("a x [2, null]");
    assertThat(Require.format("%d %s", (Object) null)).isEqualTo("%d null");
  }
}
