package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerRules;
import net.jqwik.api.Example;

/** The hand-made edge customers of the contract are valid, and their texts really are at the limits. */
class ExtremeCustomersTest {
  private static final CrmValidator VALIDATOR = CrmValidator.create();

  @Example
  void everyExtremeCustomerIsValid() {
    for (Customer customer : ExtremeCustomers.all()) {
      assertThat(VALIDATOR.violations(customer, CustomerRules.ALL)).as("%s", customer).isEmpty();
    }
  }

  @Example
  void textsFillTheirLimitsExactly() {
    Customer person = ExtremeCustomers.person();
    assertThat(person.displayName()).hasSize(200);
    assertThat(person.personName().orElseThrow().familyName().orElseThrow()).hasSize(100);
    assertThat(person.contactPoints().get(0).value()).hasSize(254);
    assertThat(person.addresses().get(0).line().orElseThrow()).hasSize(500);
    assertThat(ExtremeCustomers.organisation().legalName().orElseThrow()).hasSize(200);
  }

  @Example
  void fillNeverSplitsASurrogatePair() {
    assertThat(ExtremeCustomers.fill("😀", 5)).isEqualTo("😀😀x");
    assertThat(ExtremeCustomers.fill("ab", 3)).isEqualTo("aba");
  }
}
