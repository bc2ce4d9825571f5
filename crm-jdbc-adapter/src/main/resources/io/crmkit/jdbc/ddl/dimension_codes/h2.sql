-- crmkit dimension codes, version 1 (H2): code sequences and code requests, recorded in
-- <prefix>dimension_codes_schema_history. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.
-- IF NOT EXISTS: databases migrated before capabilities had their own migrations got these
-- tables from the base schema's version 2.

-- One row per sequence key. Allocation adds to last_value under the row's lock in the caller's
-- transaction, so committed numbers have no gaps (database sequences would leave gaps).
CREATE TABLE IF NOT EXISTS crm_code_sequence (
  sequence_key    VARCHAR(200)             NOT NULL,
  last_value      BIGINT                   NOT NULL,
  CONSTRAINT crm_code_sequence_pk PRIMARY KEY (sequence_key)
);

-- One row per code request; the decision columns are null while it is pending. pending_code holds
-- the code while pending and null after, so the unique index allows one pending request per code
-- (H2 has no partial indexes, but lets NULLs repeat in a unique index). Labels are a JSON object in
-- the labels' order, the first being the default.
CREATE TABLE IF NOT EXISTS crm_code_request (
  id              UUID                     NOT NULL,
  scheme_id       VARCHAR(128)             NOT NULL,
  code            VARCHAR(64)              NOT NULL,
  labels          VARCHAR(1000000)         NOT NULL,
  parent_code     VARCHAR(64),
  origin          VARCHAR(16)              NOT NULL,
  requested_by    VARCHAR(128)             NOT NULL,
  requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  requested_nanos INTEGER                  NOT NULL,
  note            VARCHAR(1000),
  outcome         VARCHAR(16),
  decided_by      VARCHAR(128),
  decided_at      TIMESTAMP WITH TIME ZONE,
  decided_nanos   INTEGER,
  decision_reason VARCHAR(1000),
  pending_code    VARCHAR(64),
  CONSTRAINT crm_code_request_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS crm_code_request_pending_uk ON crm_code_request (scheme_id, pending_code);
CREATE INDEX IF NOT EXISTS crm_code_request_scheme_idx ON crm_code_request (scheme_id, requested_at, requested_nanos, id);
