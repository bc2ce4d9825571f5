/**
 * Encryption at rest with Tink: {@link io.crmkit.privacy.crypto.TinkFieldProtection} implements
 * crm-core's {@code FieldProtection} port (AES-256-GCM per field, the field and the row's context
 * as associated data; an HMAC-SHA256 blind index per field with a key of its own). Keys come from
 * a {@link io.crmkit.privacy.crypto.KeyProvider} the host implements over its KMS, or from {@link
 * io.crmkit.privacy.crypto.InMemoryKeyProvider}, whose keysets can be saved and loaded wrapped
 * under a master key. Rotation adds a new primary key while the old ones still decrypt; {@link
 * io.crmkit.privacy.crypto.Reencryption} moves stored ciphertexts to the new key in batches; {@link
 * io.crmkit.privacy.crypto.ProtectionKeys} is the store port that keeps the keys' metadata (never
 * their material).
 */
package io.crmkit.privacy.crypto;
