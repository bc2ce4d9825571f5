package io.crmkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.io.CrmStores;
import io.crmkit.io.imports.ColumnMapping;
import io.crmkit.io.imports.FileImport;
import io.crmkit.io.imports.ImportReport;
import io.crmkit.io.imports.ImportSource;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.jdbc.JdbcImports;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.JdbcSegmentation;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.segmentation.SegmentationEvent;
import io.crmkit.testkit.dedup.GeneratedCustomers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A CSV of generated customers ({@code dedup.GenerateDuplicates}) imported end to end with crm-io's
 * {@link FileImport} (read, map, standardise, code, validate, upsert by reference, a checkpoint per
 * batch; no matching, as a bulk load runs) into an H2 database file and into embedded PostgreSQL,
 * against the baseline of the same rows written by plain JDBC batches ({@link RawJdbcLoader}, no
 * validation, no side tables but codes, tags, references and attributes, rows converted by the
 * testkit's {@link GeneratedCustomers}). Heap is sampled every 50 ms during each run (used heap
 * after the last sample, the highest sample, and the heap pools' peak), to show that the import
 * stays within {@code -Xmx512m} whatever the file's size.
 *
 * <pre>
 * java -Xmx512m -cp crm-benchmarks/target/benchmarks.jar io.crmkit.benchmarks.jdbc.FileImportBenchmark \
 *     --file customers.csv [--databases h2,postgresql] [--batch-size 1000]
 * </pre>
 */
public final class FileImportBenchmark {
  private static final int BASELINE_CHUNK = 10_000;

  private FileImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = null;
    List<String> databases = List.of("h2", "postgresql");
    int batchSize = 1_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--file" -> file = Path.of(args[i + 1]);
        case "--databases" -> databases = List.of(args[i + 1].split(","));
        case "--batch-size" -> batchSize = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (file == null || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("usage: FileImportBenchmark --file CSV [--databases h2,postgresql]"
          + " [--batch-size N]");
    }
    System.out.printf(Locale.ROOT, "# File import benchmark: %s (%,d bytes)%n", file.getFileName(), Files.size(file));
    System.out.printf(Locale.ROOT, "JDK %s, %d cores, max heap %,d MB, batch %d%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, batchSize);
    List<String> lines = new ArrayList<>();
    if (databases.contains("h2")) {
      Path folder = Files.createTempDirectory("crmkit-import-bench");
      lines.add(run("H2 file", file, batchSize, () -> h2(folder.resolve("crmkit"))));
      lines.add(baseline("H2 file", file, () -> h2(folder.resolve("raw")), false));
    }
    if (databases.contains("postgresql")) {
      try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
        lines.add(run("PostgreSQL", file, batchSize, () -> postgres(server, "crmkit")));
        lines.add(baseline("PostgreSQL", file, () -> postgres(server, "raw"), true));
      }
    }
    System.out.println();
    System.out.println("| database | variant | rows | seconds | rows/s | heap used, highest sample"
        + " | heap pools' peak |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    lines.forEach(System.out::println);
  }

  @FunctionalInterface
  private interface Database {
    DataSource open() throws Exception;
  }

  private static String run(String name, Path file, int batchSize, Database database) throws Exception {
    DataSource dataSource = database.open();
    JdbcCrmStore base = JdbcCrmStore.create(dataSource, JdbcDedup.options(JdbcOptions.builder()
        .eventFamilies(SegmentationEvent.FAMILY, PrivacyEvent.FAMILY)).build());
    CrmStores stores = CrmStores.attach(base, new CrmStores.Extensions(JdbcLifecycle.extension(),
        JdbcDimensionCodes.extension(), JdbcDedup.extension(), JdbcMetrics.extension(), JdbcSegmentation.extension(),
        JdbcPrivacy.extension()));
    ImportSource source = ImportSource.csv(file);
    FileImport fileImport = FileImport.builder().stores(stores).imports(base.attach(JdbcImports.extension()))
        .mapping(ColumnMapping.byName(source, ColumnMapping.UnknownColumns.IGNORE)).system("generated")
        .batchSize(batchSize).listener((row, totals) -> {
          if (row % 100_000 == 0) {
            System.out.printf(Locale.ROOT, "  %s crmkit: %,d rows%n", name, row);
          }
        }).build();
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    ImportReport report = fileImport.run(source);
    double seconds = (System.nanoTime() - t0) / 1e9;
    HeapSampler.Result used = heap.stop();
    close(dataSource);
    System.out.printf(Locale.ROOT, "%s crmkit FileImport: %s%n", name, report.totals());
    return row(name, "crmkit `FileImport` (match none)", report.totals().read(), seconds, used);
  }

  private static String baseline(String name, Path file, Database database, boolean jsonb) throws Exception {
    DataSource dataSource = database.open();
    JdbcCrmStore.create(dataSource);
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    long rows = 0;
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      List<Customer> chunk = new ArrayList<>(BASELINE_CHUNK);
      Instant now = Instant.now();
      for (NamedCsvRecord record : csv) {
        chunk.add(customer(record, now));
        rows++;
        if (chunk.size() == BASELINE_CHUNK) {
          RawJdbcLoader.load(dataSource, "crm_", jsonb, chunk);
          chunk.clear();
        }
      }
      RawJdbcLoader.load(dataSource, "crm_", jsonb, chunk);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    HeapSampler.Result used = heap.stop();
    close(dataSource);
    return row(name, "raw JDBC batches (baseline)", rows, seconds, used);
  }

  private static Customer customer(NamedCsvRecord record, Instant now) {
    MatchInput.Builder input = new MatchInput.Builder().id(record.getField("id"));
    text(record, "source").ifPresent(input::source);
    text(record, "kind").ifPresent(kind -> input.kind(kind.equals("organisation") ? CustomerKind.ORGANISATION
        : CustomerKind.PERSON));
    text(record, "full_name").ifPresent(input::fullName);
    text(record, "family_name").ifPresent(input::familyName);
    text(record, "given_name").ifPresent(input::givenName);
    text(record, "legal_name").ifPresent(input::legalName);
    text(record, "identifier").ifPresent(input::identifier);
    text(record, "phone").ifPresent(p -> List.of(p.split(";")).forEach(input::addPhone));
    text(record, "email").ifPresent(e -> List.of(e.split(";")).forEach(input::addEmail));
    text(record, "address_line").ifPresent(input::addressLine);
    text(record, "region").ifPresent(input::region);
    text(record, "city").ifPresent(input::city);
    text(record, "district").ifPresent(input::district);
    text(record, "street").ifPresent(input::street);
    text(record, "postcode").ifPresent(input::postcode);
    NewCustomer details;
    try {
      details = GeneratedCustomers.toNewCustomer(input.build());
    } catch (IllegalArgumentException e) {
      details = NewCustomer.person("Unknown", null).build();
    }
    return new Customer.Builder().from(details).id(CustomerId.of(UUID.randomUUID())).version(1).createdAt(now)
        .updatedAt(now).build();
  }

  private static Optional<String> text(NamedCsvRecord record, String column) {
    return record.findField(column).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static String row(String database, String variant, long rows, double seconds, HeapSampler.Result heap) {
    return String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %,.0f | %,d MB | %,d MB |", database, variant, rows,
        seconds, rows / seconds, heap.highestSample() >> 20, heap.poolPeak() >> 20);
  }

  private static DataSource h2(Path file) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }

  private static DataSource postgres(EmbeddedPostgres server, String schema) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://localhost:" + server.getPort() + "/postgres?currentSchema=" + schema);
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    config.setPoolName("import-" + schema);
    return new HikariDataSource(config);
  }

  private static void close(DataSource dataSource) throws SQLException {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    } else {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    }
  }

  /** Samples the used heap every 50 ms, and reads the heap pools' peak at the end. */
  private static final class HeapSampler {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "heap-sampler");
      thread.setDaemon(true);
      return thread;
    });
    private final AtomicLong highest = new AtomicLong();

    record Result(long highestSample, long poolPeak) {}

    static HeapSampler start() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
      HeapSampler sampler = new HeapSampler();
      sampler.timer.scheduleAtFixedRate(() -> sampler.highest.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 50,
          TimeUnit.MILLISECONDS);
      return sampler;
    }

    Result stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(1, TimeUnit.SECONDS);
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      return new Result(highest.get(), peak);
    }
  }
}
