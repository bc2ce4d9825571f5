-- crmkit dimension codes, version 1 (PostgreSQL): code sequences and code requests, recorded in
-- <prefix>dimension_codes_schema_history. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.
-- IF NOT EXISTS: databases migrated before capabilities had their own migrations got these
-- tables from the base schema's version 2.

-- One row per sequence key. Allocation adds to last_value with one INSERT ... ON CONFLICT DO UPDATE
-- ... RETURNING in the caller's transaction, so committed numbers have no gaps (database sequences
-- would leave gaps).
CREATE TABLE IF NOT EXISTS ${prefix}code_sequence (
  sequence_key    VARCHAR(200) COLLATE "C" NOT NULL,
  last_value      BIGINT                   NOT NULL,
  CONSTRAINT ${prefix}code_sequence_pk PRIMARY KEY (sequence_key)
);

-- One row per code request; the decision columns are null while it is pending, and a partial
-- unique index allows one pending request per code. Labels are a JSON object in the labels' order
-- (text, not jsonb, which would reorder them), the first being the default.
CREATE TABLE IF NOT EXISTS ${prefix}code_request (
  id              UUID                     NOT NULL,
  scheme_id       VARCHAR(128) COLLATE "C" NOT NULL,
  code            VARCHAR(64)  COLLATE "C" NOT NULL,
  labels          TEXT                     NOT NULL,
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
  CONSTRAINT ${prefix}code_request_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}code_request_pending_uk ON ${prefix}code_request (scheme_id, code) WHERE outcome IS NULL;
CREATE INDEX IF NOT EXISTS ${prefix}code_request_scheme_idx ON ${prefix}code_request (scheme_id, requested_at, requested_nanos, id);
