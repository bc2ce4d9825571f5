package io.crmkit.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.io.CrmStores;
import io.crmkit.io.memory.InMemoryImports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a match model, a row that is a stored customer (or an earlier row) is merged into it, with its lineage. */
class ImportMatchingTest {
  @TempDir
  Path dir;

  private final CrmStores stores = CrmStores.inMemory();
  private final ImportStore imports = stores.base().attach(InMemoryImports.extension());
  private final ColumnMapping mapping = ColumnMapping.builder().column("id", "id").column("name", "fullName")
      .column("phone", "phone").column("email", "email").column("city", "city").build();

  @Test
  void aLaterRowThatIsAnEarlierRowsCustomerIsMergedIntoItAndItsReferenceLeadsToTheSurvivor() throws IOException {
    Path file = dir.resolve("dupes.csv");
    StringBuilder csv = new StringBuilder("id,name,phone,email,city\n");
    for (int i = 0; i < 40; i++) {
      csv.append("U-").append(i).append(",Person").append(i).append(" Family").append(i % 7).append(",+86138")
          .append(String.format("%08d", 1_000_000 + i * 7919)).append(",p").append(i).append("@example.com,City")
          .append(i % 5).append('\n');
    }
    csv.append("D-1,Person3 Family3,+86138").append(String.format("%08d", 1_000_000 + 3 * 7919))
        .append(",p3@example.com,City3\n");
    Files.writeString(file, csv);
    ImportSource source = ImportSource.csv(file);
    MatchModel model = ImportMatching.fit(stores, source, mapping, "erp", 1_000);

    ImportReport report = FileImport.builder().stores(stores).imports(imports).mapping(mapping).system("erp")
        .matching(model).build().run(source);

    assertThat(report.totals().merged()).isEqualTo(1);
    assertThat(report.totals().inserted()).isEqualTo(40);
    assertThat(stores.base().customers().count(Criteria.all())).isEqualTo(40);
    var survivor = stores.base().customers().findByExternalReference(ExternalReference.of("erp", "U-3")).orElseThrow();
    assertThat(stores.base().customers().findByExternalReference(ExternalReference.of("erp", "D-1")))
        .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(survivor.id()));
    assertThat(stores.dedup().mergeLineage().involving(survivor.id())).hasSize(1);
  }
}
