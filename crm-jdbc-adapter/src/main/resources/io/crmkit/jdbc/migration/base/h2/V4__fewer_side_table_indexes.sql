-- crmkit schema, version 4 (H2): one index fewer on external references and on lookup keys, so each of
-- their rows is written to three b-trees instead of four. H2 backs every foreign key with an index of
-- its own on the referencing column, so external_ref_customer_idx was a second copy of the foreign
-- key's index on customer_id; and the lookup table kept its rows in customer order (the primary key)
-- and in key order (the lookup index) beside that foreign-key index. The primary key now has the
-- lookup index's columns (the same set, so the same constraint) and replaces it; a customer's rows
-- are found through the foreign key's index. PostgreSQL creates no index for a foreign key and keeps
-- its indexes as they are.

DROP INDEX ${prefix}external_ref_customer_idx;
ALTER TABLE ${prefix}customer_lookup DROP CONSTRAINT ${prefix}customer_lookup_pk;
DROP INDEX ${prefix}customer_lookup_idx;
ALTER TABLE ${prefix}customer_lookup ADD CONSTRAINT ${prefix}customer_lookup_pk PRIMARY KEY (key_type, key_value, customer_id);
