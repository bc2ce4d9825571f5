package io.crmkit.privacy.access;

/**
 * What a caller does with a scope of a customer's data. Permissions are granted per action and
 * {@link FieldScope}, so that, for example, an analyst may read contact data masked and export it,
 * but neither read it in clear nor change it.
 */
public enum FieldAction {
  /** Read the data with its personal values masked: enough to recognise and work with a record. */
  READ_MASKED,
  /** Read the personal values as they are. Every such read is audited. */
  READ_CLEAR,
  /** Register or change the data (and, for the non-personal scope, record activities and merge). */
  WRITE,
  /** Take the data out of the system in bulk; in clear only where the caller may also read clear. */
  EXPORT,
  /** Erase or irreversibly anonymise the data (people's right to erasure). */
  ERASE
}
