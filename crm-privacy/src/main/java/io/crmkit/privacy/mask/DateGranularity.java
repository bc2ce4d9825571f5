package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;
import java.time.LocalDate;

/**
 * How far a masked date is coarsened: to the first day of its month or of its year. A coarsened
 * date is never later than the date, so a birth date stays in the past, and coarsening twice is
 * coarsening once.
 */
public enum DateGranularity {
  MONTH,
  YEAR;

  public LocalDate coarsen(LocalDate date) {
    Require.notNull(date, "date");
    return this == MONTH ? date.withDayOfMonth(1) : date.withDayOfYear(1);
  }
}
