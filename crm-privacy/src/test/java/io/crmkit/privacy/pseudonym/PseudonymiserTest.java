package io.crmkit.privacy.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.anonymise.Table;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  private static final byte[] KEY = new byte[Pseudonymiser.KEY_LENGTH];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  @Test
  void aTokenIsTheTruncatedHmacOfTheLengthPrefixedDomainAndValueInBase32() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    mac.update("crmkit-pseudonym-v1".getBytes(StandardCharsets.US_ASCII));
    mac.update(new byte[] {0, 0, 0, 3});
    mac.update("cus".getBytes(StandardCharsets.US_ASCII));
    mac.update(new byte[] {0, 0, 0, 5});
    mac.update("hello".getBytes(StandardCharsets.UTF_8));
    byte[] expected = Arrays.copyOf(mac.doFinal(), 16);

    String token = Pseudonymiser.of(KEY).token(TokenDomain.CUSTOMER, "hello");

    assertThat(token).startsWith("cus_").hasSize(4 + 26);
    assertThat(Pseudonymiser.base32(expected)).isEqualTo(token.substring(4));
  }

  @Test
  void base32FollowsRfc4648InLowerCaseWithoutPadding() {
    // RFC 4648 test vector: BASE32("foobar") = "MZXW6YTBOI======".
    assertThat(Pseudonymiser.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6ytboi");
    assertThat(Pseudonymiser.base32(HexFormat.of().parseHex("ff"))).isEqualTo("74");
  }

  @Test
  void aCustomerIdIsTokenisedInTheCustomerDomain() {
    CustomerId id = CustomerId.of(UUID.fromString("0190f7a2-0000-7000-8000-000000000001"));
    Pseudonymiser pseudonymiser = Pseudonymiser.of(KEY);

    assertThat(pseudonymiser.token(id)).isEqualTo(pseudonymiser.token(TokenDomain.CUSTOMER, id.toString()))
        .startsWith("cus_");
  }

  @Test
  void tokenisingAColumnReplacesOnlyThatColumnKeepingRowsInOrder() {
    Table table = new Table(List.of("customer", "age"), List.of(List.of("a-1", "34"), List.of("b-2", "51"),
        List.of("a-1", "29")));
    Pseudonymiser pseudonymiser = Pseudonymiser.of(KEY);

    Table out = pseudonymiser.tokeniseColumn(table, "customer", TokenDomain.CUSTOMER);

    assertThat(out.header()).isEqualTo(table.header());
    assertThat(out.rows()).extracting(row -> row.get(1)).containsExactly("34", "51", "29");
    assertThat(out.rows()).extracting(row -> row.get(0)).containsExactly(
        pseudonymiser.token(TokenDomain.CUSTOMER, "a-1"), pseudonymiser.token(TokenDomain.CUSTOMER, "b-2"),
        pseudonymiser.token(TokenDomain.CUSTOMER, "a-1"));
  }

  @Test
  void tokenisingAMissingColumnFailsNamingIt() {
    Table table = new Table(List.of("age"), List.of(List.of("34")));

    assertThatThrownBy(() -> Pseudonymiser.of(KEY).tokeniseColumn(table, "customer", TokenDomain.CUSTOMER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer");
  }

  @Test
  void keyMaterialMustBe32BytesAndIsCopied() {
    assertThatThrownBy(() -> Pseudonymiser.of(new byte[16])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 16");
    byte[] key = KEY.clone();
    Pseudonymiser pseudonymiser = Pseudonymiser.of(key);
    String before = pseudonymiser.token(TokenDomain.CUSTOMER, "x");
    Arrays.fill(key, (byte) 0);

    assertThat(pseudonymiser.token(TokenDomain.CUSTOMER, "x")).isEqualTo(before);
    assertThat(pseudonymiser.toString()).doesNotContain("7");
  }

  @Test
  void aDomainPrefixIsTwoToEightLowerCaseLetters() {
    assertThat(TokenDomain.of("ord").prefix()).isEqualTo("ord");
    assertThatThrownBy(() -> TokenDomain.of("c")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenDomain.of("Cus")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenDomain.of("cus_")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenDomain.of("customers")).isInstanceOf(IllegalArgumentException.class);
  }
}
