package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The standardiser's invariants: it never throws on any text, folding is idempotent, full-width
 * and half-width forms of a record standardise alike, and a standardised record standardises to
 * itself.
 */
class StandardiserProperties {
  private static final Standardiser STANDARDISER = Standardiser.defaults();

  @Property(tries = 300)
  void foldingItsOwnOutputChangesNothing(@ForAll("anyText") String text) {
    List<String> warnings = new ArrayList<>();
    String once = TextFolding.fold(text, "field", 200, warnings);
    assertThat(TextFolding.fold(once, "field", 200, new ArrayList<>())).isEqualTo(once);
  }

  @Property(tries = 150)
  void anyTextInAnyFieldGivesAUsableRecordAndNeverAnException(@ForAll("garbageInputs") MatchInput input) {
    MatchRecord record = STANDARDISER.standardise(input);
    assertThat(record.id()).isEqualTo(input.id());
    assertThat(record.phones()).allMatch(phone -> phone.matches("\\+[1-9][0-9]{3,16}"));
    assertThat(record.familyName().orElse("") + record.givenName().orElse("") + record.street().orElse(""))
        .doesNotContain("\u0000");
  }

  @Property(tries = 200)
  void fullWidthAndHalfWidthFormsOfARecordStandardiseAlike(@ForAll("realisticInputs") MatchInput input) {
    assertThat(STANDARDISER.standardise(fullWidth(input))).isEqualTo(STANDARDISER.standardise(input));
  }

  @Property(tries = 200)
  void aStandardisedRecordStandardisesToItself(@ForAll("realisticInputs") MatchInput input) {
    MatchRecord once = STANDARDISER.standardise(input);
    MatchRecord twice = STANDARDISER.standardise(asInput(once));
    assertThat(twice).isEqualTo(new MatchRecord.Builder().from(once).warnings(List.of()).build());
  }

  /** A record read back as an input: its parts given apart, its kind stated, its division code as region. */
  private static MatchInput asInput(MatchRecord record) {
    MatchInput.Builder input = new MatchInput.Builder().id(record.id()).source(record.source())
        .kind(record.kind()).familyName(record.familyName()).givenName(record.givenName())
        .identifier(record.identifier()).addAllPhones(record.phones()).addAllEmails(record.emails())
        .region(record.regionCode().or(record::region)).city(record.locality()).street(record.street())
        .postcode(record.postcode()).birthDate(record.birthDate());
    if (record.kind() == CustomerKind.ORGANISATION) {
      input.legalName(record.organisationName().map(name -> name + record.branch().orElse("")));
    }
    return input.build();
  }

  private static MatchInput fullWidth(MatchInput input) {
    return new MatchInput.Builder().from(input)
        .fullName(input.fullName().map(StandardiserProperties::fullWidth))
        .familyName(input.familyName().map(StandardiserProperties::fullWidth))
        .givenName(input.givenName().map(StandardiserProperties::fullWidth))
        .legalName(input.legalName().map(StandardiserProperties::fullWidth))
        .identifier(input.identifier().map(StandardiserProperties::fullWidth))
        .phones(input.phones().stream().map(StandardiserProperties::fullWidth).toList())
        .emails(input.emails().stream().map(StandardiserProperties::fullWidth).toList())
        .addressLine(input.addressLine().map(StandardiserProperties::fullWidth))
        .street(input.street().map(StandardiserProperties::fullWidth))
        .city(input.city().map(StandardiserProperties::fullWidth))
        .region(input.region().map(StandardiserProperties::fullWidth))
        .postcode(input.postcode().map(StandardiserProperties::fullWidth))
        .build();
  }

