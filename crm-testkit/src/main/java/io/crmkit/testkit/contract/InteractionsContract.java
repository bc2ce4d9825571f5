package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.ActivityLog;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;

/**
 * The contract of the {@link Interactions} port. Extend it and return a fresh, empty store from
 * {@link #newInteractions()}:
 *
 * <pre>{@code
 * class JdbcInteractionsTest extends InteractionsContract {
 *   @Override
 *   protected Interactions newInteractions() {
 *     return freshStore().interactions();
 *   }
 * }
 * }</pre>
 *
 * <p>Besides what every activity log must do (see {@link ActivityLogContract}), interactions keep
 * their optional notes exactly: absent stays absent, and long multi-line text in any script comes
 * back unchanged.
 */
public abstract class InteractionsContract extends ActivityLogContract<Interaction> {

  /** Subclasses implement {@link #newInteractions()}. */
  protected InteractionsContract() {}

  /** A new, empty interaction store; called at the start of every try of every property. */
  protected abstract Interactions newInteractions();

  @Example
  public void notesRoundTripAbsentOrAtTheirSizeLimits() {
    Interactions store = newInteractions();
    CustomerId customer = CustomerId.of(new UUID(-1L, 0));
    Interaction bare = new Interaction.Builder()
        .id(ActivityId.of(new UUID(1, 1)))
        .customerId(customer)
        .occurredAt(Instant.parse("2025-01-01T00:00:00Z"))
        .channel(Interaction.Channel.WEB_VISIT)
        .direction(Interaction.Direction.INBOUND)
        .build();
    Interaction full = new Interaction.Builder()
        .from(bare)
        .id(ActivityId.of(new UUID(-1L, -1L)))
        .channel(Interaction.Channel.MEETING)
        .direction(Interaction.Direction.OUTBOUND)
        .subject(ExtremeCustomers.fill("报价 Angebot 😀 ", Interaction.MAX_SUBJECT_LENGTH))
        .outcome(ExtremeCustomers.fill("Line one\r\n\t第二行 👩‍💻\n", Interaction.MAX_OUTCOME_LENGTH))
        .agent(ExtremeCustomers.fill(" Zoë 王芳 ", Interaction.MAX_AGENT_LENGTH))
        .build();

    store.recordAll(List.of(full, bare));

    assertThat(store.forCustomer(customer, TimeRange.all())).containsExactly(bare, full);
  }

  @Override
  final ActivityLog<Interaction> newLog() {
    return newInteractions();
  }

  @Override
  final Arbitrary<Interaction> activities(Arbitrary<CustomerId> customers, Arbitrary<Instant> times) {
    return CrmArbitraries.interactions(customers, times);
  }

  @Override
  final Interaction movedTo(Interaction interaction, Instant at) {
    return new Interaction.Builder().from(interaction).occurredAt(at).build();
  }

  /** The other direction: a field every interaction has and every adapter must compare. */
  @Override
  final Interaction withDifferentContent(Interaction interaction) {
    Interaction.Direction other = interaction.direction() == Interaction.Direction.INBOUND
        ? Interaction.Direction.OUTBOUND : Interaction.Direction.INBOUND;
    return new Interaction.Builder().from(interaction).direction(other).build();
  }
}
