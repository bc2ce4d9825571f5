package io.crmkit.core.imports;

import io.crmkit.core.customer.Customer;
import java.util.Set;

/**
 * A customer a unit of work means to write.
 *
 * @param row the input row it comes from
 * @param customer as handed to the port: version 0 for an insert, the version read for an update
 * @param changes the attributes an update changes; empty for an insert
 */
record Planned(Row<?> row, Customer customer, Set<String> changes) {}
