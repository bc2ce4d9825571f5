/**
 * Pseudonymisation: keyed, one-way tokens ({@link io.crmkit.privacy.pseudonym.Pseudonymiser},
 * HMAC-SHA256 truncated to 128 bits, prefixed per {@link io.crmkit.privacy.pseudonym.TokenDomain})
 * that stay the same across exports for the same key and input, so exported files can be joined
 * without revealing who is who. The keys are named, dated and retired in the {@link
 * io.crmkit.privacy.pseudonym.PseudonymKeys} port; their material is stored only wrapped by the
 * host's {@link io.crmkit.privacy.pseudonym.KeyWrapper} (a secret it holds, or its KMS), and {@link
 * io.crmkit.privacy.pseudonym.PseudonymKeyring} ties the two together.
 */
package io.crmkit.privacy.pseudonym;
