package io.crmkit.core.customer;

/** Gender as the customer states it. Absent when unknown. */
public enum Gender {
  FEMALE,
  MALE,
  DIVERSE,
  /** The customer chose not to say. */
  UNDISCLOSED
}
