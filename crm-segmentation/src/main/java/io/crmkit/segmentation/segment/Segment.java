package io.crmkit.segmentation.segment;

import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import java.util.Objects;

/**
 * A named segment: the customers that match its criteria when asked, such as "VIP at risk" =
 * {@code and(tierIs(VIP), metric("p_alive").lessThan(0.3))}. A segment stores its definition, not
 * its members, so it follows the customers and their computed metrics as they change.
 *
 * @param name 1 to {@value #MAX_NAME_LENGTH} printable characters on one line; segments are
 *     looked up by exact name
 * @param criteria who belongs, in crm-core's query language, metric criteria included
 */
public record Segment(String name, Criteria criteria) {
  /** The longest segment name. */
  public static final int MAX_NAME_LENGTH = 100;

  /** @throws IllegalArgumentException if the name is blank, too long or not printable on one line */
  public Segment {
    checkName(name);
    Objects.requireNonNull(criteria, "criteria");
  }

  /** A segment named {@code name} of the customers matching {@code criteria}. */
  public static Segment of(String name, Criteria criteria) {
    return new Segment(name, criteria);
  }

  /**
   * Checks a segment name.
   *
   * @return {@code name}
   * @throws IllegalArgumentException if it is blank, longer than {@value #MAX_NAME_LENGTH}
   *     characters or not printable on one line
   */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    Require.argument(!name.isBlank() && name.length() <= MAX_NAME_LENGTH && PrintableText.Validator.isPrintable(name, false),
        "a segment name must be 1-%s printable characters on one line, got '%s'", MAX_NAME_LENGTH, name);
    return name;
  }
}
