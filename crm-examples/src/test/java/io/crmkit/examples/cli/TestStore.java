package io.crmkit.examples.cli;

import java.nio.file.Path;

/** An H2 file database in a test's temporary folder, opened as the commands open it. */
final class TestStore {

  private TestStore() {}

  /** The JDBC URL of a database in {@code dir}. */
  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }

  /** Opens the database at {@code url} with every capability, as {@code --jdbc-url url} does. */
  static StoreOptions.OpenStore open(String url) {
    StoreOptions options = new StoreOptions();
    options.url = url;
    options.passwordVariable = "CRMKIT_JDBC_PASSWORD";
    return options.open();
  }
}
