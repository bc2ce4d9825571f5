package io.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.NewCustomer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link CrmValidator#violationsOfAll} reports for each value what {@code violations} reports for it. */
class CrmValidatorBatchTest {
  private static final CrmValidator VALIDATOR = CrmValidator.create();

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  /** Every fifth customer breaks a constraint, every seventh a domain rule. */
  private static List<NewCustomer> mixed(int count) {
    List<NewCustomer> customers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      NewCustomer.Builder builder = NewCustomer.person("Li", "Customer " + i)
          .addContactPoint(ContactPoint.email(i % 7 == 0 ? "customer" + i : "customer" + i + "@example.com"));
      if (i % 5 == 0) {
        builder.addTag(" ");
      }
      customers.add(builder.build());
    }
    return customers;
  }

  @Test
  void aLongListIsReportedValueByValueInItsOrder() {
    List<NewCustomer> customers = mixed(500);

    List<List<Violation>> report = VALIDATOR.violationsOfAll(customers, CustomerRules.ALL);

    assertThat(report).hasSize(customers.size());
    for (int i = 0; i < customers.size(); i++) {
      assertThat(report.get(i)).as("customer %d", i).isEqualTo(VALIDATOR.violations(customers.get(i), CustomerRules.ALL));
    }
    assertThat(report.get(35)).extracting(Violation::rule).containsExactly("NotBlank", "email-format");
    assertThat(report.get(1)).isEmpty();
  }

  @Test
  void aShortListAndAListWithoutRandomAccessAreReportedTheSameWay() {
    List<NewCustomer> customers = mixed(12);

    assertThat(VALIDATOR.violationsOfAll(new LinkedList<>(customers), CustomerRules.ALL))
        .isEqualTo(customers.stream().map(c -> VALIDATOR.violations(c, CustomerRules.ALL)).toList());
  }

  @Test
  void everyRuleSeesEveryValueOnce() {
    List<NewCustomer> customers = mixed(300);
    Set<NewCustomer> seen = ConcurrentHashMap.newKeySet();
    DomainRule<NewCustomer> recording = customer -> {
      assertThat(seen.add(customer)).as("seen once").isTrue();
      return List.of();
    };

    VALIDATOR.violationsOfAll(customers, recording);

    assertThat(seen).containsExactlyInAnyOrderElementsOf(customers);
  }

  @Test
  void theReportCannotBeChanged() {
    List<List<Violation>> report = VALIDATOR.violationsOfAll(mixed(3));

    assertThatThrownBy(() -> report.get(0).clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> report.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEmptyListHasAnEmptyReport() {
    assertThat(VALIDATOR.violationsOfAll(List.of(), CustomerRules.ALL)).isEmpty();
  }

  @Test
  void nullValuesAndRulesAreRejected() {
    assertThatThrownBy(() -> VALIDATOR.violationsOfAll(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> VALIDATOR.violationsOfAll(Arrays.asList(mixed(1).get(0), null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> VALIDATOR.violationsOfAll(mixed(1), (DomainRule<NewCustomer>) null))
        .isInstanceOf(NullPointerException.class);
  }
}
