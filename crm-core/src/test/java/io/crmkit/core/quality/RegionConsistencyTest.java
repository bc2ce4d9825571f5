package io.crmkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.standardise.Standardiser;
import org.junit.jupiter.api.Test;

/** A GB/T 2260 region code against the place its address's text names. */
class RegionConsistencyTest {
  private final RegionConsistency regions = new RegionConsistency(Standardiser.defaults());

  private static PostalAddress.Builder cn(String code) {
    return new PostalAddress.Builder().country("CN").regionCode(code);
  }

  @Test
  void aDistrictCodeAgreesWithItsProvinceAndItsDistrictByName() {
    assertThat(regions.agrees(cn("110105").region("北京市").build())).contains(true);
    assertThat(regions.agrees(cn("110105").region("北京市").district("朝阳区").build())).contains(true);
    assertThat(regions.agrees(cn("440305").line("广东省深圳市南山区科技园").build())).contains(true);
  }

  @Test
  void aCodeOfAnotherPlaceDisagrees() {
    assertThat(regions.agrees(cn("310101").region("北京市").build())).contains(false);
    assertThat(regions.agrees(cn("440305").region("广东省").city("广州市").build())).contains(false);
  }

  @Test
  void whatCannotBeCheckedHasNoVerdict() {
    assertThat(regions.agrees(cn("110105").build())).as("no text").isEmpty();
    assertThat(regions.agrees(cn("DE-BY").region("北京市").build())).as("not a division code").isEmpty();
    assertThat(regions.agrees(new PostalAddress.Builder().country("DE").regionCode("110105").region("Bayern")
        .build())).as("not in China").isEmpty();
    assertThat(regions.agrees(cn("110105").street("Main Street 1").build())).as("no place named").isEmpty();
  }

  @Test
  void codesAreComparedAtTheCoarserLevel() {
    assertThat(RegionConsistency.samePlace("110105", "110000")).isTrue();
    assertThat(RegionConsistency.samePlace("110000", "110105")).isTrue();
    assertThat(RegionConsistency.samePlace("440305", "440100")).isFalse();
    assertThat(RegionConsistency.samePlace("440305", "440300")).isTrue();
    assertThat(RegionConsistency.depth("440000")).isEqualTo(2);
    assertThat(RegionConsistency.depth("440300")).isEqualTo(4);
    assertThat(RegionConsistency.depth("440305")).isEqualTo(6);
  }
}
