/**
 * Domain events: what happened to customers, published through the {@link
 * io.crmkit.core.event.EventPublisher} port so that the host system can react (update a search
 * index, notify a salesperson, sync the ERP). With a transactional store the events are written in
 * the same transaction as the change (an outbox) and relayed afterwards.
 */
package io.crmkit.core.event;
