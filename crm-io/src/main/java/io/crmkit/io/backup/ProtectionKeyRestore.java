package io.crmkit.io.backup;

import io.crmkit.io.CrmStores;
import io.crmkit.privacy.crypto.ProtectionKey;
import io.crmkit.privacy.crypto.ProtectionKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays the key metadata through the port's three operations. Per field and purpose: every key
 * is added at its creation; the keys that were ever primary are made primary in the order they
 * were rotated away (each promotion at the instant the former primary's rotation records), the
 * current primary last; then retirements. The result is compared with the backup, so a history the
 * replay cannot reproduce is refused rather than restored differently.
 */
final class ProtectionKeyRestore {
  private ProtectionKeyRestore() {}

  private record Group(Object field, Object purpose) {}

  static void restore(CrmStores stores, Iterator<ProtectionKey> records) {
    ProtectionKeys port = stores.privacy().protectionKeys();
    Map<Group, List<ProtectionKey>> groups = new LinkedHashMap<>();
    List<ProtectionKey> expected = new ArrayList<>();
    records.forEachRemaining(k -> {
      expected.add(k);
      groups.computeIfAbsent(new Group(k.field(), k.purpose()), g -> new ArrayList<>()).add(k);
    });
    for (List<ProtectionKey> keys : groups.values()) {
      keys.forEach(k -> port.recordAdded(k.field(), k.purpose(), k.keyId(), k.createdAt()));
      List<ProtectionKey> everPrimary = keys.stream().filter(k -> k.primary() || k.rotatedAt().isPresent())
          .sorted(Comparator.comparing((ProtectionKey k) -> k.rotatedAt().orElse(Instant.MAX))).toList();
      Instant promotedAt = null;
      for (ProtectionKey k : everPrimary) {
        port.recordPrimary(k.field(), k.purpose(), k.keyId(), promotedAt == null ? k.createdAt() : promotedAt);
        promotedAt = k.rotatedAt().orElse(null);
      }
      keys.forEach(k -> k.retiredAt().ifPresent(at -> port.recordRetired(k.field(), k.purpose(), k.keyId(), at)));
    }
    List<ProtectionKey> restored = port.all().stream().sorted(ProtectionKey.ORDER).toList();
    List<ProtectionKey> wanted = expected.stream().sorted(ProtectionKey.ORDER).toList();
    if (!Objects.equals(restored, wanted)) {
      throw new BackupException(BackupException.Reason.DAMAGED,
          "the protection-key history of the backup cannot be replayed as recorded: " + wanted
              + " restored as " + restored);
    }
  }
}
