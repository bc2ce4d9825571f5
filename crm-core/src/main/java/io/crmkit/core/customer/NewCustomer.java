package io.crmkit.core.customer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A customer to register: all details, no identity yet. The {@code Crm} facade gives it an id,
 * timestamps and a version and stores it as a {@link Customer}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNewCustomer.class)
@JsonDeserialize(as = ImmutableNewCustomer.class)
public interface NewCustomer extends CustomerDetails {

  /** A person with the given family and given name. */
  static Builder person(String familyName, String givenName) {
    Builder builder = new Builder();
    builder.kind(CustomerKind.PERSON).personName(PersonName.of(familyName, givenName));
    return builder;
  }

  /** An organisation with the given legal name. */
  static Builder organisation(String legalName) {
    Builder builder = new Builder();
    builder.kind(CustomerKind.ORGANISATION).legalName(legalName);
    return builder;
  }

  class Builder extends ImmutableNewCustomer.Builder {}
}
