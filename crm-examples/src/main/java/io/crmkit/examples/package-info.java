/**
 * Runnable programs that show crmkit doing its job on the embedded default. {@link
 * io.crmkit.examples.QuickStart} is the one the README runs first.
 */
package io.crmkit.examples;
