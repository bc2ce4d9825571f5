package io.crmkit.privacy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.security.GeneralSecurityException;

/** Tink's registrations, done once, and the primitives and key parameters this package uses. */
final class TinkPrimitives {
  static {
    try {
      AeadConfig.register();
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TinkPrimitives() {}

  /** A new keyset of one key for {@code purpose}: AES-256-GCM or HMAC-SHA256 PRF. */
  static KeysetHandle generate(KeyPurpose purpose) {
    try {
      return KeysetHandle.generateNew(switch (purpose) {
        case ENCRYPTION -> PredefinedAeadParameters.AES256_GCM;
        case BLIND_INDEX -> PredefinedPrfParameters.HMAC_SHA256_PRF;
      });
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not generate a " + purpose + " key", e);
    }
  }

  /** A new key of {@code purpose}'s kind, as an entry to add to a keyset. */
  static KeysetHandle.Builder.Entry newEntry(KeyPurpose purpose) {
    return KeysetHandle.generateEntryFromParameters(switch (purpose) {
      case ENCRYPTION -> PredefinedAeadParameters.AES256_GCM;
      case BLIND_INDEX -> PredefinedPrfParameters.HMAC_SHA256_PRF;
    }).withRandomId();
  }

  static Aead aead(KeysetHandle keyset) throws GeneralSecurityException {
    return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  static PrfSet prf(KeysetHandle keyset) throws GeneralSecurityException {
    return keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }
}
