/**
 * Check-character systems that detect typing errors in codes: ISO 7064 (pure and hybrid
 * systems), Luhn and Damm, behind one {@link io.crmkit.core.checkdigit.CheckCharacterSystem}
 * interface.
 */
package io.crmkit.core.checkdigit;
