package io.crmkit.core.customer;

/** What a contact point is for. */
public enum ContactUse {
  HOME,
  WORK,
  MOBILE,
  FAX,
  OTHER
}
