package io.crmkit.io.imports;

import java.util.Optional;

/**
 * The checkpoints of file imports, one per import id. A save joins the transaction in progress
 * (the batch's), so a checkpoint is committed or rolled back with the rows it counts; that is what
 * makes an interrupted import resumable without a lost or repeated row.
 */
public interface ImportCheckpoints {

  /**
   * The import's checkpoint, if it has one.
   *
   * @throws NullPointerException if {@code importId} is null
   */
  Optional<ImportCheckpoint> find(String importId);

  /**
   * Writes the checkpoint, replacing the import's earlier one, in the transaction in progress (or
   * one of its own).
   *
   * @throws NullPointerException if {@code checkpoint} is null
   */
  void save(ImportCheckpoint checkpoint);

  /**
   * Forgets the import's checkpoint, so that the next run starts from the first row.
   *
   * @return whether there was one
   * @throws NullPointerException if {@code importId} is null
   */
  boolean remove(String importId);
}
