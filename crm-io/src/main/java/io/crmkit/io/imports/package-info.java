/**
 * Streaming file import: {@link io.crmkit.io.imports.FileImport} reads a CSV or JSON Lines file
 * ({@link io.crmkit.io.imports.ImportSource}) row by row, maps it ({@link io.crmkit.io.imports.ColumnMapping}),
 * standardises, codes, validates, matches and upserts it with crm-core's services, in batches
 * each committed with the import's {@link io.crmkit.io.imports.ImportCheckpoint}, and reports every
 * rejected, changed or queued row ({@link io.crmkit.io.imports.ImportReport}).
 */
package io.crmkit.io.imports;
