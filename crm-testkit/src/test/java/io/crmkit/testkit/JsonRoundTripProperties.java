package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.json.CrmJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;

/**
 * Every model type survives a trip through {@link CrmJson#newMapper} unchanged. Events are proved
 * per family by {@link io.crmkit.testkit.contract.EventFamilyContract} runs ({@code
 * CustomerEventFamilyTest}).
 */
@Domain(CrmDomain.class)
class JsonRoundTripProperties {
  private static final ObjectMapper MAPPER = CrmJson.newMapper();

  @Property
  void newCustomersRoundTrip(@ForAll NewCustomer customer) throws JsonProcessingException {
    assertThat(roundTrip(customer, NewCustomer.class)).isEqualTo(customer);
  }

  @Property
  void customersRoundTrip(@ForAll Customer customer) throws JsonProcessingException {
    assertThat(roundTrip(customer, Customer.class)).isEqualTo(customer);
  }

  @Property
  void personNamesRoundTrip(@ForAll PersonName name) throws JsonProcessingException {
    assertThat(roundTrip(name, PersonName.class)).isEqualTo(name);
  }

  @Property
  void contactPointsRoundTrip(@ForAll ContactPoint point) throws JsonProcessingException {
    assertThat(roundTrip(point, ContactPoint.class)).isEqualTo(point);
  }

  @Property
  void postalAddressesRoundTrip(@ForAll PostalAddress address) throws JsonProcessingException {
    assertThat(roundTrip(address, PostalAddress.class)).isEqualTo(address);
  }

  @Property
  void needsRoundTrip(@ForAll Need need) throws JsonProcessingException {
    assertThat(roundTrip(need, Need.class)).isEqualTo(need);
  }

  @Property(tries = 500)
  void attributeValuesRoundTrip(@ForAll AttributeValue value) throws JsonProcessingException {
    assertThat(roundTrip(value, AttributeValue.class)).isEqualTo(value);
  }

  @Property
  void externalReferencesRoundTrip(@ForAll ExternalReference reference) throws JsonProcessingException {
    assertThat(roundTrip(reference, ExternalReference.class)).isEqualTo(reference);
  }

  @Property
  void organisationIdentifiersRoundTrip(@ForAll OrganisationIdentifier identifier) throws JsonProcessingException {
    assertThat(roundTrip(identifier, OrganisationIdentifier.class)).isEqualTo(identifier);
  }

  @Property
  void personIdentifiersRoundTrip(@ForAll PersonIdentifier identifier) throws JsonProcessingException {
    assertThat(roundTrip(identifier, PersonIdentifier.class)).isEqualTo(identifier);
  }

  @Property
  void purchasesRoundTripWithMoneyExactly(@ForAll Purchase purchase) throws JsonProcessingException {
    Purchase read = roundTrip(purchase, Purchase.class);
    assertThat(read).isEqualTo(purchase);
    assertThat(read.amount().getAmount().scale()).isEqualTo(purchase.amount().getAmount().scale());
  }

  @Property
  void interactionsRoundTrip(@ForAll Interaction interaction) throws JsonProcessingException {
    assertThat(roundTrip(interaction, Interaction.class)).isEqualTo(interaction);
  }

  private static <T> T roundTrip(T value, Class<T> type) throws JsonProcessingException {
    return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
  }
}
