-- crmkit schema, version 1 (H2): customers, their index side tables, purchases,
-- interactions and the event outbox. Every table name starts with the configured prefix.
-- Text that crmkit compares or sorts uses     : code-point order, and LIKE 'prefix%'
-- can use a plain b-tree index.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.

CREATE TABLE ${prefix}customer (
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
  CONSTRAINT ${prefix}customer_pk PRIMARY KEY (id)
);
CREATE INDEX ${prefix}customer_stage_idx ON ${prefix}customer (stage);
CREATE INDEX ${prefix}customer_tier_idx ON ${prefix}customer (tier);
CREATE INDEX ${prefix}customer_owner_idx ON ${prefix}customer (owner_name);

CREATE TABLE ${prefix}customer_code (
  customer_id     UUID                     NOT NULL,
  dimension       VARCHAR(64)       NOT NULL,
  code            VARCHAR(64)       NOT NULL,
  CONSTRAINT ${prefix}customer_code_pk PRIMARY KEY (customer_id, dimension),
  CONSTRAINT ${prefix}customer_code_customer_fk FOREIGN KEY (customer_id) REFERENCES ${prefix}customer (id)
);
CREATE INDEX ${prefix}customer_code_idx ON ${prefix}customer_code (dimension, code, customer_id);

CREATE TABLE ${prefix}customer_tag (
  customer_id     UUID                     NOT NULL,
  tag             VARCHAR(64)       NOT NULL,
  CONSTRAINT ${prefix}customer_tag_pk PRIMARY KEY (customer_id, tag),
  CONSTRAINT ${prefix}customer_tag_customer_fk FOREIGN KEY (customer_id) REFERENCES ${prefix}customer (id)
);
CREATE INDEX ${prefix}customer_tag_idx ON ${prefix}customer_tag (tag, customer_id);

CREATE TABLE ${prefix}customer_attribute (
  customer_id     UUID                     NOT NULL,
  name            VARCHAR(64)              NOT NULL,
  value_key       VARCHAR(1000000)         NOT NULL,
  CONSTRAINT ${prefix}customer_attribute_pk PRIMARY KEY (customer_id, name),
  CONSTRAINT ${prefix}customer_attribute_customer_fk FOREIGN KEY (customer_id) REFERENCES ${prefix}customer (id)
);
CREATE INDEX ${prefix}customer_attribute_idx ON ${prefix}customer_attribute (name, value_key);

CREATE TABLE ${prefix}external_ref (
  ref_system      VARCHAR(64)       NOT NULL,
  ref_id          VARCHAR(128)      NOT NULL,
  customer_id     UUID                     NOT NULL,
  CONSTRAINT ${prefix}external_ref_pk PRIMARY KEY (ref_system, ref_id),
  CONSTRAINT ${prefix}external_ref_customer_fk FOREIGN KEY (customer_id) REFERENCES ${prefix}customer (id)
);
CREATE INDEX ${prefix}external_ref_customer_idx ON ${prefix}external_ref (customer_id);

CREATE TABLE ${prefix}purchase (
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
  CONSTRAINT ${prefix}purchase_pk PRIMARY KEY (id)
);
CREATE INDEX ${prefix}purchase_customer_idx ON ${prefix}purchase (customer_id, occurred_at, occurred_nanos, id);
CREATE INDEX ${prefix}purchase_time_idx ON ${prefix}purchase (occurred_at, occurred_nanos, id);

CREATE TABLE ${prefix}interaction (
  id              UUID                     NOT NULL,
  customer_id     UUID                     NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_nanos  INTEGER                  NOT NULL,
  channel         VARCHAR(16)              NOT NULL,
  direction       VARCHAR(16)              NOT NULL,
  subject         VARCHAR(200),
  outcome         VARCHAR(2000),
  agent           VARCHAR(128),
  CONSTRAINT ${prefix}interaction_pk PRIMARY KEY (id)
);
CREATE INDEX ${prefix}interaction_customer_idx ON ${prefix}interaction (customer_id, occurred_at, occurred_nanos, id);
CREATE INDEX ${prefix}interaction_time_idx ON ${prefix}interaction (occurred_at, occurred_nanos, id);

CREATE TABLE ${prefix}outbox (
  seq             BIGINT GENERATED ALWAYS AS IDENTITY,
  event_id        UUID                     NOT NULL,
  event_type      VARCHAR(100)             NOT NULL,
  customer_id     UUID                     NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  payload         VARCHAR(1000000)         NOT NULL,
  published_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT ${prefix}outbox_pk PRIMARY KEY (seq),
  CONSTRAINT ${prefix}outbox_event_uk UNIQUE (event_id)
);
CREATE INDEX ${prefix}outbox_pending_idx ON ${prefix}outbox (published_at, seq);

-- One row: a relay run locks it, so that runs never overlap and per-customer order holds.
CREATE TABLE ${prefix}outbox_relay (
  id              INTEGER                  NOT NULL,
  last_run_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT ${prefix}outbox_relay_pk PRIMARY KEY (id)
);
INSERT INTO ${prefix}outbox_relay (id) VALUES (1);
