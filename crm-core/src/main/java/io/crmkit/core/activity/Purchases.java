package io.crmkit.core.activity;

/** Port: the purchase store. Adapters pass {@code PurchasesContract} from crm-testkit. */
public interface Purchases extends ActivityLog<Purchase> {}
