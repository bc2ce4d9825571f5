/**
 * The JDBC adapter's machinery, not API (it may change in any release): the dialect strategy (H2,
 * PostgreSQL), the connection and transaction layer, the Criteria-to-SQL translator, row mappers,
 * the storage guard, bulk paths (JDBC batches, PostgreSQL COPY), the outbox and Flyway migrations.
 */
package io.crmkit.jdbc.internal;
