package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import org.junit.jupiter.api.Test;

class WhereOptionTest {

  @Test
  void termsAreAndedAlternativesOredAndATrailingStarIsAPrefix() {
    assertThat(WhereOption.parse("stage=active|new, region=44*,tier=GOLD")).isEqualTo(Criteria.and(
        Criteria.or(Criteria.stageIs(LifecycleStage.of("ACTIVE")), Criteria.stageIs(LifecycleStage.of("NEW"))),
        Criteria.codeStartsWith("region", "44"),
        Criteria.tierIs(ValueTier.of("GOLD"))));
  }

  @Test
  void everyKeyReadsAsItsCriterion() {
    assertThat(WhereOption.parse("kind=organisation")).isEqualTo(Criteria.kindIs(CustomerKind.ORGANISATION));
    assertThat(WhereOption.parse("code.channel=web")).isEqualTo(Criteria.codeIs("channel", "web"));
    assertThat(WhereOption.parse("region=110105")).isEqualTo(Criteria.codeIs("region", "110105"));
    assertThat(WhereOption.parse("owner=alice")).isEqualTo(Criteria.ownerIs("alice"));
    assertThat(WhereOption.parse("tag=vip")).isEqualTo(Criteria.hasTag("vip"));
    assertThat(WhereOption.parse(null)).isEqualTo(Criteria.all());
  }

  @Test
  void anUnreadableTermIsAUsageErrorNamingIt() {
    assertThatThrownBy(() -> WhereOption.parse("stage=ACTIVE,colour=red"))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
        .hasMessageContaining("unknown key colour");
    assertThatThrownBy(() -> WhereOption.parse("tier=gold medal")).hasMessageContaining("tier=gold medal");
    assertThatThrownBy(() -> WhereOption.parse("stage=")).hasMessageContaining("not key=value");
    assertThatThrownBy(() -> WhereOption.parse("kind=robot"))
        .hasMessage("--where: \"kind=robot\": the kind is person or organisation, not robot");
  }
}
