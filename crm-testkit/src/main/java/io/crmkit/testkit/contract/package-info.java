/**
 * Contract tests: abstract jqwik classes that pin down what every implementation must do.
 *
 * <p>For crmkit's ports: extend the contract of each port your adapter implements in your test
 * sources ({@link io.crmkit.testkit.contract.CustomersContract}, {@link
 * io.crmkit.testkit.contract.PurchasesContract}, {@link io.crmkit.testkit.contract.InteractionsContract},
 * {@link io.crmkit.testkit.contract.CodeSequencesContract}, {@link
 * io.crmkit.testkit.contract.CodeRequestsContract}, {@link
 * io.crmkit.testkit.contract.LifecycleHistoryContract}, {@link
 * io.crmkit.testkit.contract.ChurnSignalsContract}), return a fresh, empty adapter from its factory
 * method, and run it with JUnit 5 (jqwik is a JUnit Platform engine). A whole store of yours runs
 * {@link io.crmkit.testkit.contract.CustomerImportContract} (the core's customer import over its
 * {@code CustomerBatches}) and {@link io.crmkit.testkit.contract.StoreExtensionsContract}.
 *
 * <p>For event families: a module that declares its own family of events extends {@link
 * io.crmkit.testkit.contract.EventFamilyContract} with the family and an arbitrary of its events.
 *
 * <p>crmkit's own adapters and families run these contracts: the in-memory adapters and crm-core's
 * {@code CustomerEvent} family from crm-testkit's tests, the JDBC adapters from crm-jdbc-adapter's.
 */
package io.crmkit.testkit.contract;
