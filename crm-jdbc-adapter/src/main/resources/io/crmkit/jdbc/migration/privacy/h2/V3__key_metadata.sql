-- crmkit privacy, version 3 (H2): the metadata of the keys that encrypt and blind-index
-- protected fields. Never key material: the keysets stay with the host's key provider or KMS.

-- One row per Tink key of a field's keyset (purpose ENCRYPTION or BLIND_INDEX), key_id being
-- Tink's key id (a signed 32-bit integer). is_primary is TRUE for the primary and NULL otherwise
-- (never FALSE), so that the unique constraint on it allows one primary per field and purpose (NULLs
-- are distinct) in both databases. A key stops being the primary when a newer one takes over
-- (rotated_at) and decrypts until it is retired.
-- Instants are a timestamptz (microseconds) plus the nanoseconds below the microsecond.
CREATE TABLE ${prefix}protection_key (
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
  CONSTRAINT ${prefix}protection_key_pk PRIMARY KEY (field_name, key_purpose, key_id),
  CONSTRAINT ${prefix}protection_key_primary_uq UNIQUE (field_name, key_purpose, is_primary),
  CONSTRAINT ${prefix}protection_key_primary_ck CHECK (is_primary)
);
