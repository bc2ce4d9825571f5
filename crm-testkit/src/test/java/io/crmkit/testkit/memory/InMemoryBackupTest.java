package io.crmkit.testkit.memory;

import io.crmkit.io.CrmStores;
import io.crmkit.testkit.contract.BackupContract;

/** Backup and restore keep their contract from memory into memory. */
class InMemoryBackupTest extends BackupContract {
  @Override
  protected CrmStores newEmptyStores() {
    return CrmStores.inMemory();
  }
}
