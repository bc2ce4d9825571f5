-- crmkit schema, version 1 (H2): customers, their index side tables, purchases,
-- interactions and the event outbox. Every table name starts with the configured prefix.
-- Text that crmkit compares or sorts uses     : code-point order, and LIKE 'prefix%'
-- can use a plain b-tree index.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.

CREATE TABLE crm_customer (
  id              UUID                     NOT NULL,
  version         BIGINT                   NOT NULL,
  kind            VARCHAR(16)              NOT NULL,
  display_name    VARCHAR(200)      NOT NULL,
  family_name     VARCHAR(100)     ,
  given_name      VARCHAR(100)     ,
  legal_name      VARCHAR(200)     ,
  owner_name      VARCHAR(128)     ,
  gender          VARCHAR(16),
  birth_date      DATE,
  stage           VARCHAR(40)       NOT NULL,
  tier            VARCHAR(40)      ,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_nanos   INTEGER                  NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_nanos   INTEGER                  NOT NULL,
  details         VARCHAR(1000000)         NOT NULL,
  attributes      VARCHAR(1000000)         NOT NULL,
  CONSTRAINT crm_customer_pk PRIMARY KEY (id)
);
CREATE INDEX crm_customer_stage_idx ON crm_customer (stage);
CREATE INDEX crm_customer_tier_idx ON crm_customer (tier);
CREATE INDEX crm_customer_owner_idx ON crm_customer (owner_name);

