package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The one-pass e-mail check accepts exactly what its defining regular expression matches, on
 * address-like text built from the characters the rule distinguishes: ASCII and non-ASCII
 * letters, digits and numbers, combining marks, hyphens, dots, {@code @}, every kind of space,
 * unpaired surrogates, {@code xn--} labels in any case, and lengths around every limit.
 */
class EmailAddressesProperties {
  /** The rule as first written (EmailAddresses' Javadoc quotes it). */
  private static final Pattern DEFINITION = Pattern.compile(
      "[^@\\s\\p{Z}]{1,64}@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]{0,61}[\\p{L}\\p{M}\\p{N}])?\\.)+"
          + "(?:\\p{L}[\\p{L}\\p{M}]{1,62}|(?i:xn--[a-z0-9-]{1,59}))");

  @Provide
  Arbitrary<String> addressLike() {
    Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> odd = Arbitraries.of("xn--", "XN--", "xN--fiqs8s", "中国", "例子", "उदाहरण", "भारत", "\u0301",
        "\u0903", "\u20dd", "٣", "Ⅻ", "½", "ǅ", "ʰ", "\ud83d\ude00", "\ud83d", "\ude00", "İ", "K", "ſ", "ª", "7",
        "-", "_", "+", "'", "@", ".", "..", " ", "\t", "\u000b", "\u00a0", "\u2028", "\u3000", "\u200b");
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(8, letters), Tuple.of(2, odd),
        Tuple.of(1, Arbitraries.of(62, 63, 64, 65).map("a"::repeat)));
    Arbitrary<String> part = piece.list().ofMinSize(1).ofMaxSize(3).map(EmailAddressesProperties::join);
    Arbitrary<String> topLevel = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("com", "cn", "de", "CN", "中国",
        "भारत", "xn--fiqs8s", "XN--FIQS8S", "xn--", "c", "c0m", "x\u0301y")), Tuple.of(1, part));
    Arbitrary<String> host = Combinators.combine(part.list().ofMinSize(0).ofMaxSize(3), topLevel)
        .as((labels, top) -> labels.isEmpty() ? top : String.join(".", labels) + "." + top);
    Arbitrary<String> built = Combinators.combine(part, host).as((local, domain) -> local + "@" + domain);
    return Arbitraries.oneOf(built, built, built, piece.list().ofMaxSize(8).map(EmailAddressesProperties::join));
  }

  @Property(tries = 5000)
  void acceptsExactlyWhatTheRegularExpressionMatches(@ForAll("addressLike") String text) {
    boolean defined = text.length() <= 254 && DEFINITION.matcher(text).matches();
    assertThat(EmailAddresses.isPlausible(text)).as("%s", text).isEqualTo(defined);
    Statistics.collect(defined ? "address" : "not an address");
    Statistics.coverage(coverage -> coverage.check("address").percentage(p -> p > 8));
  }

  private static String join(List<String> pieces) {
    return String.join("", pieces);
  }
}
