package io.crmkit.privacy.pseudonym;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.anonymise.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns values into keyed tokens: {@code <prefix>_<26 base32 characters>}, the first 128 bits of
 * HMAC-SHA256 under the key over a domain-separated encoding of the domain's prefix and the value.
 * The same key, domain and value always give the same token, so two exports made with one key can
 * be joined on their tokens; another key or another domain gives unrelated tokens; and without the
 * key a token cannot be traced back or checked against a guessed value (unlike a plain hash, which
 * anyone can compute over a list of phone numbers). 128 bits keep accidental collisions out of
 * reach (about 2<sup>64</sup> values before one is likely) at half the length of the full MAC.
 *
 * <p>Get one from {@link PseudonymKeyring#pseudonymiser(String)} for a stored key, or from {@link
 * #of(byte[])} for key material the caller holds. Thread-safe.
 */
public final class Pseudonymiser {
  /** The length of the key material, in bytes (256 bits, HMAC-SHA256's block-size-safe choice). */
  public static final int KEY_LENGTH = 32;
  /** The number of MAC bytes a token keeps. */
  static final int TOKEN_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] DOMAIN_TAG = "crmkit-pseudonym-v1".getBytes(StandardCharsets.US_ASCII);
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final SecretKeySpec key;

  private Pseudonymiser(byte[] material) {
    this.key = new SecretKeySpec(material, ALGORITHM);
  }

  /**
   * A pseudonymiser with the given key material (copied; the caller may wipe its array).
   *
   * @throws NullPointerException if {@code material} is null
   * @throws IllegalArgumentException if it is not {@value #KEY_LENGTH} bytes
   */
  public static Pseudonymiser of(byte[] material) {
    Require.notNull(material, "material");
    Require.argument(material.length == KEY_LENGTH, "key material must be %s bytes, got %s", KEY_LENGTH,
        material.length);
    return new Pseudonymiser(material.clone());
  }

  /**
   * The token of {@code value} in {@code domain}.
   *
   * @throws NullPointerException if an argument is null
   */
  public String token(TokenDomain domain, String value) {
    Require.notNull(domain, "domain");
    Require.notNull(value, "value");
    byte[] mac = mac(domain, value.getBytes(StandardCharsets.UTF_8));
    return domain.prefix() + "_" + base32(Arrays.copyOf(mac, TOKEN_BYTES));
  }

  /**
   * The token of a customer id in {@link TokenDomain#CUSTOMER}: {@code cus_...}.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public String token(CustomerId customer) {
    Require.notNull(customer, "customer");
    return token(TokenDomain.CUSTOMER, customer.toString());
  }

  /**
   * {@code table} with every cell of {@code column} replaced by its token in {@code domain}, the
   * other columns and the row order unchanged: a direct identifier turned into a join key before
   * the table goes to the {@code Anonymiser} or out of the house.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the table has no such column
   */
  public Table tokeniseColumn(Table table, String column, TokenDomain domain) {
    Require.notNull(table, "table");
    Require.notNull(domain, "domain");
    int index = table.column(column);
    List<List<String>> rows = new ArrayList<>(table.size());
    for (List<String> row : table.rows()) {
      List<String> copy = new ArrayList<>(row);
      copy.set(index, token(domain, row.get(index)));
      rows.add(copy);
    }
    return new Table(table.header(), rows);
  }

  /** The key's material never shows. */
  @Override
  public String toString() {
    return "Pseudonymiser[HMAC-SHA256/128]";
  }

  /**
   * HMAC over tag, prefix length, prefix, value length, value: length-prefixed, so no (prefix,
   * value) pair shares its encoding with another.
   */
  private byte[] mac(TokenDomain domain, byte[] value) {
    byte[] prefix = domain.prefix().getBytes(StandardCharsets.US_ASCII);
    try {
      Mac hmac = Mac.getInstance(ALGORITHM);
      hmac.init(key);
      hmac.update(DOMAIN_TAG);
      hmac.update(ByteBuffer.allocate(4).putInt(prefix.length).array());
      hmac.update(prefix);
      hmac.update(ByteBuffer.allocate(4).putInt(value.length).array());
      hmac.update(value);
      return hmac.doFinal();
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the JDK rejected a " + KEY_LENGTH + "-byte HMAC key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + ALGORITHM + ", which every Java SE runtime must provide", e);
    }
  }

  /** RFC 4648 base32, lower case, no padding: 16 bytes become 26 characters. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
