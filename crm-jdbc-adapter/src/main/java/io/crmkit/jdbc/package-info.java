/**
 * The JDBC adapter: crmkit's ports over a {@link javax.sql.DataSource} the host application hands
 * over, on H2 (the embedded default) and PostgreSQL (the production target).
 *
 * <p>Start at {@link io.crmkit.jdbc.JdbcCrmStore#create(javax.sql.DataSource, JdbcOptions)} and pass
 * the store to {@code Crm.builder().store(...)}. {@link io.crmkit.jdbc.JdbcOptions} sets the table
 * prefix, the schema, whether migrations run on start and the {@link io.crmkit.jdbc.TransactionMode};
 * {@code crm.importer()} loads many customers at once through the store's {@code CustomerBatches}
 * ({@code COPY} on PostgreSQL); {@link io.crmkit.jdbc.OutboxRelay} delivers domain events written
 * to the outbox. Everything else lives in {@code io.crmkit.jdbc.internal}, which is not API.
 */
package io.crmkit.jdbc;
