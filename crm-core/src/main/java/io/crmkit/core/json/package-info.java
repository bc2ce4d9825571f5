/**
 * JSON for every crmkit model type and event, through Jackson: register {@link
 * io.crmkit.core.json.CrmJacksonModule} on your {@code ObjectMapper}, or take one ready-made from
 * {@link io.crmkit.core.json.CrmJson#newMapper(io.crmkit.core.event.EventFamily...)}. Events of
 * families other than crm-core's are read once their {@link io.crmkit.core.event.EventFamily} is
 * passed to either.
 */
package io.crmkit.core.json;
