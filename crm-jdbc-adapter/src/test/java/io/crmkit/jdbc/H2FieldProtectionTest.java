package io.crmkit.jdbc;

import javax.sql.DataSource;

/** Encryption at rest on H2, with the adapter's own JCA protection ({@link TestFieldProtection}). */
class H2FieldProtectionTest extends FieldProtectionBehaviour {
  @Override
  RotatingProtection newProtection() {
    return RotatingProtection.jca();
  }

  @Override
  DataSource newDatabase(String name) {
    return TestDatabases.h2(name);
  }
}
