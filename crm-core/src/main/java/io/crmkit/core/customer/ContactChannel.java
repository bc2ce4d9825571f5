package io.crmkit.core.customer;

/** How a contact point reaches the customer. */
public enum ContactChannel {
  /** An e-mail address. */
  EMAIL,
  /** A telephone number in E.164 form, for example {@code +8613812345678}. */
  PHONE,
  /** Anything else (a messenger handle, a social-media account, ...); name it in the label. */
  OTHER
}
