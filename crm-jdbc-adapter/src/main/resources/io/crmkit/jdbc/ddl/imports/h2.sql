-- crmkit imports, version 1 (H2): file import checkpoints, recorded in
-- <prefix>imports_schema_history. Every table name starts with the configured prefix.

-- One row per import: the source it was begun on, the last data row whose batch is committed
-- (written in that batch's transaction), whether the file is done, the counts so far, and when
-- it was written (a microsecond timestamp plus the remaining nanoseconds, read back exactly).
CREATE TABLE crm_import_checkpoint (
  import_id     VARCHAR(200)             NOT NULL,
  source        VARCHAR(500)             NOT NULL,
  last_row      BIGINT                   NOT NULL,
  finished      BOOLEAN                  NOT NULL,
  rows_read     BIGINT                   NOT NULL,
  inserted      BIGINT                   NOT NULL,
  updated       BIGINT                   NOT NULL,
  unchanged     BIGINT                   NOT NULL,
  merged        BIGINT                   NOT NULL,
  queued        BIGINT                   NOT NULL,
  rejected      BIGINT                   NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_nanos INTEGER                  NOT NULL,
  CONSTRAINT crm_import_checkpoint_pk PRIMARY KEY (import_id)
);
