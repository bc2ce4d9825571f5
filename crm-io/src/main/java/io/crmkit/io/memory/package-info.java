/** The in-memory adapters of crm-io's ports: {@link io.crmkit.io.memory.InMemoryImports}. */
package io.crmkit.io.memory;
