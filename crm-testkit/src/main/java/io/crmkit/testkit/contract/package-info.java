/**
 * Contract tests for crmkit's ports: abstract jqwik classes that pin down what every adapter must
 * do. Extend the contract of each port your adapter implements in your test sources ({@link
 * io.crmkit.testkit.contract.CustomersContract}, {@link io.crmkit.testkit.contract.PurchasesContract},
 * {@link io.crmkit.testkit.contract.InteractionsContract}, {@link
 * io.crmkit.testkit.contract.CodeSequencesContract}, {@link
 * io.crmkit.testkit.contract.CodeRequestsContract}, {@link
 * io.crmkit.testkit.contract.LifecycleHistoryContract}, {@link
 * io.crmkit.testkit.contract.ChurnSignalsContract}), return a fresh, empty adapter from its factory
 * method, and run it with JUnit 5 (jqwik is a JUnit Platform engine).
 *
 * <p>crmkit's own adapters run these contracts: the in-memory ones from crm-testkit's tests, the
 * JDBC ones from crm-jdbc-adapter's.
 */
package io.crmkit.testkit.contract;
