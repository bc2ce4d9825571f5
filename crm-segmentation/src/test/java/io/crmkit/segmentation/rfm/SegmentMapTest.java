package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentMapTest {

  @Test
  void theStandardMapNamesTheElevenSegmentsAndCoversEveryCell() {
    SegmentMap map = SegmentMap.standard();

    assertThat(map.segments()).containsExactlyInAnyOrderElementsOf(RfmSegment.STANDARD);
    assertThat(map.segmentOf(new RfmScore(5, 5, 5))).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(map.segmentOf(new RfmScore(5, 1, 1))).isEqualTo(RfmSegment.NEW_CUSTOMERS);
    assertThat(map.segmentOf(new RfmScore(4, 1, 1))).isEqualTo(RfmSegment.PROMISING);
    assertThat(map.segmentOf(new RfmScore(3, 4, 4))).isEqualTo(RfmSegment.LOYAL);
    assertThat(map.segmentOf(new RfmScore(3, 1, 1))).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
    assertThat(map.segmentOf(new RfmScore(3, 2, 3))).isEqualTo(RfmSegment.NEED_ATTENTION);
    assertThat(map.segmentOf(new RfmScore(1, 5, 5))).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
    assertThat(map.segmentOf(new RfmScore(2, 3, 3))).isEqualTo(RfmSegment.AT_RISK);
    assertThat(map.segmentOf(new RfmScore(2, 1, 1))).isEqualTo(RfmSegment.HIBERNATING);
    assertThat(map.segmentOf(new RfmScore(1, 1, 2))).isEqualTo(RfmSegment.LOST);
    assertThat(map.segmentOf(new RfmScore(5, 2, 3))).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
  }

  @Test
  void aCompanysOwnMapMayUseItsOwnNames() {
    RfmSegment recent = new RfmSegment("Recent");
    RfmSegment dormant = new RfmSegment("Dormant");

    SegmentMap map = SegmentMap.builder().assign(recent, 3, 5, 1, 5).assign(dormant, 1, 2, 1, 5).build();

    assertThat(map.segmentOf(3, 1)).isEqualTo(recent);
    assertThat(map.segmentOf(new RfmScore(2, 5, 5))).isEqualTo(dormant);
  }

  @Test
  void aCellGivenTwoSegmentsIsRefusedAtOnce() {
    SegmentMap.Builder builder = SegmentMap.builder().assign(RfmSegment.CHAMPIONS, 4, 5, 4, 5);

    assertThatThrownBy(() -> builder.assign(RfmSegment.LOYAL, 3, 4, 3, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell R 4 FM 4 is Champions already");
  }

  @Test
  void aMapWithEmptyCellsNamesThemAll() {
    SegmentMap.Builder builder = SegmentMap.builder().assign(RfmSegment.LOST, 1, 5, 1, 4);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("R 1 FM 5").hasMessageContaining("R 5 FM 5");
  }
}
