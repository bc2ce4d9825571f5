package io.crmkit.core.activity;

/** Port: the interaction store. Adapters pass {@code InteractionsContract} from crm-testkit. */
public interface Interactions extends ActivityLog<Interaction> {}
