package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.Require;

/**
 * Scores from 1 (worst) to 5 (best): recency (5 = bought most recently), frequency and monetary.
 *
 * @param recency the R score
 * @param frequency the F score
 * @param monetary the M score
 */
public record RfmScore(int recency, int frequency, int monetary) {

  /** @throws IllegalArgumentException if a score is outside 1..5 */
  public RfmScore {
    Require.inRange(recency, 1, 5, "recency");
    Require.inRange(frequency, 1, 5, "frequency");
    Require.inRange(monetary, 1, 5, "monetary");
  }

  /**
   * The combined frequency/monetary score the segment map reads: the mean of F and M, a half
   * rounded up ((F + M + 1) / 2), so F 4 and M 5 give 5, and F 1 and M 2 give 2.
   */
  public int frequencyMonetary() {
    return (frequency + monetary + 1) / 2;
  }

  /** The usual three-digit code, such as {@code 545}. */
  public String code() {
    return "" + recency + frequency + monetary;
  }
}
