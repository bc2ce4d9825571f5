package io.crmkit.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.privacy.audit.AuditEntry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Audit targets fit the log's limit and describe queries without their values. */
class AuditTargetsTest {

  @Test
  void aShortListingNamesEverything() {
    assertThat(AuditTargets.listing("customer.", List.of("tags", "owner"))).isEqualTo("customer.tags,owner");
  }

  @Test
  void aLongListingFitsTheLimitAndCountsWhatItLeftOut() {
    List<String> names = IntStream.range(0, 40).mapToObj(i -> "attribute:field" + i).toList();

    String target = AuditTargets.listing("customer.", names);

    assertThat(target).hasSizeLessThanOrEqualTo(AuditEntry.MAX_TARGET_LENGTH).matches("customer\\.[^ ]+ \\+\\d+ more");
    int listed = target.substring(0, target.indexOf(' ')).split(",").length;
    assertThat(target).endsWith(" +" + (names.size() - listed) + " more");
  }

  @Test
  void aQueryIsDescribedByItsShapeWithEveryValueHidden() {
    Criteria criteria = Criteria.eq(CustomerField.OWNER, "alice")
        .and(Criteria.hasPhone("+8613812345678").or(Criteria.hasTag("vip")).negate());

    String description = CriteriaDescription.of(criteria);

    assertThat(description).isEqualTo("and(owner=?, not(or(key phone=?, tag=?)))");
  }
}
