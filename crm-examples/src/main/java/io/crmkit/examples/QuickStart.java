package io.crmkit.examples;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.memory.InMemoryExtensions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The quick start: register customers, record what they buy and how you talked to them, move
 * one through the lifecycle, and query them with {@link Criteria}, all on the embedded in-memory
 * default.
 *
 * <p>Run it with {@code mvn -B -q -pl crm-examples -am compile exec:java} from the repository root.
 */
public final class QuickStart {
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");

  private QuickStart() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example and reports to {@code out}; returns the facade so tests can inspect it. */
  static Crm run(PrintStream out) {
    // quick-start:begin
    Crm crm = Crm.builder().build(); // in-memory store, system clock, time-ordered ids

    Customer zhang = crm.register(NewCustomer.person("张", "伟")
        .addContactPoint(ContactPoint.phone("+8613812345678"))
        .addAddress(new PostalAddress.Builder().country("CN").regionCode("110105")
            .city("北京市").district("朝阳区").street("建国路 88 号").build())
        .putDimensionCode("region", "110105")
        .build());

    Customer acme = crm.register(NewCustomer.organisation("上海极光贸易有限公司")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91310000MA1FL8TQ36"))
        .addExternalReference(ExternalReference.of("erp", "C-00042"))
        .putDimensionCode("region", "310101")
        .build());

    Customer mary = crm.register(NewCustomer.person("Smith", "Mary")
        .addContactPoint(ContactPoint.email("mary.smith@example.com"))
        .putDimensionCode("region", "110108")
        .build());

    Instant now = Instant.now();
    crm.recordPurchase(crm.newPurchase(zhang.id())
        .amount(Money.of(CNY, new BigDecimal("1299.00"))).occurredAt(now.minus(40, ChronoUnit.DAYS))
        .channel("online").category("electronics").build());
    crm.recordPurchase(crm.newPurchase(zhang.id())
        .amount(Money.of(CNY, new BigDecimal("-199.00"))).occurredAt(now.minus(35, ChronoUnit.DAYS))
        .channel("online").orderReference("SO-2025-0001").build());
    crm.recordInteraction(crm.newInteraction(acme.id())
        .channel(Interaction.Channel.MEETING).direction(Interaction.Direction.OUTBOUND).occurredAt(now)
        .subject("Annual contract review").build());

    // Change a customer: take what you read, change it, save. A stale copy fails with a conflict.
    crm.update(zhang.withTier(ValueTier.HIGH));

    // Stages move only through the lifecycle, which checks each move and records it in history.
    LifecycleStore stages = crm.store().attach(InMemoryExtensions.lifecycle()); // history beside the customers
    LifecycleEngine lifecycle = LifecycleEngine.builder().store(stages).clock(crm.clock()).build();
    lifecycle.fire(zhang.id(), Trigger.FIRST_PURCHASE, "pos-system", null); // PROSPECT -> NEW

    // Everyone in Beijing (GB/T 2260 codes starting with 11), by name.
    var beijing = crm.find(Criteria.codeStartsWith("region", "11"),
        Sort.ascending(CustomerField.DISPLAY_NAME), PageRequest.first(10));
    // quick-start:end

    out.println("Customers in Beijing (region 11xxxx):");
    beijing.items().forEach(c -> out.println("  " + c.displayName() + "  " + c.dimensionCodes()));
    out.println("ERP customer C-00042 is "
        + crm.findByExternalReference(ExternalReference.of("erp", "C-00042")).map(Customer::displayName).orElse("?"));
    out.println("High-tier new customers: " + crm.count(
        Criteria.and(Criteria.stageIs(LifecycleStage.NEW), Criteria.tierIs(ValueTier.HIGH))));
    lifecycle.history(zhang.id()).forEach(entry -> out.println(zhang.displayName() + " moved from " + entry.from()
        + " to " + entry.to() + " on " + entry.trigger() + " by " + entry.actor()));
    out.println(zhang.displayName() + " spent, net of refunds: " + crm.purchases(zhang.id(), TimeRange.all())
        .stream().map(p -> p.amount()).reduce(Money.zero(CNY), Money::plus));
    out.println("Interactions with " + acme.displayName() + ": "
        + crm.interactions(acme.id(), TimeRange.all()).size());

    try {
      crm.register(NewCustomer.person("Doe", "John").addContactPoint(ContactPoint.email("john@")).owner(" ").build());
    } catch (CrmValidationException e) {
      out.println("Rejected, as expected:");
      e.violations().forEach(v -> out.println("  " + v));
    }
    out.println("Registered " + crm.count(Criteria.all()) + " customers; " + mary.displayName() + " is one of them.");
    return crm;
  }
}
