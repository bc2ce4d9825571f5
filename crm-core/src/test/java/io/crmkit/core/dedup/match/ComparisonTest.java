package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static MatchRecord.Builder record(String id) {
    return new MatchRecord.Builder().id(id).kind(CustomerKind.PERSON);
  }

  private static MatchRecord family(String name) {
    return record("x").familyName(name).build();
  }

  private static MatchRecord street(String value) {
    return record("x").street(value).build();
  }

  private static MatchRecord born(int year, int month, int day) {
    return record("x").birthDate(LocalDate.of(year, month, day)).build();
  }

  private static MatchRecord organisation(String name) {
    return new MatchRecord.Builder().id("o").kind(CustomerKind.ORGANISATION).organisationName(name).build();
  }

  private static String levelName(Comparison c, MatchRecord a, MatchRecord b) {
    int level = c.level(a, b);
    return level == Comparison.MISSING ? "missing" : c.levels().get(level);
  }

  @Test
  void jaroWinklerBandsGoFromExactThroughTheThresholdsToDifferent() {
    Comparison c = Comparison.jaroWinkler("familyName", MatchRecord::familyName, 0.94, 0.88);
    assertThat(c.levels()).containsExactly("exact", "jw>=0.94", "jw>=0.88", "different");
    assertThat(levelName(c, family("martha"), family("martha"))).isEqualTo("exact");
    assertThat(levelName(c, family("martha"), family("marhta"))).isEqualTo("jw>=0.94");
    assertThat(levelName(c, family("stevens"), family("stephens"))).isEqualTo("jw>=0.88");
    assertThat(levelName(c, family("smith"), family("jones"))).isEqualTo("different");
    assertThat(levelName(c, family("smith"), record("y").build())).isEqualTo("missing");
  }

  @Test
  void nameComparisonRecognisesPartsWrittenInEachOthersField() {
    Comparison c = Comparison.nameJaroWinkler("familyName", MatchRecord::familyName, MatchRecord::givenName,
        0.94, 0.88);
    MatchRecord a = record("a").familyName("campbell").givenName("ryan").build();
    MatchRecord swapped = record("b").familyName("ryan").givenName("campbell").build();
    MatchRecord other = record("c").familyName("jones").givenName("mary").build();
    assertThat(c.levels()).containsExactly("exact", "jw>=0.94", "jw>=0.88", "swapped", "different");
    assertThat(levelName(c, a, swapped)).isEqualTo("swapped");
    assertThat(levelName(c, swapped, a)).isEqualTo("swapped");
    assertThat(levelName(c, a, other)).isEqualTo("different");
    assertThat(levelName(c, a, a)).isEqualTo("exact");
  }

  @Test
  void levenshteinBandsCountEdits() {
    Comparison c = Comparison.levenshtein("street", MatchRecord::street, 1, 2);
    assertThat(c.levels()).containsExactly("exact", "lev<=1", "lev<=2", "different");
    assertThat(levelName(c, street("12 high st"), street("12 high st"))).isEqualTo("exact");
    assertThat(levelName(c, street("12 high st"), street("12 hgh st"))).isEqualTo("lev<=1");
    assertThat(levelName(c, street("12 high st"), street("21 high st"))).isEqualTo("lev<=2");
    assertThat(levelName(c, street("12 high st"), street("9 low road"))).isEqualTo("different");
  }

  @Test
  void datesAgreeExactlySwappedOneComponentOffCloseOrNot() {
    Comparison c = Comparison.date("birthDate", MatchRecord::birthDate, 2);
    assertThat(c.levels()).containsExactly("exact", "swapped-day-month", "one-component-off", "years<=2",
        "different");
    assertThat(levelName(c, born(1980, 3, 7), born(1980, 3, 7))).isEqualTo("exact");
    assertThat(levelName(c, born(1980, 3, 7), born(1980, 7, 3))).isEqualTo("swapped-day-month");
    assertThat(levelName(c, born(1980, 3, 7), born(1981, 3, 7))).isEqualTo("one-component-off");
    assertThat(levelName(c, born(1980, 3, 7), born(1980, 3, 17))).isEqualTo("one-component-off");
    assertThat(levelName(c, born(1980, 3, 7), born(1981, 5, 20))).isEqualTo("years<=2");
    assertThat(levelName(c, born(1980, 3, 7), born(1990, 5, 20))).isEqualTo("different");
  }

  @Test
  void numericClosenessComparesNumbersNotText() {
    Comparison c = Comparison.numeric("postcode", MatchRecord::postcode, 0.01, 0.1);
    assertThat(c.levels()).containsExactly("exact", "within 1.0%", "within 10.0%", "different");
    MatchRecord hundred = record("a").postcode("100").build();
    assertThat(levelName(c, hundred, record("b").postcode("100.0").build())).isEqualTo("exact");
    assertThat(levelName(c, hundred, record("b").postcode("99.5").build())).isEqualTo("within 1.0%");
    assertThat(levelName(c, hundred, record("b").postcode("95").build())).isEqualTo("within 10.0%");
    assertThat(levelName(c, hundred, record("b").postcode("50").build())).isEqualTo("different");
    assertThat(levelName(c, record("a").postcode("ab1").build(), record("b").postcode("ab1").build()))
        .isEqualTo("exact");
    assertThat(levelName(c, record("a").postcode("ab1").build(), hundred)).isEqualTo("different");
  }

  @Test
  void tokenSetSimilarityIgnoresWordOrderAndSplitsChineseIntoBigrams() {
    Comparison c = Comparison.tokenSet("organisationName", MatchRecord::organisationName, 0.6, 0.3);
    assertThat(c.levels()).containsExactly("exact", "same-tokens", "tokens>=0.6", "tokens>=0.3", "different");
    assertThat(levelName(c, organisation("acme trading"), organisation("trading acme"))).isEqualTo("same-tokens");
    assertThat(levelName(c, organisation("acme trading shanghai"), organisation("acme trading")))
        .isEqualTo("tokens>=0.6");
    assertThat(levelName(c, organisation("华为技术"), organisation("华为技术"))).isEqualTo("exact");
    assertThat(levelName(c, organisation("华为技术"), organisation("华为"))).isEqualTo("tokens>=0.3");
    assertThat(levelName(c, organisation("华为技术"), organisation("腾讯科技"))).isEqualTo("different");
    assertThat(Similarity.tokens("华为技术")).containsExactlyInAnyOrder("华为", "为技", "技术");
  }

  @Test
  void overlapAgreesWhenAnyPhoneIsShared() {
    Comparison c = Comparison.overlap("phones", MatchRecord::phones);
    MatchRecord a = record("a").addPhone("+8613800000001").addPhone("+8613800000002").build();
    MatchRecord b = record("b").addPhone("+8613800000002").build();
    MatchRecord d = record("d").addPhone("+8613800000003").build();
    assertThat(levelName(c, a, b)).isEqualTo("shared");
    assertThat(levelName(c, a, d)).isEqualTo("disjoint");
    assertThat(levelName(c, a, record("e").build())).isEqualTo("missing");
  }

  @Test
  void exactAgreesOnEqualValuesOnly() {
    Comparison c = Comparison.exact("region", MatchRecord::region);
    assertThat(levelName(c, record("a").region("nsw").build(), record("b").region("nsw").build())).isEqualTo("exact");
    assertThat(levelName(c, record("a").region("nsw").build(), record("b").region("vic").build()))
        .isEqualTo("different");
  }

  @Test
  void badConfigurationsAreRejectedWithTheirReason() {
    assertThatThrownBy(() -> Comparison.jaroWinkler("n", MatchRecord::familyName, 0.8, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must decrease");
    assertThatThrownBy(() -> Comparison.jaroWinkler("n", MatchRecord::familyName, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Comparison.levenshtein("n", MatchRecord::familyName, 2, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Comparison.date("d", MatchRecord::birthDate, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closeYears");
    assertThatThrownBy(() -> Comparison.jaroWinkler(" ", MatchRecord::familyName, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
  }

  @Test
  void termFrequencyAdjustmentIsOptIn() {
    Comparison plain = Comparison.exact("region", MatchRecord::region);
    assertThat(plain.termFrequencyValue()).isEmpty();
    assertThat(plain.withTermFrequencies(MatchRecord::region).termFrequencyValue()).isPresent();
    assertThat(List.of(plain.withTermFrequencies(MatchRecord::region).levels())).containsExactly(plain.levels());
  }
}
