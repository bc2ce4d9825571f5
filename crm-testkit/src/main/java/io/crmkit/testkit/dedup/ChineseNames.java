package io.crmkit.testkit.dedup;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Chinese family and given names with their Hanyu Pinyin (with tone marks), most frequent first,
 * and the homophones a typist picks by mistake in a pinyin input method (伟 for 炜).
 */
final class ChineseNames {
  /** A name part: the characters and their pinyin syllables with tone marks, capitalised. */
  record Part(String hanzi, String pinyin) {}

  static final Weighted<Part> FAMILY = Weighted.zipf(List.of(
      new Part("王", "Wáng"), new Part("李", "Lǐ"), new Part("张", "Zhāng"), new Part("刘", "Liú"),
      new Part("陈", "Chén"), new Part("杨", "Yáng"), new Part("黄", "Huáng"), new Part("赵", "Zhào"),
      new Part("吴", "Wú"), new Part("周", "Zhōu"), new Part("徐", "Xú"), new Part("孙", "Sūn"),
      new Part("马", "Mǎ"), new Part("朱", "Zhū"), new Part("胡", "Hú"), new Part("郭", "Guō"),
      new Part("何", "Hé"), new Part("林", "Lín"), new Part("高", "Gāo"), new Part("罗", "Luó"),
      new Part("郑", "Zhèng"), new Part("梁", "Liáng"), new Part("谢", "Xiè"), new Part("宋", "Sòng"),
      new Part("唐", "Táng"), new Part("韩", "Hán"), new Part("冯", "Féng"), new Part("邓", "Dèng"),
      new Part("欧阳", "Ōuyáng"), new Part("司马", "Sīmǎ"), new Part("上官", "Shàngguān"),
      new Part("诸葛", "Zhūgě")), 0.7);

  static final Weighted<Part> GIVEN = Weighted.zipf(List.of(
      new Part("伟", "Wěi"), new Part("娜", "Nà"), new Part("芳", "Fāng"), new Part("敏", "Mǐn"),
      new Part("静", "Jìng"), new Part("丽", "Lì"), new Part("强", "Qiáng"), new Part("磊", "Lěi"),
      new Part("军", "Jūn"), new Part("洋", "Yáng"), new Part("勇", "Yǒng"), new Part("艳", "Yàn"),
      new Part("杰", "Jié"), new Part("娟", "Juān"), new Part("涛", "Tāo"), new Part("明", "Míng"),
      new Part("超", "Chāo"), new Part("秀英", "Xiùyīng"), new Part("霞", "Xiá"), new Part("平", "Píng"),
      new Part("刚", "Gāng"), new Part("桂英", "Guìyīng"), new Part("建华", "Jiànhuá"),
      new Part("晓明", "Xiǎomíng"), new Part("志强", "Zhìqiáng"), new Part("丹", "Dān"),
      new Part("婷", "Tíng"), new Part("鹏", "Péng"), new Part("宇轩", "Yǔxuān"), new Part("浩然", "Hàorán"),
      new Part("欣怡", "Xīnyí"), new Part("子涵", "Zǐhán"), new Part("梓萱", "Zǐxuān"),
      new Part("俊杰", "Jùnjié"), new Part("雨桐", "Yǔtóng"), new Part("思远", "Sīyuǎn")), 0.6);

  /** Characters that sound alike and that a pinyin input method offers side by side. */
  static final Map<Character, Character> HOMOPHONES = Map.ofEntries(
      Map.entry('伟', '炜'), Map.entry('丽', '莉'), Map.entry('静', '晶'), Map.entry('娜', '纳'),
      Map.entry('芳', '方'), Map.entry('敏', '民'), Map.entry('明', '铭'), Map.entry('杰', '洁'),
      Map.entry('军', '君'), Map.entry('勇', '永'), Map.entry('涛', '韬'), Map.entry('平', '萍'),
      Map.entry('张', '章'), Map.entry('王', '汪'), Map.entry('李', '黎'), Map.entry('林', '琳'),
      Map.entry('华', '骅'), Map.entry('宇', '雨'), Map.entry('婷', '亭'), Map.entry('鹏', '朋'));

  private static final Pattern MARKS = Pattern.compile("\\p{M}");

  private ChineseNames() {}

  /** The pinyin without tone marks: Zhāng becomes Zhang, Lǚ becomes Lu. */
  static String withoutTones(String pinyin) {
    return MARKS.matcher(Normalizer.normalize(pinyin, Normalizer.Form.NFD)).replaceAll("");
  }

  /** The written forms of a name in pinyin that real records hold for 张伟 (family Zhāng, given Wěi). */
  static String pinyinForm(Part family, Part given, SplittableRandom random) {
    String familyPlain = withoutTones(family.pinyin());
    String givenPlain = withoutTones(given.pinyin());
    return switch (random.nextInt(6)) {
      case 0 -> familyPlain + " " + givenPlain;
      case 1 -> givenPlain + " " + familyPlain;
      case 2 -> familyPlain.toUpperCase(Locale.ROOT) + " " + givenPlain;
      case 3 -> family.pinyin() + " " + given.pinyin();
      case 4 -> familyPlain + givenPlain;
      default -> (familyPlain + " " + givenPlain).toLowerCase(Locale.ROOT);
    };
  }
}
