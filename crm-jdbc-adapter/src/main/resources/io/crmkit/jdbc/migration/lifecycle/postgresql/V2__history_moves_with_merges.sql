-- crmkit lifecycle, version 2 (PostgreSQL): a merge moves an absorbed customer's history to the survivor.
-- A moved row keeps the customer whose move it was (origin_customer_id) and that customer's
-- version, so it never collides with the survivor's own row of the same version; a customer's own
-- rows have origin_customer_id = customer_id. Existing rows are all own rows and are kept.
ALTER TABLE ${prefix}lifecycle_history ADD COLUMN origin_customer_id UUID;
UPDATE ${prefix}lifecycle_history SET origin_customer_id = customer_id;
ALTER TABLE ${prefix}lifecycle_history ALTER COLUMN origin_customer_id SET NOT NULL;
ALTER TABLE ${prefix}lifecycle_history DROP CONSTRAINT ${prefix}lifecycle_history_pk;
ALTER TABLE ${prefix}lifecycle_history ADD CONSTRAINT ${prefix}lifecycle_history_pk
  PRIMARY KEY (customer_id, origin_customer_id, customer_version);
