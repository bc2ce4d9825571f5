/**
 * Customers out of a store into files: {@link io.crmkit.io.export.Exporter} writes the customers
 * matching a {@code Criteria} as CSV or JSON Lines ({@link io.crmkit.io.export.ExportFormat}) in a
 * fixed column set ({@link io.crmkit.io.export.ExportColumns}), through crm-privacy's {@code
 * ProtectedCrm} so that the caller's role decides what is masked and whether they may export at
 * all, optionally k-anonymised ({@link io.crmkit.io.export.Anonymisation}), with CSV cells
 * neutralised against spreadsheet formula injection ({@link io.crmkit.io.export.FormulaGuard}).
 */
package io.crmkit.io.export;
