package io.crmkit.core.customer;

/** Whether a customer is a natural person or an organisation (company, agency, association, ...). */
public enum CustomerKind {
  PERSON,
  ORGANISATION
}
