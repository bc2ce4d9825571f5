-- crmkit lifecycle, version 1 (PostgreSQL): lifecycle history and churn signals, recorded in
-- <prefix>lifecycle_schema_history. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.
-- IF NOT EXISTS: databases migrated before capabilities had their own migrations got these
-- tables from the base schema's version 2.

-- One row per stage move, keyed by the customer's version after the move.
CREATE TABLE IF NOT EXISTS crm_lifecycle_history (
  customer_id      UUID                     NOT NULL,
  customer_version BIGINT                   NOT NULL,
  from_stage       VARCHAR(40)              NOT NULL,
  to_stage         VARCHAR(40)              NOT NULL,
  trigger_name     VARCHAR(40)              NOT NULL,
  moved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  moved_nanos      INTEGER                  NOT NULL,
  actor            VARCHAR(128)             NOT NULL,
  reason           VARCHAR(2000),
  CONSTRAINT crm_lifecycle_history_pk PRIMARY KEY (customer_id, customer_version)
);
CREATE INDEX IF NOT EXISTS crm_lifecycle_history_time_idx ON crm_lifecycle_history (moved_at, moved_nanos);

-- One row per customer and measurement time; recording the same pair again replaces the row.
CREATE TABLE IF NOT EXISTS crm_churn_signal (
  customer_id       UUID                     NOT NULL,
  measured_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  measured_nanos    INTEGER                  NOT NULL,
  probability_alive DOUBLE PRECISION         NOT NULL,
  source            VARCHAR(64)              NOT NULL,
  CONSTRAINT crm_churn_signal_pk PRIMARY KEY (customer_id, measured_at, measured_nanos)
);
-- crmkit lifecycle, version 2 (PostgreSQL): a merge moves an absorbed customer's history to the survivor.
-- A moved row keeps the customer whose move it was (origin_customer_id) and that customer's
-- version, so it never collides with the survivor's own row of the same version; a customer's own
-- rows have origin_customer_id = customer_id. Existing rows are all own rows and are kept.
ALTER TABLE crm_lifecycle_history ADD COLUMN origin_customer_id UUID;
UPDATE crm_lifecycle_history SET origin_customer_id = customer_id;
ALTER TABLE crm_lifecycle_history ALTER COLUMN origin_customer_id SET NOT NULL;
ALTER TABLE crm_lifecycle_history DROP CONSTRAINT crm_lifecycle_history_pk;
ALTER TABLE crm_lifecycle_history ADD CONSTRAINT crm_lifecycle_history_pk
  PRIMARY KEY (customer_id, origin_customer_id, customer_version);
