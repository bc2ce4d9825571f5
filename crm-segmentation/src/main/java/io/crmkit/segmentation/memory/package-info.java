/**
 * crm-segmentation's in-memory adapters, attached to an {@code InMemoryCrmStore} through {@link
 * io.crmkit.segmentation.memory.InMemorySegmentation#extension()}.
 */
package io.crmkit.segmentation.memory;
