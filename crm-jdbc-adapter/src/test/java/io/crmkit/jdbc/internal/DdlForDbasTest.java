package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.jdbc.JdbcImports;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.JdbcSegmentation;
import io.crmkit.jdbc.TestCustomers;
import io.crmkit.jdbc.TestDatabases;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.Purpose;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DdlForDbasTest {
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  private static final List<String> CAPABILITIES = List.of(Migrations.BASE, "dimension_codes", "lifecycle", "dedup",
      "metric", "segmentation", "privacy", "imports");

  @ParameterizedTest
  @CsvSource({"base, h2", "base, postgresql", "dimension_codes, h2", "dimension_codes, postgresql",
      "lifecycle, h2", "lifecycle, postgresql", "dedup, h2", "dedup, postgresql", "metric, h2",
      "metric, postgresql", "segmentation, h2", "segmentation, postgresql",
      "privacy, h2", "privacy, postgresql", "imports, h2", "imports, postgresql"})
  void theDbaDdlOfEachCapabilityIsExactlyWhatFlywayApplies(String capability, String dialect) throws Exception {
    StringBuilder rendered = new StringBuilder();
    for (Path migration : migrations(capability, dialect)) {
      rendered.append(Files.readString(migration, StandardCharsets.UTF_8).replace("${prefix}", "crm_"));
    }
    assertThat(resource(ddl(capability, dialect))).isEqualTo(rendered.toString());
  }

  @Test
  void everyCapabilityWithMigrationsHasItsDbaDdl() throws Exception {
    URL root = DdlForDbasTest.class.getClassLoader().getResource(Migrations.LOCATION);
    try (Stream<Path> folders = Files.list(Path.of(root.toURI()))) {
      assertThat(folders.map(folder -> folder.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(CAPABILITIES);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aDbaWhoRunsTheDdlGetsAWorkingStoreWithoutMigrations(String dialect) throws Exception {
    DataSource dataSource = dialect.equals("h2") ? TestDatabases.h2("dba") : TestDatabases.postgres("dba");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String capability : CAPABILITIES) {
        for (String sql : resource(ddl(capability, dialect)).split(";\\s*\\n")) {
          if (!sql.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
            statement.execute(sql);
          }
        }
      }
    }
    JdbcCrmStore store = JdbcCrmStore.create(dataSource,
        JdbcDedup.options(JdbcOptions.builder().migrateOnStart(false)).build());
    store.customers().save(TestCustomers.fullPerson(1));
    assertThat(store.customers().findById(TestCustomers.fullPerson(1).id())).isPresent();
    assertThat(store.attach(JdbcDimensionCodes.extension()).codeSequences().nextBlock("dba", 1)).isEqualTo(1);
    assertThat(store.attach(JdbcLifecycle.extension()).lifecycleHistory()
        .forCustomer(TestCustomers.fullPerson(1).id())).isEmpty();
    assertThat(store.attach(JdbcDedup.extension()).blockingKeys().keysOf(TestCustomers.fullPerson(1).id())).isEmpty();
    assertThat(store.attach(JdbcMetrics.extension()).customerMetrics().allOf(TestCustomers.fullPerson(1).id())).isEmpty();
    assertThat(store.attach(JdbcSegmentation.extension()).segmentDefinitions().all()).isEmpty();
    assertThat(store.attach(JdbcPrivacy.extension()).auditLog().append(AuditEntry.general("dba", AuditAction.CHANGE,
        "schema", Instant.parse("2026-01-01T00:00:00Z"), "installed by hand")).sequence()).isEqualTo(1);
    assertThat(store.attach(JdbcPrivacy.extension()).consents().append(ConsentEntry.granted(
        TestCustomers.fullPerson(1).id(), Purpose.MARKETING_EMAIL, ConsentSource.IN_PERSON, "paper-form-7",
        Instant.parse("2026-01-01T00:00:00Z"), "dba")).sequence()).isEqualTo(1);
    assertThat(store.attach(JdbcPrivacy.extension()).pseudonymKeys().all()).isEmpty();
    assertThat(store.attach(JdbcImports.extension()).checkpoints().find("dba")).isEmpty();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM crm_customer_tag")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  private static String ddl(String capability, String dialect) {
    return Migrations.DDL_LOCATION + capability + "/" + dialect + ".sql";
  }

  private static List<Path> migrations(String capability, String dialect) throws IOException, URISyntaxException {
    URL folder = DdlForDbasTest.class.getClassLoader().getResource(Migrations.LOCATION + capability + "/" + dialect);
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      List<Path> found = new ArrayList<>(files.filter(p -> VERSION.matcher(p.getFileName().toString()).matches()).toList());
      found.sort(Comparator.comparingInt(DdlForDbasTest::version));
      assertThat(found).isNotEmpty();
      return found;
    }
  }

  private static int version(Path path) {
    Matcher matcher = VERSION.matcher(path.getFileName().toString());
    matcher.matches();
    return Integer.parseInt(matcher.group(1));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DdlForDbasTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
