package io.crmkit.core.memory;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.merge.MovedActivity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link MergeWrites} on the in-memory store's own customers and activity logs, undone on rollback. */
final class InMemoryMergeWrites implements MergeWrites {
  private final InMemoryCustomers customers;
  private final InMemoryPurchases purchases;
  private final InMemoryInteractions interactions;
  private final InMemoryTransactions transactions;

  InMemoryMergeWrites(InMemoryCrmStore store) {
    this.customers = store.memoryCustomers();
    this.purchases = store.memoryPurchases();
    this.interactions = store.memoryInteractions();
    this.transactions = store.transactions();
  }

  @Override
  public void remove(Customer expected) {
    customers.remove(expected);
  }

  @Override
  public Customer restore(Customer snapshot) {
    return customers.reinsert(snapshot);
  }

  @Override
  public List<MovedActivity> moveActivities(CustomerId from, CustomerId to) {
    checkIds(from, to);
    return transactions.inTransaction(() -> {
      List<MovedActivity> moved = new ArrayList<>();
      purchases.reassign(from, to, null, InMemoryMergeWrites::withOwner)
          .forEach(p -> moved.add(new MovedActivity(MovedActivity.Kind.PURCHASE, p.id())));
      interactions.reassign(from, to, null, InMemoryMergeWrites::withOwner)
          .forEach(i -> moved.add(new MovedActivity(MovedActivity.Kind.INTERACTION, i.id())));
      return List.copyOf(moved);
    });
  }

  @Override
  public int moveActivities(Collection<MovedActivity> activities, CustomerId from, CustomerId to) {
    Objects.requireNonNull(activities, "activities");
    checkIds(from, to);
    Set<ActivityId> purchaseIds = ids(activities, MovedActivity.Kind.PURCHASE);
    Set<ActivityId> interactionIds = ids(activities, MovedActivity.Kind.INTERACTION);
    return transactions.inTransaction(() -> {
      int moved = 0;
      if (!purchaseIds.isEmpty()) {
        moved += purchases.reassign(from, to, purchaseIds, InMemoryMergeWrites::withOwner).size();
      }
      if (!interactionIds.isEmpty()) {
        moved += interactions.reassign(from, to, interactionIds, InMemoryMergeWrites::withOwner).size();
      }
      return moved;
    });
  }

  private static Set<ActivityId> ids(Collection<MovedActivity> activities, MovedActivity.Kind kind) {
    return activities.stream().filter(a -> a.kind() == kind).map(MovedActivity::id).collect(Collectors.toSet());
  }

  private static void checkIds(CustomerId from, CustomerId to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  private static Purchase withOwner(Purchase purchase, CustomerId owner) {
    return new Purchase.Builder().from(purchase).customerId(owner).build();
  }

  private static Interaction withOwner(Interaction interaction, CustomerId owner) {
    return new Interaction.Builder().from(interaction).customerId(owner).build();
  }
}
