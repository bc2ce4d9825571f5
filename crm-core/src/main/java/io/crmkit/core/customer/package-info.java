/**
 * The customer master-data model (persons and organisations with their names, contact points,
 * addresses, identifiers, classification and references into other systems), the {@link
 * io.crmkit.core.customer.Customers} port that stores it, and {@link
 * io.crmkit.core.customer.Criteria}, the query model every {@code Customers} adapter accepts.
 *
 * <p>Criteria live here rather than in a package of their own because the port and the query
 * model refer to each other; splitting them would create a package cycle.
 */
@CrmStyle
package io.crmkit.core.customer;

import io.crmkit.core.common.CrmStyle;
