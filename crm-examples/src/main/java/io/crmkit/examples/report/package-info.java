/**
 * The HTML report of a store: {@link io.crmkit.examples.report.ReportData} reads the figures
 * (value tiers, lifecycle stages, the RFM grid, duplicates, data quality) as of one instant, and
 * {@link io.crmkit.examples.report.HtmlReport} writes them as one self-contained page with Apache
 * ECharts charts and tables of the same figures. {@code crmkit report} runs both.
 */
package io.crmkit.examples.report;