  /** ASCII as its full-width form: {@code A} → {@code Ａ}, space → the ideographic space. */
  private static String fullWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7f ? (char) (c + 0xfee0) : (char) c));
    return out.toString();
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> anyChars = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40);
    Arbitrary<String> mixed = Arbitraries.strings()
        .withChars("aZ ÄéİıßǅΣσς\u0000\u0007\t\n\u00a0\u3000\u200b\ufeff\ud800\udc00ＡＢ１（）ﬁ①张欧阳·'-.,")
        .ofMaxLength(40);
    Arbitrary<String> veryLong = Arbitraries.strings().withChars("xY 张\u0000").ofMinLength(190).ofMaxLength(10_000);
    return Arbitraries.frequencyOf(Tuple.of(4, anyChars), Tuple.of(4, mixed), Tuple.of(1, veryLong));
  }

  @Provide
  Arbitrary<MatchInput> garbageInputs() {
    Arbitrary<Optional<String>> text = anyText().optional(0.8);
    Arbitrary<List<String>> texts = anyText().list().ofMaxSize(3);
    return Builders.withBuilder(() -> new MatchInput.Builder().id("g"))
        .use(Arbitraries.of(CustomerKind.class).optional(0.5)).in((b, v) -> b.kind(v))
        .use(text).in((b, v) -> b.fullName(v))
        .use(text).in((b, v) -> b.familyName(v))
        .use(text).in((b, v) -> b.givenName(v))
        .use(text).in((b, v) -> b.legalName(v))
        .use(text).in((b, v) -> b.identifier(v))
        .use(texts).in((b, v) -> b.phones(v))
        .use(texts).in((b, v) -> b.emails(v))
        .use(text).in((b, v) -> b.addressLine(v))
        .use(text).in((b, v) -> b.region(v))
        .use(text).in((b, v) -> b.city(v))
        .use(text).in((b, v) -> b.district(v))
        .use(text).in((b, v) -> b.street(v))
        .use(text).in((b, v) -> b.postcode(v))
        .build(MatchInput.Builder::build);
  }

  @Provide
  Arbitrary<MatchInput> realisticInputs() {
    return Arbitraries.oneOf(chinesePeople(), westernPeople(), organisations());
  }

  private static Arbitrary<MatchInput> chinesePeople() {
    Arbitrary<String> family = Arbitraries.of("张", "王", "李", "欧阳", "司马", "诸葛", "上官", "东方", "刘");
    Arbitrary<String> given = Arbitraries.of("伟", "娜娜", "小明", "光", "婉儿", "红", "秀英");
    Arbitrary<String> name = Combinators.combine(family, given, Arbitraries.of("", " ", "　"))
        .as((f, g, space) -> f + space + g);
    Arbitrary<String> address = Combinators.combine(
        Arbitraries.of("", "广东省", "广东", "北京市", "北京", "广西", "内蒙古自治区"),
        Arbitraries.of("", "深圳市", "南宁市", "朝阳区", "呼和浩特市"),
        Arbitraries.of("", "南山区", "青秀区"),
        Arbitraries.of("", "建国路 88 号", "科技园1号", "Room 5, 民族大道100号"))
        .as((a, b, c, d) -> a + b + c + d);
    return Combinators.combine(name, phones(), emails(), address, identifiers())
        .as((n, phone, email, line, id) -> new MatchInput.Builder().id("c").fullName(n).addPhone(phone)
            .addEmail(email).addressLine(line).identifier(id).build());
  }

  private static Arbitrary<MatchInput> westernPeople() {
    Arbitrary<String> name = Combinators.combine(
        Arbitraries.of("", "Mr ", "Dr. "), Arbitraries.of("Mary", "John Henry", "Seán", "Ludwig"),
        Arbitraries.of("", "van ", "van der ", "de la ", "O'", "Mc "), Arbitraries.of("Smith", "Berg", "Brien", "Donald"))
        .as((title, given, particle, family) -> title + given + " " + particle + family);
    return Combinators.combine(name, phones(), emails(), Arbitraries.of("QLD", "nsw", "Victoria"),
            Arbitraries.of("St James", "Bittern"), Arbitraries.of("69 Giblin Street", "6 Tullaroop St."))
        .as((n, phone, email, state, suburb, street) -> new MatchInput.Builder().id("w").fullName(n)
            .addPhone(phone).addEmail(email).region(state).city(suburb).street(street).postcode("4814").build());
  }

  private static Arbitrary<MatchInput> organisations() {
    Arbitrary<String> chinese = Combinators.combine(Arbitraries.of("华为技术", "上海极光贸易", "中国工商银行"),
        Arbitraries.of("", "（深圳）", "(上海)"), Arbitraries.of("有限公司", "股份有限公司", "集团有限公司", ""),
        Arbitraries.of("", "北京分公司", "上海分行第一营业部"))
        .as((stem, place, form, branch) -> stem + place + form + branch);
    Arbitrary<String> western = Combinators.combine(Arbitraries.of("Acme", "Robert Bosch", "Smith & Jones"),
        Arbitraries.of(" Co., Ltd.", " GmbH", " Inc.", " S.A.", " LLC", ""))
        .as((stem, form) -> stem + form);
    return Combinators.combine(Arbitraries.oneOf(chinese, western), phones(), Arbitraries.of(
            "91310000MA1FL8TQ36", "9131 0000 ma1f-l8tq36"))
        .as((name, phone, id) -> new MatchInput.Builder().id("o").legalName(name).addPhone(phone).identifier(id)
            .build());
  }

  private static Arbitrary<String> phones() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(8);
    return Combinators.combine(Arbitraries.of("138", "139", "186"), digits,
            Arbitraries.of("", "+86 ", "0086-", "+86-"), Arbitraries.of("", " ", "-"))
        .as((prefix, rest, country, separator) -> country + prefix + separator + rest.substring(0, 4) + separator
            + rest.substring(4));
  }

  private static Arbitrary<String> emails() {
    return Combinators.combine(Arbitraries.of("Mary.Smith", "zhangwei", "NaNa"),
        Arbitraries.of("Example.COM", "gmail.com", "QQ.com", "example.com."))
        .as((local, domain) -> " " + local + "@" + domain + " ");
  }

  private static Arbitrary<String> identifiers() {
    return Arbitraries.of("11010519491231002x", "11010519491231002X", "110105 19491231 002X", "E12345678");
  }
}
