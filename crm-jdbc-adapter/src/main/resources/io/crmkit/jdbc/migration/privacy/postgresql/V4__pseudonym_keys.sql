-- crmkit privacy, version 4 (PostgreSQL): the named pseudonymisation keys. Every table name starts with
-- the configured prefix. Instants are a timestamptz (microseconds) plus the nanoseconds below it.

-- One row per key. wrapped_key is the key material as the host's KeyWrapper encrypted it (its own
-- secret or its KMS): the database never holds a key in clear. A retired key keeps its row.
CREATE TABLE ${prefix}pseudonym_key (
  key_name      VARCHAR(64) COLLATE "C"  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_nanos INTEGER                  NOT NULL,
  retired_at    TIMESTAMP WITH TIME ZONE,
  retired_nanos INTEGER,
  wrapped_key   BYTEA                    NOT NULL,
  CONSTRAINT ${prefix}pseudonym_key_pk PRIMARY KEY (key_name)
);
