/**
 * Files in and out of a store: {@link io.crmkit.io.CrmStores} (a base store with every
 * capability attached), and in the sub-packages streaming import, export, backup and restore.
 */
package io.crmkit.io;
