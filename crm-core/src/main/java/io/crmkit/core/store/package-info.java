/**
 * {@link io.crmkit.core.store.CrmStore}: the base ports one storage technology provides together
 * (customers, activities, bulk customer writes, transactions, events), and
 * {@link io.crmkit.core.store.StoreExtension}, the way a capability attaches ports of its own to
 * a base store and shares its transactions. The {@code Crm} facade and the features built on it are
 * pointed at memory or at a database with one call.
 */
package io.crmkit.core.store;
