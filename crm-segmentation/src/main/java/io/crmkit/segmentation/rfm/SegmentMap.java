package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Names the segment of every cell of the 5 × 5 grid of recency score (R) and combined
 * frequency/monetary score ({@link RfmScore#frequencyMonetary() FM}). A map is checked when built:
 * every cell has exactly one segment, so no score falls through and no order of rules decides.
 *
 * <p>The {@linkplain #standard() standard map} (rows R 5 to 1, columns FM 1 to 5):
 *
 * <pre>
 * R\FM  1               2                   3                   4                5
 *  5    New Customers   Potential Loyalist  Potential Loyalist  Champions        Champions
 *  4    Promising       Potential Loyalist  Loyal               Champions        Champions
 *  3    About to Sleep  Need Attention      Need Attention      Loyal            Loyal
 *  2    Hibernating     Hibernating         At Risk             At Risk          Can't Lose Them
 *  1    Lost            Lost                At Risk             Can't Lose Them  Can't Lose Them
 * </pre>
 */
public final class SegmentMap {
  private static final SegmentMap STANDARD = builder()
      .assign(RfmSegment.CHAMPIONS, 4, 5, 4, 5)
      .assign(RfmSegment.LOYAL, 4, 4, 3, 3)
      .assign(RfmSegment.LOYAL, 3, 3, 4, 5)
      .assign(RfmSegment.POTENTIAL_LOYALIST, 5, 5, 2, 3)
      .assign(RfmSegment.POTENTIAL_LOYALIST, 4, 4, 2, 2)
      .assign(RfmSegment.NEW_CUSTOMERS, 5, 5, 1, 1)
      .assign(RfmSegment.PROMISING, 4, 4, 1, 1)
      .assign(RfmSegment.ABOUT_TO_SLEEP, 3, 3, 1, 1)
      .assign(RfmSegment.NEED_ATTENTION, 3, 3, 2, 3)
      .assign(RfmSegment.HIBERNATING, 2, 2, 1, 2)
      .assign(RfmSegment.LOST, 1, 1, 1, 2)
      .assign(RfmSegment.AT_RISK, 1, 2, 3, 3)
      .assign(RfmSegment.AT_RISK, 2, 2, 4, 4)
      .assign(RfmSegment.CANNOT_LOSE_THEM, 2, 2, 5, 5)
      .assign(RfmSegment.CANNOT_LOSE_THEM, 1, 1, 4, 5)
      .build();

  /** cells[r - 1][fm - 1]. */
  private final RfmSegment[][] cells;

  private SegmentMap(RfmSegment[][] cells) {
    this.cells = cells;
  }

  /** The common eleven-segment map, as in the class comment. */
  public static SegmentMap standard() {
    return STANDARD;
  }

  /** An empty map to fill cell by cell. */
  public static Builder builder() {
    return new Builder();
  }

  /** The segment of {@code score}. */
  public RfmSegment segmentOf(RfmScore score) {
    Objects.requireNonNull(score, "score");
    return cells[score.recency() - 1][score.frequencyMonetary() - 1];
  }

  /** The segment of the cell at recency score {@code r} and combined score {@code fm}, both 1..5. */
  public RfmSegment segmentOf(int r, int fm) {
    Require.inRange(r, 1, 5, "r");
    Require.inRange(fm, 1, 5, "fm");
    return cells[r - 1][fm - 1];
  }

  /** Every segment the map names, in the order first assigned. */
  public Set<RfmSegment> segments() {
    Set<RfmSegment> segments = new LinkedHashSet<>();
    for (RfmSegment[] row : cells) {
      segments.addAll(List.of(row));
    }
    return segments;
  }

  /** Assembles a {@link SegmentMap}. Not thread-safe. */
  public static final class Builder {
    private final RfmSegment[][] cells = new RfmSegment[5][5];

    private Builder() {}

    /**
     * Gives {@code segment} every cell with R in {@code rFrom..rTo} and FM in {@code fmFrom..fmTo}.
     *
     * @throws IllegalArgumentException if a bound is outside 1..5, a range is reversed, or a cell
     *     already has a segment
     */
    public Builder assign(RfmSegment segment, int rFrom, int rTo, int fmFrom, int fmTo) {
      Objects.requireNonNull(segment, "segment");
      Require.inRange(rFrom, 1, 5, "rFrom");
      Require.inRange(rTo, rFrom, 5, "rTo");
      Require.inRange(fmFrom, 1, 5, "fmFrom");
      Require.inRange(fmTo, fmFrom, 5, "fmTo");
      for (int r = rFrom; r <= rTo; r++) {
        for (int fm = fmFrom; fm <= fmTo; fm++) {
          RfmSegment taken = cells[r - 1][fm - 1];
          Require.argument(taken == null, "cell R %s FM %s is %s already, cannot also be %s", r, fm, taken, segment);
          cells[r - 1][fm - 1] = segment;
        }
      }
      return this;
    }

    /**
     * The map.
     *
     * @throws IllegalStateException naming every cell left without a segment
     */
    public SegmentMap build() {
      List<String> missing = new ArrayList<>();
      RfmSegment[][] copy = new RfmSegment[5][];
      for (int r = 1; r <= 5; r++) {
        for (int fm = 1; fm <= 5; fm++) {
          if (cells[r - 1][fm - 1] == null) {
            missing.add("R " + r + " FM " + fm);
          }
        }
        copy[r - 1] = cells[r - 1].clone();
      }
      Require.state(missing.isEmpty(), "every cell needs a segment; missing: %s", missing);
      return new SegmentMap(copy);
    }
  }
}
