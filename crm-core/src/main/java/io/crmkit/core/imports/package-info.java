/**
 * Customer import: many customers at once, from an ERP export, a migration or a nightly sync, the
 * same on every store. {@link io.crmkit.core.imports.CustomerImporter} screens the rows (validation
 * and keys repeated within the batch), plans what to insert, update or leave alone against what is
 * stored, writes it through the store's {@link io.crmkit.core.customer.CustomerBatches} port in one
 * unit of work, and may announce it; bad rows come back in its {@link
 * io.crmkit.core.imports.CustomerImporter.Report} with their row numbers and reasons, never as an
 * exception. Only the importer and its report are public.
 */
package io.crmkit.core.imports;
