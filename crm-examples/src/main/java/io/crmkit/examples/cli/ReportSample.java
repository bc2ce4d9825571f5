package io.crmkit.examples.cli;

import io.crmkit.examples.report.SampleCustomers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Fills a store with {@link SampleCustomers}, for {@code crmkit report} to show:
 * {@code java -cp crmkit.jar io.crmkit.examples.cli.ReportSample JDBC_URL [CUSTOMERS [AS_OF]]}, by
 * default 2,000 customers in the embedded H2 database, timed before 2025-07-01. CI fills a
 * temporary database with it and renders the report in a headless browser.
 */
public final class ReportSample {

  private ReportSample() {}

  /**
   * @param args the JDBC URL, the number of customers, the report's day (yyyy-MM-dd)
   */
  public static void main(String[] args) {
    StoreOptions options = new StoreOptions();
    options.url = args.length > 0 ? args[0] : StoreOptions.DEFAULT_URL;
    options.passwordVariable = "CRMKIT_JDBC_PASSWORD";
    int customers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Instant asOf = LocalDate.parse(args.length > 2 ? args[2] : "2025-07-01").atStartOfDay(ZoneOffset.UTC).toInstant();
    try (StoreOptions.OpenStore open = options.open()) {
      SampleCustomers.fill(open.stores(), customers, asOf, 13);
    }
    System.out.printf("filled %s with %,d sample customers before %s%n", options.url, customers, asOf);
  }
}
