/**
 * Encryption at rest, as crm-core sees it: {@link io.crmkit.core.protection.FieldProtection}, the
 * port a storage adapter calls to encrypt a customer's protected fields before it writes them and
 * to compute the blind indexes it finds them by. crm-core defines the port and never encrypts;
 * crm-privacy implements it (with Tink), and the host chooses the keys.
 */
package io.crmkit.core.protection;
