/**
 * {@link io.crmkit.core.store.CrmStore}: the set of ports one storage technology provides
 * together (customers, activities, code sequences and requests, lifecycle history and churn
 * signals, transactions, events), so that the {@code Crm} facade and the features built on it
 * can be pointed at memory or at a database with one call.
 */
package io.crmkit.core.store;
