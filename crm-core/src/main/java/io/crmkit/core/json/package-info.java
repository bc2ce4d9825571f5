/**
 * JSON for every crmkit model type and event, through Jackson: register {@link
 * io.crmkit.core.json.CrmJacksonModule} on your {@code ObjectMapper}, or take one ready-made from
 * {@link io.crmkit.core.json.CrmJson#newMapper()}.
 */
package io.crmkit.core.json;
