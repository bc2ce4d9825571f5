package io.crmkit.segmentation.clv;

/**
 * The unit the models measure time in. Every time (t_x, T, a prediction's horizon, a period of
 * discounting) of one model is in one unit; the fitted α of BG/NBD is in that unit too, so
 * parameters fitted in weeks cannot score histories in days.
 */
public enum ClvTimeUnit {
  /** One calendar day. */
  DAYS(1),
  /** Seven calendar days: the unit of the BG/NBD paper and of the CDNOW reference values. */
  WEEKS(7);

  private final int days;

  ClvTimeUnit(int days) {
    this.days = days;
  }

  /** How many days one unit has. */
  public int days() {
    return days;
  }

  /**
   * A number of days in this unit, unrounded ({@code 272} days are {@code 38.857...} weeks).
   *
   * @param days a count of days
   * @return {@code days} divided by the unit's length
   */
  public double fromDays(long days) {
    return (double) days / this.days;
  }
}
