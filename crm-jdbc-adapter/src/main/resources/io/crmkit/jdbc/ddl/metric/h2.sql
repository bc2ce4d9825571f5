-- crmkit metric, version 1 (H2): computed customer metrics, recorded in
-- <prefix>metric_schema_history. Every table name starts with the configured prefix.
-- Instants are stored as a timestamptz (microseconds) plus the nanoseconds below the microsecond.

-- One row per customer and metric: a number (double precision, so it comes back bit for bit) or
-- a text, never both. No foreign key to the customer table: metrics of a removed customer select
-- nobody, and a bulk write does not read the customers.
CREATE TABLE crm_customer_metric (
  customer_id    UUID                     NOT NULL,
  metric_name    VARCHAR(64)              NOT NULL,
  number_value   DOUBLE PRECISION,
  text_value     VARCHAR(200),
  computed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  computed_nanos INTEGER                  NOT NULL,
  CONSTRAINT crm_customer_metric_pk PRIMARY KEY (customer_id, metric_name),
  CONSTRAINT crm_customer_metric_one_value CHECK ((number_value IS NULL) <> (text_value IS NULL))
);
-- Criteria over a metric read the customers with a value in a range, or equal to a text, from these.
CREATE INDEX crm_customer_metric_number_idx ON crm_customer_metric (metric_name, number_value, customer_id);
CREATE INDEX crm_customer_metric_text_idx ON crm_customer_metric (metric_name, text_value, customer_id);
