/**
 * The {@link io.crmkit.core.Crm} facade: the one entry point that wires validation, storage,
 * clock, identity and events for the common jobs (register and update customers, record purchases
 * and interactions, query with criteria). Every step is also usable alone from its feature package.
 */
package io.crmkit.core;
