package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChurnSignalTest {
  private static final CustomerId CUSTOMER = CustomerId.of(new UUID(0, 1));
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void negativeZeroIsZeroSoASignalEqualsItselfAfterAnyDatabase() {
    ChurnSignal negative = new ChurnSignal(CUSTOMER, -0.0, AT, "bg-nbd");

    assertThat(Double.doubleToRawLongBits(negative.probabilityAlive())).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(negative).isEqualTo(new ChurnSignal(CUSTOMER, 0.0, AT, "bg-nbd"));
  }

  @Test
  void probabilitiesOutsideZeroToOneAreRejected() {
    assertThatThrownBy(() -> new ChurnSignal(CUSTOMER, Double.NaN, AT, "bg-nbd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChurnSignal(CUSTOMER, Math.nextUp(1.0), AT, "bg-nbd"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
