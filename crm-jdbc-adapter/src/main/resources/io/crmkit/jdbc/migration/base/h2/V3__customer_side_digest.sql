-- crmkit schema, version 3 (H2): a digest of each customer's side-table rows (codes, tags, external
-- references, lookup keys, attribute keys), so that a save that leaves them as they are (a new stage or
-- tier, say) rewrites only the customer row. Null, as for customers stored before this version, means
-- unknown: the next save rewrites the side rows and records the digest.

ALTER TABLE ${prefix}customer ADD COLUMN side_digest CHAR(32);
