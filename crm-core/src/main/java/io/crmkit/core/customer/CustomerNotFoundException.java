package io.crmkit.core.customer;

import io.crmkit.core.common.CrmException;

/** No customer has the id asked for. */
public class CustomerNotFoundException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient CustomerId id;

  public CustomerNotFoundException(CustomerId id) {
    super("No customer with id " + id);
    this.id = id;
  }

  public CustomerId id() {
    return id;
  }
}
