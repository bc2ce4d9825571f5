/**
 * Domain events: what happened to customers, published through the {@link
 * io.crmkit.core.event.EventPublisher} port so that the host system can react (update a search
 * index, notify a salesperson, sync the ERP). With a transactional store the events are written in
 * the same transaction as the change (an outbox) and relayed afterwards.
 *
 * <p>{@link io.crmkit.core.event.DomainEvent} is the contract every event meets. Events come in
 * sealed families, one per module or feature, each declared as an {@link
 * io.crmkit.core.event.EventFamily}: crm-core's is {@link io.crmkit.core.event.CustomerEvent}.
 */
package io.crmkit.core.event;
