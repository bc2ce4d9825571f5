/**
 * {@link io.crmkit.core.store.CrmStore}: the set of ports one storage technology provides
 * together (customers, activities, transactions, events), so that the {@code Crm} facade can be
 * pointed at memory or at a database with one call.
 */
package io.crmkit.core.store;
