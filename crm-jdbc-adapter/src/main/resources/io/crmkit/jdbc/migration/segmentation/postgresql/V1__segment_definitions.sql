-- crmkit segmentation, version 1 (PostgreSQL): named segment definitions, recorded in
-- <prefix>segmentation_schema_history. Every table name starts with the configured prefix.

-- One row per segment: its name and its criteria as a JSON document (crm-core's CrmJson form,
-- text, read back exactly).
CREATE TABLE ${prefix}segment_definition (
  segment_name VARCHAR(100)  NOT NULL,
  criteria     TEXT         NOT NULL,
  CONSTRAINT ${prefix}segment_definition_pk PRIMARY KEY (segment_name)
);