CREATE TABLE crm_customer_code (
  customer_id     UUID                     NOT NULL,
  dimension       VARCHAR(64)       NOT NULL,
  code            VARCHAR(64)       NOT NULL,
  CONSTRAINT crm_customer_code_pk PRIMARY KEY (customer_id, dimension),
  CONSTRAINT crm_customer_code_customer_fk FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX crm_customer_code_idx ON crm_customer_code (dimension, code, customer_id);

CREATE TABLE crm_customer_tag (
  customer_id     UUID                     NOT NULL,
  tag             VARCHAR(64)       NOT NULL,
  CONSTRAINT crm_customer_tag_pk PRIMARY KEY (customer_id, tag),
  CONSTRAINT crm_customer_tag_customer_fk FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX crm_customer_tag_idx ON crm_customer_tag (tag, customer_id);

CREATE TABLE crm_customer_attribute (
  customer_id     UUID                     NOT NULL,
  name            VARCHAR(64)              NOT NULL,
  value_key       VARCHAR(1000000)         NOT NULL,
  CONSTRAINT crm_customer_attribute_pk PRIMARY KEY (customer_id, name),
  CONSTRAINT crm_customer_attribute_customer_fk FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX crm_customer_attribute_idx ON crm_customer_attribute (name, value_key);

CREATE TABLE crm_external_ref (
  ref_system      VARCHAR(64)       NOT NULL,
  ref_id          VARCHAR(128)      NOT NULL,
  customer_id     UUID                     NOT NULL,
  CONSTRAINT crm_external_ref_pk PRIMARY KEY (ref_system, ref_id),
  CONSTRAINT crm_external_ref_customer_fk FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX crm_external_ref_customer_idx ON crm_external_ref (customer_id);

CREATE TABLE crm_purchase (
  id              UUID                     NOT NULL,
  customer_id     UUID                     NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_nanos  INTEGER                  NOT NULL,
  amount          NUMERIC(38, 6)           NOT NULL,
  currency        CHAR(3)                  NOT NULL,
  channel         VARCHAR(64)              NOT NULL,
  category        VARCHAR(128),
  quantity        INTEGER                  NOT NULL,
  order_reference VARCHAR(128),
  CONSTRAINT crm_purchase_pk PRIMARY KEY (id)
);
CREATE INDEX crm_purchase_customer_idx ON crm_purchase (customer_id, occurred_at, occurred_nanos, id);
CREATE INDEX crm_purchase_time_idx ON crm_purchase (occurred_at, occurred_nanos, id);

CREATE TABLE crm_interaction (
  id              UUID                     NOT NULL,
  customer_id     UUID                     NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_nanos  INTEGER                  NOT NULL,
  channel         VARCHAR(16)              NOT NULL,
  direction       VARCHAR(16)              NOT NULL,
  subject         VARCHAR(200),
  outcome         VARCHAR(2000),
  agent           VARCHAR(128),
  CONSTRAINT crm_interaction_pk PRIMARY KEY (id)
);
CREATE INDEX crm_interaction_customer_idx ON crm_interaction (customer_id, occurred_at, occurred_nanos, id);
CREATE INDEX crm_interaction_time_idx ON crm_interaction (occurred_at, occurred_nanos, id);

CREATE TABLE crm_outbox (
  seq             BIGINT GENERATED ALWAYS AS IDENTITY,
  event_id        UUID                     NOT NULL,
  event_type      VARCHAR(100)             NOT NULL,
  customer_id     UUID                     NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  payload         VARCHAR(1000000)         NOT NULL,
  published_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT crm_outbox_pk PRIMARY KEY (seq),
  CONSTRAINT crm_outbox_event_uk UNIQUE (event_id)
);
CREATE INDEX crm_outbox_pending_idx ON crm_outbox (published_at, seq);

-- One row: a relay run locks it, so that runs never overlap and per-customer order holds.
CREATE TABLE crm_outbox_relay (
  id              INTEGER                  NOT NULL,
  last_run_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT crm_outbox_relay_pk PRIMARY KEY (id)
);
INSERT INTO crm_outbox_relay (id) VALUES (1);
-- crmkit schema, version 2 (H2): the normalised lookup keys of customers (io.crmkit.core.customer.LookupKey:
-- phones in E.164, e-mail addresses with the domain in lower case, identifiers in upper case without
-- spaces and dashes, names folded for prefix search), so that a lookup reads one index entry instead of
-- every customer. key_type is 'phone', 'email', 'name', 'org:<scheme>' or 'person:<scheme>'.
-- Customers stored before this version get their keys from migration 2.1, which computes them in Java.

CREATE TABLE crm_customer_lookup (
  key_type        VARCHAR(39)              NOT NULL,
  key_value       VARCHAR(512)             NOT NULL,
  customer_id     UUID                     NOT NULL,
  CONSTRAINT crm_customer_lookup_pk PRIMARY KEY (customer_id, key_type, key_value),
  CONSTRAINT crm_customer_lookup_customer_fk FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX crm_customer_lookup_idx ON crm_customer_lookup (key_type, key_value, customer_id);
-- crmkit schema, version 3 (H2): a digest of each customer's side-table rows (codes, tags, external
-- references, lookup keys, attribute keys), so that a save that leaves them as they are (a new stage or
-- tier, say) rewrites only the customer row. Null, as for customers stored before this version, means
-- unknown: the next save rewrites the side rows and records the digest.

ALTER TABLE crm_customer ADD COLUMN side_digest CHAR(32);
-- crmkit schema, version 4 (H2): one index fewer on external references and on lookup keys, so each of
-- their rows is written to three b-trees instead of four. H2 backs every foreign key with an index of
-- its own on the referencing column, so external_ref_customer_idx was a second copy of the foreign
-- key's index on customer_id; and the lookup table kept its rows in customer order (the primary key)
-- and in key order (the lookup index) beside that foreign-key index. The primary key now has the
-- lookup index's columns (the same set, so the same constraint) and replaces it; a customer's rows
-- are found through the foreign key's index. PostgreSQL creates no index for a foreign key and keeps
-- its indexes as they are.

DROP INDEX crm_external_ref_customer_idx;
ALTER TABLE crm_customer_lookup DROP CONSTRAINT crm_customer_lookup_pk;
DROP INDEX crm_customer_lookup_idx;
ALTER TABLE crm_customer_lookup ADD CONSTRAINT crm_customer_lookup_pk PRIMARY KEY (key_type, key_value, customer_id);
