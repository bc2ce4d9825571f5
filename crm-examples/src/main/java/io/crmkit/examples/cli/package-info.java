/**
 * The {@code crmkit} command-line program: {@link io.crmkit.examples.cli.Crmkit} and its
 * subcommands ({@code dedup}, {@code clv}, {@code rfm}). Every command shares the exit codes of {@link
 * io.crmkit.examples.cli.ExitCodes}, reports bad input by file, row and column, and shows progress
 * on a terminal only. Reading and writing files lives here; matching sits behind one small seam,
 * {@code MatchEngine}, so that the command does not depend on how matching is done; {@code clv}
 * and {@code rfm} read transactions with {@code TransactionFile} through the shared options of
 * {@code TransactionOptions}, and leave the models (BG/NBD and Gamma-Gamma; RFM scores, segments
 * and tiers) to crm-segmentation.
 */
package io.crmkit.examples.cli;
