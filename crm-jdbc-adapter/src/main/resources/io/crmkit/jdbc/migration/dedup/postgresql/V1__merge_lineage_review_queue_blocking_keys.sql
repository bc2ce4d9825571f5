-- crmkit dedup, version 1 (PostgreSQL): merge lineage, the review queue and the blocking-key index,
-- recorded in <prefix>dedup_schema_history. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.

-- One row per merge: what it did, as a JSON document (text, read back exactly), for unmerge.
CREATE TABLE ${prefix}merge_lineage (
  merge_id         UUID                     NOT NULL,
  survivor_id      UUID                     NOT NULL,
  merged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  merged_nanos     INTEGER                  NOT NULL,
  undone           BOOLEAN                  NOT NULL,
  document         TEXT                     NOT NULL,
  CONSTRAINT ${prefix}merge_lineage_pk PRIMARY KEY (merge_id)
);

-- One row per customer of a merge (survivor and absorbed): a customer's merges, found by its id.
CREATE TABLE ${prefix}merge_member (
  customer_id      UUID                     NOT NULL,
  merge_id         UUID                     NOT NULL,
  CONSTRAINT ${prefix}merge_member_pk PRIMARY KEY (customer_id, merge_id),
  CONSTRAINT ${prefix}merge_member_merge_fk FOREIGN KEY (merge_id) REFERENCES ${prefix}merge_lineage (merge_id)
);

-- One row per pair in its one order (left_id < right_id): waiting while verdict is null, decided after.
-- A pair decided without having waited has no probability, explanation or queue time.
CREATE TABLE ${prefix}review_pair (
  left_id          VARCHAR(128) COLLATE "C" NOT NULL,
  right_id         VARCHAR(128) COLLATE "C" NOT NULL,
  probability      DOUBLE PRECISION,
  explanation      TEXT,
  queued_at        TIMESTAMP WITH TIME ZONE,
  queued_nanos     INTEGER,
  verdict          VARCHAR(16),
  decided_by       VARCHAR(128),
  decided_at       TIMESTAMP WITH TIME ZONE,
  decided_nanos    INTEGER,
  CONSTRAINT ${prefix}review_pair_pk PRIMARY KEY (left_id, right_id)
);
CREATE INDEX ${prefix}review_pair_pending_idx ON ${prefix}review_pair (probability DESC, left_id, right_id) WHERE verdict IS NULL;

-- One row per customer and blocking key; the index finds the customers of a key.
CREATE TABLE ${prefix}blocking_key (
  customer_id      UUID                     NOT NULL,
  block_key        VARCHAR(200)             NOT NULL,
  CONSTRAINT ${prefix}blocking_key_pk PRIMARY KEY (customer_id, block_key)
);
CREATE INDEX ${prefix}blocking_key_idx ON ${prefix}blocking_key (block_key, customer_id);
