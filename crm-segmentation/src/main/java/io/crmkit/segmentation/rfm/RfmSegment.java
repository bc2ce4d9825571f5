package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.Require;
import java.util.List;

/**
 * A named RFM segment. The constants are the eleven of the common map ({@link SegmentMap#standard});
 * a company may name its own.
 *
 * @param name 1 to {@value #MAX_NAME_LENGTH} characters, not blank
 */
public record RfmSegment(String name) {
  /** The longest segment name. */
  public static final int MAX_NAME_LENGTH = 64;

  public static final RfmSegment CHAMPIONS = new RfmSegment("Champions");
  public static final RfmSegment LOYAL = new RfmSegment("Loyal");
  public static final RfmSegment POTENTIAL_LOYALIST = new RfmSegment("Potential Loyalist");
  public static final RfmSegment NEW_CUSTOMERS = new RfmSegment("New Customers");
  public static final RfmSegment PROMISING = new RfmSegment("Promising");
  public static final RfmSegment NEED_ATTENTION = new RfmSegment("Need Attention");
  public static final RfmSegment ABOUT_TO_SLEEP = new RfmSegment("About to Sleep");
  public static final RfmSegment AT_RISK = new RfmSegment("At Risk");
  public static final RfmSegment CANNOT_LOSE_THEM = new RfmSegment("Can't Lose Them");
  public static final RfmSegment HIBERNATING = new RfmSegment("Hibernating");
  public static final RfmSegment LOST = new RfmSegment("Lost");

  /** The eleven standard segments, best first. */
  public static final List<RfmSegment> STANDARD = List.of(CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, NEW_CUSTOMERS,
      PROMISING, NEED_ATTENTION, ABOUT_TO_SLEEP, AT_RISK, CANNOT_LOSE_THEM, HIBERNATING, LOST);

  /** @throws IllegalArgumentException if the name is blank or too long */
  public RfmSegment {
    Require.notBlank(name, "name");
    Require.argument(name.length() <= MAX_NAME_LENGTH, "a segment name has at most %s characters, got %s",
        MAX_NAME_LENGTH, name.length());
  }

  @Override
  public String toString() {
    return name;
  }
}
