/**
 * crm-privacy's in-memory adapters, attached to an {@code InMemoryCrmStore} through {@link
 * io.crmkit.privacy.memory.InMemoryPrivacy#extension()}.
 */
package io.crmkit.privacy.memory;
