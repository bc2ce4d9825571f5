package io.crmkit.core.customer;

/** What a postal address is used for. */
public enum AddressUse {
  HOME,
  WORK,
  BILLING,
  SHIPPING,
  /** An organisation's registered (legal) address. */
  REGISTERED,
  OTHER
}
