/**
 * Contract tests for crmkit's ports: abstract jqwik classes that pin down what every adapter must
 * do. Extend {@link io.crmkit.testkit.contract.CustomersContract}, {@link
 * io.crmkit.testkit.contract.PurchasesContract} or {@link
 * io.crmkit.testkit.contract.InteractionsContract} in your test sources, return a fresh, empty
 * store from the factory method, and run it with JUnit 5 (jqwik is a JUnit Platform engine).
 *
 * <p>crmkit's own adapters run these contracts: the in-memory ones from crm-testkit's tests, the
 * JDBC ones from crm-jdbc-adapter's.
 */
package io.crmkit.testkit.contract;
