package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.dedup.MatchInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedCustomersTest {
  private static final CrmValidator VALIDATOR = CrmValidator.create();

  @Test
  void everyGeneratedRecordBecomesACustomerThatPassesValidationAndTheCustomerRules() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(17).entities(3_000).duplicateShare(0.5)
        .organisationShare(0.3).build().generate();
    List<NewCustomer> customers = records.stream().map(GeneratedCustomers::toNewCustomer).toList();

    List<List<Violation>> violations = VALIDATOR.violationsOfAll(customers, CustomerRules.ALL);
    for (int i = 0; i < customers.size(); i++) {
      assertThat(violations.get(i)).as("%s from %s", customers.get(i), records.get(i).input()).isEmpty();
    }
  }

  @Test
  void everyWrittenPhoneIsKeptInE164AndTheRecordLeadsBackToItsSource() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(18).entities(2_000)
        .rate(Variation.PHONE_FORMAT, 1).rate(Variation.FULL_WIDTH, 0.3).build().generate();

    for (GeneratedRecord record : records) {
      NewCustomer customer = GeneratedCustomers.toNewCustomer(record);
      long phones = customer.contactPoints().stream().filter(p -> p.channel() == ContactPoint.Channel.PHONE).count();
      assertThat(phones).as("phones of %s", record.input()).isEqualTo(record.input().phones().size());
      assertThat(customer.externalReferences())
          .containsExactly(ExternalReference.of(record.input().source().orElseThrow(), record.id()));
    }
  }

  @Test
  void identifiersBecomeCreditCodesDunsNumbersOrResidentIdsWhateverWayTheyAreWritten() {
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(19).entities(2_000).organisationShare(0.5)
        .rate(Variation.IDENTIFIER_FORM, 1).rate(Variation.FULL_WIDTH, 0.3).build().generate();

    for (GeneratedRecord record : records) {
      if (record.input().identifier().isEmpty()) {
        continue;
      }
      NewCustomer customer = GeneratedCustomers.toNewCustomer(record);
      if (customer.kind() == CustomerKind.ORGANISATION) {
        assertThat(customer.organisationIdentifiers()).singleElement()
            .extracting(OrganisationIdentifier::scheme).isIn(OrganisationIdentifier.CN_USCC, OrganisationIdentifier.DUNS);
      } else {
        assertThat(customer.personIdentifiers()).singleElement()
            .extracting(PersonIdentifier::scheme).isEqualTo(PersonIdentifier.CN_RIN);
        assertThat(customer.attributes()).isEmpty();
      }
    }
  }

  @Test
  void everyGeneratedCustomerRegistersThroughTheFacade() {
    Crm crm = Crm.builder().build();
    List<GeneratedRecord> records = DuplicateGenerator.builder().seed(20).entities(300).build().generate();

    records.forEach(record -> crm.register(GeneratedCustomers.toNewCustomer(record)));

    assertThat(crm.count(Criteria.all())).isEqualTo(records.size());
  }

  @Test
  void aNameInOneFieldIsSplitAsPeopleWriteIt() {
    assertThat(GeneratedCustomers.splitFullName("张伟")).isEqualTo(PersonName.of("张", "伟"));
    assertThat(GeneratedCustomers.splitFullName("欧阳娜")).isEqualTo(PersonName.of("欧阳", "娜"));
    assertThat(GeneratedCustomers.splitFullName("Mary Ann Smith")).isEqualTo(PersonName.of("Smith", "Mary Ann"));
    assertThat(GeneratedCustomers.splitFullName("Mary van der Berg")).isEqualTo(PersonName.of("van der Berg", "Mary"));
    assertThat(GeneratedCustomers.splitFullName("Zhang  Wei")).isEqualTo(PersonName.of("Wei", "Zhang"));
    assertThat(GeneratedCustomers.splitFullName(" ZhangWei ")).isEqualTo(PersonName.of("ZhangWei", null));
    assertThat(GeneratedCustomers.splitFullName("李")).isEqualTo(PersonName.of("李", null));
  }

  @Test
  void theKindFollowsFromALegalNameWhenTheRecordHasNone() {
    NewCustomer organisation = GeneratedCustomers.toNewCustomer(new MatchInput.Builder().id("1")
        .legalName("华为技术有限公司").build());
    NewCustomer person = GeneratedCustomers.toNewCustomer(new MatchInput.Builder().id("2").fullName("Bob Smith")
        .build());

    assertThat(organisation.kind()).isEqualTo(CustomerKind.ORGANISATION);
    assertThat(organisation.externalReferences()).containsExactly(ExternalReference.of("generated", "1"));
    assertThat(person.kind()).isEqualTo(CustomerKind.PERSON);
  }

  @Test
  void aRecordWithoutANameForItsKindIsRefused() {
    assertThatThrownBy(() -> GeneratedCustomers.toNewCustomer(new MatchInput.Builder().id("r9")
        .kind(CustomerKind.ORGANISATION).fullName("Bob").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("record r9 is an organisation without a legal name");
    assertThatThrownBy(() -> GeneratedCustomers.toNewCustomer(new MatchInput.Builder().id("r8").build()))
        .hasMessage("record r8 is a person without a name");
  }
}
