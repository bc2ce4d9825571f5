/**
 * People's rights over their data. Access and portability: {@link
 * io.crmkit.privacy.rights.CustomerExporter} writes everything held about one customer as one
 * versioned JSON document, streamed section by section ({@link
 * io.crmkit.privacy.rights.ExportSection}, one writer per port, {@link
 * io.crmkit.privacy.rights.ExportSections}, the consent ledger's included), and records the
 * export in the audit log.
 */
package io.crmkit.privacy.rights;
