package io.crmkit.testkit;

import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.PersonName;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Names of people (Chinese, Western, Japanese, Korean) and organisations, as people write them.
 * A person's full name always fits a display name, so any generated name makes a valid customer.
 */
final class NameArbitraries {
  static final int MAX_NAME_PART = PersonName.MAX_PART_LENGTH;
  static final int MAX_LEGAL_NAME = CustomerDetails.MAX_LEGAL_NAME_LENGTH;
  private static final int MAX_FULL_NAME = 200;

  static final List<String> CHINESE_SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",
      "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "欧阳", "司马", "诸葛");
  private static final List<String> CHINESE_GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊",
      "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "英", "华", "慧", "建", "国", "平", "玲",
      "兰", "丹", "萍", "鹏", "浩", "宇", "轩", "子", "涵", "梓", "欣", "怡", "诺");
  static final List<String> WESTERN_SURNAMES = List.of("Smith", "Müller", "Schmidt", "García", "Johnson",
      "O'Brien", "Dubois", "Rossi", "Kowalski", "Nguyen", "van der Berg", "Ødegård", "Łukasiewicz",
      "Meyer-Lübke", "Brown");
  private static final List<String> WESTERN_GIVEN = List.of("Mary", "Anna", "Jürgen", "José", "Zoë",
      "Mary Ann", "Jean-Luc", "Siobhán", "Björn", "Łukasz", "Chloé", "John", "Sophie", "Mohammed", "Olga");
  private static final List<String> JAPANESE_SURNAMES = List.of("佐藤", "鈴木", "高橋", "田中", "渡辺");
  private static final List<String> JAPANESE_GIVEN = List.of("さくら", "翔太", "陽菜", "ユウキ", "大輔");
  private static final List<String> KOREAN_SURNAMES = List.of("김", "이", "박", "최");
  private static final List<String> KOREAN_GIVEN = List.of("민준", "서연", "지훈", "하은");

  private static final List<String> CN_CITIES = List.of("北京", "上海", "广州", "深圳", "杭州", "成都", "苏州");
  private static final List<String> CN_TRADE_NAMES = List.of("华信", "远航", "金桥", "恒达", "瑞丰", "星辰",
      "东方明珠", "长城");
  private static final List<String> CN_BUSINESSES = List.of("科技", "贸易", "机械制造", "物流", "食品", "软件",
      "电子");
  private static final List<String> CN_FORMS = List.of("有限公司", "股份有限公司", "集团有限公司");
  private static final List<String> WESTERN_TRADE_NAMES = List.of("Acme", "Nordwind", "Bluebird",
      "Müller & Söhne", "Brightwater", "Alpenglück", "Northstar", "Crédit Rural", "Oak & Ivy");
  private static final List<String> WESTERN_BUSINESSES = List.of("", " Logistics", " Maschinenbau",
      " Trading", " Software", " Foods", " Holding");
  private static final List<String> WESTERN_FORMS = List.of(" GmbH", " AG", " Ltd", " Inc.", " S.A.R.L.",
      " B.V.", " LLC", " GmbH & Co. KG", " plc");

  private NameArbitraries() {}

  /** Chinese, Western, Japanese and Korean names, single names, and now and then unusual text. */
  static Arbitrary<PersonName> personNames() {
    return Arbitraries.frequencyOf(
        Tuple.of(40, chinese()),
        Tuple.of(35, western()),
        Tuple.of(6, pair(JAPANESE_SURNAMES, JAPANESE_GIVEN)),
        Tuple.of(5, pair(KOREAN_SURNAMES, KOREAN_GIVEN)),
        Tuple.of(7, singleName()),
        Tuple.of(7, unusual()));
  }

  /** A common Chinese surname and a given name of one or two characters: 张伟, 欧阳子涵. */
  static Arbitrary<PersonName> chinese() {
    return Combinators.combine(
            Arbitraries.of(CHINESE_SURNAMES),
            Arbitraries.of(CHINESE_GIVEN).list().ofMinSize(1).ofMaxSize(2))
        .as((family, given) -> PersonName.of(family, String.join("", given)));
  }

  /** A Western family name and one or two given names: Mary Ann Smith, Jürgen Müller. */
  static Arbitrary<PersonName> western() {
    return pair(WESTERN_SURNAMES, WESTERN_GIVEN);
  }

  /** Legal names of Chinese, Western and Japanese companies, now and then unusual or very long. */
  static Arbitrary<String> legalNames() {
    Arbitrary<String> chinese = Combinators.combine(Arbitraries.of(CN_CITIES), Arbitraries.of(CN_TRADE_NAMES),
            Arbitraries.of(CN_BUSINESSES), Arbitraries.of(CN_FORMS))
        .as((city, trade, business, form) -> city + trade + business + form);
    Arbitrary<String> western = Combinators.combine(Arbitraries.of(WESTERN_TRADE_NAMES),
            Arbitraries.of(WESTERN_BUSINESSES), Arbitraries.of(WESTERN_FORMS))
        .as((trade, business, form) -> trade + business + form);
    Arbitrary<String> japanese = Arbitraries.of(JAPANESE_SURNAMES).map(name -> "株式会社" + name + "製作所");
    return Arbitraries.frequencyOf(
        Tuple.of(40, chinese), Tuple.of(40, western), Tuple.of(8, japanese),
        Tuple.of(12, TextArbitraries.text(MAX_LEGAL_NAME)));
  }

  private static Arbitrary<PersonName> pair(List<String> families, List<String> givens) {
    return Combinators.combine(Arbitraries.of(families), Arbitraries.of(givens)).as(PersonName::of);
  }

  private static Arbitrary<PersonName> singleName() {
    Arbitrary<String> names = Arbitraries.of(CHINESE_SURNAMES, WESTERN_GIVEN, KOREAN_GIVEN)
        .flatMap(Arbitraries::of);
    return Combinators.combine(names, Arbitraries.of(true, false)).as((name, asFamily) -> asFamily
        ? new PersonName.Builder().familyName(name).build()
        : new PersonName.Builder().givenName(name).build());
  }

  /**
   * Parts up to their 100-character limit, but never two full-length parts: their full name, the
   * default display name, would exceed the display name's 200 characters.
   */
  private static Arbitrary<PersonName> unusual() {
    Arbitrary<String> part = TextArbitraries.text(MAX_NAME_PART);
    return Combinators.combine(part.optional(0.8), part.optional(0.8))
        .filter((family, given) -> family.isPresent() || given.isPresent())
        .as((family, given) -> new PersonName.Builder().familyName(family).givenName(given).build())
        .filter(name -> name.fullName().length() <= MAX_FULL_NAME);
  }
}
