/**
 * Chinese official identifiers with their check characters: the organisation's {@link
 * io.crmkit.core.identifier.UnifiedSocialCreditCode} (GB 32100-2015) and the person's {@link
 * io.crmkit.core.identifier.ResidentIdentityNumber} (GB 11643-1999). Each parses into a typed
 * value that exposes what the code embeds (region code; birth date and sex), reports every
 * problem as {@link io.crmkit.core.common.Violation}s, and comes with a Jakarta constraint
 * ({@link io.crmkit.core.identifier.ValidUnifiedSocialCreditCode}, {@link
 * io.crmkit.core.identifier.ValidResidentIdentityNumber}) for input types.
 *
 * <p>Depends on {@code checkdigit} and {@code common} only, so the customer model can use it.
 */
package io.crmkit.core.identifier;
