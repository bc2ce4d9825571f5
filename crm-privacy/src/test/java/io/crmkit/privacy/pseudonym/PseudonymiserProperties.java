package io.crmkit.privacy.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

class PseudonymiserProperties {

  @Property(tries = 200)
  void theSameKeyAndInputAlwaysGiveTheSameToken(@ForAll("keys") byte[] key, @ForAll("domains") TokenDomain domain,
      @ForAll String input) {
    String token = Pseudonymiser.of(key).token(domain, input);

    assertThat(Pseudonymiser.of(key.clone()).token(domain, input)).isEqualTo(token);
    assertThat(token).matches(domain.prefix() + "_[a-z2-7]{26}");
  }

  @Property(tries = 30)
  void distinctInputsGiveDistinctTokens(@ForAll("keys") byte[] key,
      @ForAll @Size(min = 2, max = 500) @UniqueElements List<String> inputs) {
    Pseudonymiser pseudonymiser = Pseudonymiser.of(key);
    Set<String> tokens = new HashSet<>();
    inputs.forEach(input -> tokens.add(pseudonymiser.token(TokenDomain.CUSTOMER, input)));

    assertThat(tokens).hasSameSizeAs(inputs);
  }

  @Property(tries = 200)
  void anotherKeyOrAnotherDomainGivesAnotherToken(@ForAll("keys") byte[] key, @ForAll("keys") byte[] otherKey,
      @ForAll String input) {
    Pseudonymiser pseudonymiser = Pseudonymiser.of(key);
    String token = pseudonymiser.token(TokenDomain.CUSTOMER, input);

    assertThat(token).isNotEqualTo(pseudonymiser.token(TokenDomain.of("ord"), input));
    if (!java.util.Arrays.equals(key, otherKey)) {
      assertThat(Pseudonymiser.of(otherKey).token(TokenDomain.CUSTOMER, input)).isNotEqualTo(token);
    }
  }

  /**
   * Inputs of eight characters and more: a shorter text can turn up inside 26 random base32
   * characters by chance (a single {@code a} often does), which says nothing about the input.
   */
  @Property(tries = 300)
  void tokensNeverContainTheInput(@ForAll("keys") byte[] key, @ForAll("domains") TokenDomain domain,
      @ForAll @NotEmpty @StringLength(min = 8, max = 60) String input) {
    String token = Pseudonymiser.of(key).token(domain, input);

    assertThat(token).doesNotContain(input);
    assertThat(token.toLowerCase()).doesNotContain(input.toLowerCase());
  }

  @Provide
  Arbitrary<byte[]> keys() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Pseudonymiser.KEY_LENGTH);
  }

  @Provide
  Arbitrary<TokenDomain> domains() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(8).map(TokenDomain::of);
  }
}
