-- crmkit privacy, version 1 (H2): the hash-chained audit log, recorded in
-- <prefix>privacy_schema_history. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.

-- One row per audited act, in chain order. entry_hash is SHA-256 (hex) of the record's canonical
-- encoding, which covers previous_hash (see io.crmkit.privacy.audit.AuditChain). No column holds
-- personal data values: a target names fields, never their contents.
CREATE TABLE crm_audit_log (
  entry_seq      BIGINT                   NOT NULL,
  actor          VARCHAR(128)             NOT NULL,
  action         VARCHAR(32)              NOT NULL,
  customer_id    UUID,
  target         VARCHAR(200)             NOT NULL,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_nanos INTEGER                  NOT NULL,
  reason         VARCHAR(500)             NOT NULL,
  previous_hash  VARCHAR(64)              NOT NULL,
  entry_hash     VARCHAR(64)              NOT NULL,
  CONSTRAINT crm_audit_log_pk PRIMARY KEY (entry_seq)
);
CREATE INDEX crm_audit_log_customer_idx ON crm_audit_log (customer_id, occurred_at, occurred_nanos);
CREATE INDEX crm_audit_log_time_idx ON crm_audit_log (occurred_at, occurred_nanos);

-- The chain's head, one row: every append locks it (SELECT ... FOR UPDATE), so appends from
-- concurrent transactions queue up and form one chain; 0 and 64 zeros before the first entry.
CREATE TABLE crm_audit_chain_head (
  chain_id      INTEGER     NOT NULL,
  last_sequence BIGINT      NOT NULL,
  last_hash     VARCHAR(64) NOT NULL,
  CONSTRAINT crm_audit_chain_head_pk PRIMARY KEY (chain_id)
);
INSERT INTO crm_audit_chain_head (chain_id, last_sequence, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
-- crmkit privacy, version 3 (H2): the metadata of the keys that encrypt and blind-index
-- protected fields. Never key material: the keysets stay with the host's key provider or KMS.

-- One row per Tink key of a field's keyset (purpose ENCRYPTION or BLIND_INDEX), key_id being
-- Tink's key id (a signed 32-bit integer). is_primary is TRUE for the primary and NULL otherwise
-- (never FALSE), so that the unique constraint on it allows one primary per field and purpose (NULLs
-- are distinct) in both databases. A key stops being the primary when a newer one takes over
-- (rotated_at) and decrypts until it is retired.
-- Instants are a timestamptz (microseconds) plus the nanoseconds below the microsecond.
CREATE TABLE crm_protection_key (
  field_name    VARCHAR(32)              NOT NULL,
  key_purpose   VARCHAR(16)              NOT NULL,
  key_id        INTEGER                  NOT NULL,
  is_primary    BOOLEAN,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_nanos INTEGER                  NOT NULL,
  rotated_at    TIMESTAMP WITH TIME ZONE,
  rotated_nanos INTEGER,
  retired_at    TIMESTAMP WITH TIME ZONE,
  retired_nanos INTEGER,
  CONSTRAINT crm_protection_key_pk PRIMARY KEY (field_name, key_purpose, key_id),
  CONSTRAINT crm_protection_key_primary_uq UNIQUE (field_name, key_purpose, is_primary),
  CONSTRAINT crm_protection_key_primary_ck CHECK (is_primary)
);
