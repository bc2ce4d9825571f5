/**
 * The {@code crmkit} command-line program: {@link io.crmkit.examples.cli.Crmkit} and its
 * subcommands. Commands on a store ({@code demo}, {@code import}, {@code segment}, {@code quality},
 * {@code report}, {@code export}, {@code backup}, {@code restore}) open it through the shared
 * {@code StoreOptions} (an embedded H2 file by default, any PostgreSQL with {@code --jdbc-url}) and
 * leave the work to crm-io and the library's services; commands on files ({@code dedup},
 * {@code clv}, {@code rfm}, {@code anonymize}) read them here, with matching behind one small seam,
 * {@code MatchEngine}, and transactions read by {@code TransactionFile}. Every command shares the
 * exit codes of {@link io.crmkit.examples.cli.ExitCodes}, reports bad input by file, row and
 * column, and shows progress on a terminal only.
 */
package io.crmkit.examples.cli;
