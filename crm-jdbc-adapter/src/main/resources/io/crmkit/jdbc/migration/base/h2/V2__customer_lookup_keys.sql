-- crmkit schema, version 2 (H2): the normalised lookup keys of customers (io.crmkit.core.customer.LookupKey:
-- phones in E.164, e-mail addresses with the domain in lower case, identifiers in upper case without
-- spaces and dashes, names folded for prefix search), so that a lookup reads one index entry instead of
-- every customer. key_type is 'phone', 'email', 'name', 'org:<scheme>' or 'person:<scheme>'.
-- Customers stored before this version get their keys from migration 2.1, which computes them in Java.

CREATE TABLE ${prefix}customer_lookup (
  key_type        VARCHAR(39)              NOT NULL,
  key_value       VARCHAR(512)             NOT NULL,
  customer_id     UUID                     NOT NULL,
  CONSTRAINT ${prefix}customer_lookup_pk PRIMARY KEY (customer_id, key_type, key_value),
  CONSTRAINT ${prefix}customer_lookup_customer_fk FOREIGN KEY (customer_id) REFERENCES ${prefix}customer (id)
);
CREATE INDEX ${prefix}customer_lookup_idx ON ${prefix}customer_lookup (key_type, key_value, customer_id);
