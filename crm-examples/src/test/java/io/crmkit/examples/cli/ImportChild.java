package io.crmkit.examples.cli;

import io.crmkit.io.imports.ColumnMapping;
import io.crmkit.io.imports.FileImport;
import io.crmkit.io.imports.ImportSource;
import io.crmkit.jdbc.JdbcImports;
import java.nio.file.Path;

/**
 * A small program the kill-and-resume test runs in a child JVM: imports FILE into the H2 database
 * URL in batches of BATCH rows as {@code crmkit import --match none} does, and prints
 * {@code committed ROW} after each committed batch, so the test knows when to kill it.
 */
final class ImportChild {
  private ImportChild() {}

  public static void main(String[] args) {
    StoreOptions options = new StoreOptions();
    options.url = args[0];
    options.passwordVariable = "CRMKIT_TEST_NO_PASSWORD";
    ImportSource source = ImportSource.csv(Path.of(args[1]));
    try (StoreOptions.OpenStore open = options.open()) {
      FileImport.builder().stores(open.stores()).imports(open.jdbc().attach(JdbcImports.extension()))
          .mapping(ColumnMapping.byName(source, ColumnMapping.UnknownColumns.REPORT)).system("erp")
          .batchSize(Integer.parseInt(args[2]))
          .listener((row, totals) -> {
            System.out.println("committed " + row);
            System.out.flush();
          })
          .build().run(source);
    }
  }
}
