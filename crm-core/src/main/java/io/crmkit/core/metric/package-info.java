/**
 * Computed metrics of customers (lifetime value, P(alive), RFM segment and scores, any user
 * metric): {@link io.crmkit.core.metric.CustomerMetric}, the {@link
 * io.crmkit.core.metric.CustomerMetrics} port and {@link io.crmkit.core.metric.MetricStore}, the
 * capability's store extension.
 *
 * <p>Criteria over metrics are one generic criterion in {@code customer} ({@code
 * Criteria.metric(name)}, testing a {@code MetricValue}), not a criterion per metric, so that
 * crm-segmentation and users add metrics without touching the query model. The metric store is a
 * crm-core capability because {@code Customers.find} must see it: the in-memory adapter shares the
 * in-memory store's state, the JDBC adapter the store's tables.
 *
 * <p>Depends on {@code common}, {@code customer} and {@code store}.
 */
package io.crmkit.core.metric;
