package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.standardise.NameSplitter.Parts;
import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NameSplitterTest {

  private static Parts split(String name) {
    return NameSplitter.split(TextFolding.fold(name, "fullName", 200, new ArrayList<>()));
  }

  @ParameterizedTest(name = "{0} → {1} + {2}")
  @CsvSource({
      "张伟, 张, 伟",
      "王小明, 王, 小明",
      "欧阳娜娜, 欧阳, 娜娜",
      "司马光, 司马, 光",
      "诸葛亮, 诸葛, 亮",
      "上官婉儿, 上官, 婉儿",
      "司徒雷登, 司徒, 雷登",
      "东方不败, 东方, 不败",
      "皇甫嵩, 皇甫, 嵩",
      "尉迟恭, 尉迟, 恭",
      "公孙胜, 公孙, 胜",
      "慕容复, 慕容, 复",
      "令狐冲, 令狐, 冲",
      "端木蓉, 端木, 蓉",
      "夏侯惇, 夏侯, 惇",
      "歐陽修, 歐陽, 修",
  })
  void chineseNamesSplitAfterTheSurnameWithCompoundSurnames(String name, String family, String given) {
    assertThat(split(name)).isEqualTo(new Parts(family, given));
  }

  @Test
  void aTwoCharacterNameStartingLikeACompoundSurnameKeepsAOneCharacterSurname() {
    assertThat(split("司马")).isEqualTo(new Parts("司", "马"));
  }

  @Test
  void aChineseNameWrittenWithASpaceSplitsAtTheSpace() {
    assertThat(split("东方 红")).isEqualTo(new Parts("东方", "红"));
    assertThat(split("张 小 明")).isEqualTo(new Parts("张", "小明"));
  }

  @Test
  void fullWidthSpacesAndHonorificsDoNotChangeTheSplit() {
    assertThat(split("张　伟")).isEqualTo(new Parts("张", "伟"));
    assertThat(split("王先生")).isEqualTo(new Parts("王", ""));
  }

  @Test
  void aTransliteratedNameWithAMiddleDotHasTheFamilyNameLast() {
    assertThat(split("约翰·史密斯")).isEqualTo(new Parts("史密斯", "约翰"));
    assertThat(split("约翰・史密斯")).isEqualTo(new Parts("史密斯", "约翰"));
  }

  @ParameterizedTest(name = "{0} → {1} + {2}")
  @CsvSource({
      "Mary Smith, smith, mary",
      "Mary Ann Smith, smith, mary ann",
      "Ludwig van Beethoven, van beethoven, ludwig",
      "Johannes van der Berg, van der berg, johannes",
      "Otto von Bismarck, von bismarck, otto",
      "Leonardo da Vinci, da vinci, leonardo",
      "Charles de Gaulle, de gaulle, charles",
      "Maria de la Cruz, de la cruz, maria",
      "Van Morrison, morrison, van",
      "Seán O'Brien, o'brien, seán",
      "Sean O’Brien, o'brien, sean",
      "Sean O Brien, o'brien, sean",
      "Ronald Mc Donald, mcdonald, ronald",
      "Ronald McDonald, mcdonald, ronald",
      "Dr. John H. Watson Jr., watson, john h",
      "Mary-Jane Parker-Jones, parker-jones, mary-jane",
  })
  void westernNamesPutTheFamilyNameLastWithItsParticles(String name, String family, String given) {
    assertThat(split(name)).isEqualTo(new Parts(family, given));
  }

  @Test
  void aNameWrittenFamilyCommaGivenPutsTheFamilyNameFirst() {
    assertThat(split("Smith, Mary Ann")).isEqualTo(new Parts("smith", "mary ann"));
    assertThat(split("van der Berg, Jan")).isEqualTo(new Parts("van der berg", "jan"));
  }

  @Test
  void aSingleWesternNameIsTakenAsTheFamilyName() {
    assertThat(split("Madonna")).isEqualTo(new Parts("madonna", ""));
  }

  @Test
  void nothingButPunctuationLeavesNoName() {
    assertThat(split("--- ...")).isEqualTo(new Parts("", ""));
    assertThat(split("...")).isEqualTo(new Parts("", ""));
  }

  @Test
  void partsGivenApartAreCleanedButNotSplit() {
    assertThat(NameSplitter.family("mc donald")).isEqualTo("mcdonald");
    assertThat(NameSplitter.family("欧 阳")).isEqualTo("欧阳");
    assertThat(NameSplitter.given("j.")).isEqualTo("j");
    assertThat(NameSplitter.family("van der berg")).isEqualTo("van der berg");
  }
}
