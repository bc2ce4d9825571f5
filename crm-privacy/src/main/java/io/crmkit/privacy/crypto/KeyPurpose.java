package io.crmkit.privacy.crypto;

/**
 * What a field's keyset is for. Each protected field has one keyset per purpose, so the key that
 * encrypts a phone number never computes its blind index. Names are persistent (stored with key
 * metadata): never rename one.
 */
public enum KeyPurpose {
  /** AES-256-GCM keys that encrypt and decrypt the field's values. */
  ENCRYPTION,
  /** HMAC-SHA256 PRF keys that compute the field's blind index. */
  BLIND_INDEX
}
