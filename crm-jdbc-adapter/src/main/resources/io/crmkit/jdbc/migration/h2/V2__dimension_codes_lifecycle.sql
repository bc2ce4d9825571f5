-- crmkit schema, version 2 (H2): code sequences, code requests, lifecycle history and churn
-- signals. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.

-- One row per sequence key. Allocation adds to last_value under the row's lock in the caller's
-- transaction, so committed numbers have no gaps (database sequences would leave gaps).
CREATE TABLE ${prefix}code_sequence (
  sequence_key    VARCHAR(200)             NOT NULL,
  last_value      BIGINT                   NOT NULL,
  CONSTRAINT ${prefix}code_sequence_pk PRIMARY KEY (sequence_key)
);

-- One row per code request; the decision columns are null while it is pending. pending_code holds
-- the code while pending and null after, so the unique index allows one pending request per code
-- (H2 has no partial indexes, but lets NULLs repeat in a unique index). Labels are a JSON object in
-- the labels' order, the first being the default.
CREATE TABLE ${prefix}code_request (
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
  CONSTRAINT ${prefix}code_request_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ${prefix}code_request_pending_uk ON ${prefix}code_request (scheme_id, pending_code);
CREATE INDEX ${prefix}code_request_scheme_idx ON ${prefix}code_request (scheme_id, requested_at, requested_nanos, id);

-- One row per stage move, keyed by the customer's version after the move.
CREATE TABLE ${prefix}lifecycle_history (
  customer_id      UUID                     NOT NULL,
  customer_version BIGINT                   NOT NULL,
  from_stage       VARCHAR(40)              NOT NULL,
  to_stage         VARCHAR(40)              NOT NULL,
  trigger_name     VARCHAR(40)              NOT NULL,
  moved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  moved_nanos      INTEGER                  NOT NULL,
  actor            VARCHAR(128)             NOT NULL,
  reason           VARCHAR(2000),
  CONSTRAINT ${prefix}lifecycle_history_pk PRIMARY KEY (customer_id, customer_version)
);
CREATE INDEX ${prefix}lifecycle_history_time_idx ON ${prefix}lifecycle_history (moved_at, moved_nanos);

-- One row per customer and measurement time; recording the same pair again replaces the row.
CREATE TABLE ${prefix}churn_signal (
  customer_id       UUID                     NOT NULL,
  measured_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  measured_nanos    INTEGER                  NOT NULL,
  probability_alive DOUBLE PRECISION         NOT NULL,
  source            VARCHAR(64)              NOT NULL,
  CONSTRAINT ${prefix}churn_signal_pk PRIMARY KEY (customer_id, measured_at, measured_nanos)
);
