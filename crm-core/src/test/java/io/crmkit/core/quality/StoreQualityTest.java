package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Measuring a whole store, with its purchases and interactions as last contacts. */
class StoreQualityTest {
  private static final Instant NOW = Instant.parse("2026-06-30T00:00:00Z");

  @Test
  void aStoreIsMeasuredWithTheLaterOfItsLastPurchaseAndLastInteraction() {
    Crm crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    Customer buyer = crm.register(NewCustomer.person("张", "伟")
        .addContactPoint(ContactPoint.phone("+8613812345678")).build());
    Customer talker = crm.register(NewCustomer.person("李", "娜")
        .addContactPoint(ContactPoint.phone("+8613812345678")).build());
    crm.register(NewCustomer.organisation("上海极光贸易有限公司").build());
    crm.recordPurchase(crm.newPurchase(buyer.id()).amount(Money.of(CurrencyUnit.of("CNY"), new BigDecimal("10.00"))).channel("online")
        .occurredAt(NOW.minus(Duration.ofDays(200))).build());
    crm.recordPurchase(crm.newPurchase(buyer.id()).amount(Money.of(CurrencyUnit.of("CNY"), new BigDecimal("12.00"))).channel("online")
        .occurredAt(NOW.minus(Duration.ofDays(20))).build());
    crm.recordInteraction(crm.newInteraction(buyer.id()).channel(Interaction.Channel.PHONE)
        .direction(Interaction.Direction.INBOUND).occurredAt(NOW.minus(Duration.ofDays(60))).build());
    crm.recordInteraction(crm.newInteraction(talker.id()).channel(Interaction.Channel.EMAIL)
        .direction(Interaction.Direction.OUTBOUND).occurredAt(NOW.minus(Duration.ofDays(500))).build());

    QualityReport report = DataQuality.builder().clock(crm.clock()).build().measure(crm.store());

    assertThat(report.customers()).isEqualTo(3);
    QualityReport.Ages contact = report.freshness().sinceContact().orElseThrow();
    assertThat(contact.counted()).isEqualTo(2);
    assertThat(contact.never()).isEqualTo(1);
    assertThat(contact.p50Days()).isEqualTo(20);
    assertThat(contact.maxDays()).isEqualTo(500);
    assertThat(report.uniqueness().keys().get(0).customersSharingKey()).isEqualTo(2);
    // updated now: all fresh; contacted within a year: one of three
    assertThat(report.scores().freshness()).isEqualTo(66.7);
  }
}
