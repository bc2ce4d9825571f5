-- crmkit privacy, version 5 (H2): the one row that writes of protection key metadata lock first.

-- A write locks this row (SELECT ... FOR UPDATE), then reads and writes the keys of its field, so
-- concurrent rotations queue on one row and never deadlock over the key rows they insert. Key
-- writes are rare (rotations, retirements), so one row for all fields costs nothing.
CREATE TABLE ${prefix}protection_key_lock (
  lock_id INTEGER NOT NULL,
  CONSTRAINT ${prefix}protection_key_lock_pk PRIMARY KEY (lock_id),
  CONSTRAINT ${prefix}protection_key_lock_ck CHECK (lock_id = 1)
);
INSERT INTO ${prefix}protection_key_lock (lock_id) VALUES (1);
