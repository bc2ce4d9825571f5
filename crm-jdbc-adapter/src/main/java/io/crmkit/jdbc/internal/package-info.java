/**
 * The JDBC adapter's machinery, not API (it may change in any release): the dialect strategy (H2,
 * PostgreSQL), the connection and transaction layer, the Criteria-to-SQL translator, row mappers,
 * the storage guard, bulk paths (JDBC batches, PostgreSQL COPY), the outbox and Flyway migrations.
 *
 * <p>Every class here is package-private but {@link io.crmkit.jdbc.internal.JdbcAdapters}, the
 * factory through which {@code io.crmkit.jdbc} creates the adapters of a store on its shared
 * connections; ArchUnit keeps it so.
 */
package io.crmkit.jdbc.internal;
