/**
 * Thread-safe in-memory adapters for every port: the embedded default, and the reference that
 * other adapters are tested against. Data lives as long as the objects do.
 */
package io.crmkit.core.memory;
