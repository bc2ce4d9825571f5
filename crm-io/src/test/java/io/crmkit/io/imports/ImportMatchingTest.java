package io.crmkit.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.dedup.match.MatchModel;
import io.crmkit.io.CrmStores;
import io.crmkit.io.memory.InMemoryImports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
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
    ImportSource source = ImportSource.csv(dupes("dupes.csv", "Person3"));
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

  @Test
  void restartingAFinishedImportWhoseRowsWereMergedLeavesEveryRowUnchanged() throws IOException {
    ImportSource source = ImportSource.csv(dupes("dupes.csv", "Persn3"));
    MatchModel model = ImportMatching.fit(stores, source, mapping, "erp", 1_000);
    ImportReport first = FileImport.builder().stores(stores).imports(imports).mapping(mapping).system("erp")
        .matching(model).build().run(source);
    assertThat(first.totals().merged()).isEqualTo(1);
    Customer survivor = byReference("U-3");
    assertThat(survivor.externalReferences()).hasSize(2);

    for (int batchSize : new int[] {1_000, 1}) {
      ImportReport again = FileImport.builder().stores(stores).imports(imports).mapping(mapping).system("erp")
          .matching(model).restart(true).batchSize(batchSize).build().run(source);

      assertThat(again.totals()).as("batches of %s", batchSize).isEqualTo(new ImportTotals(41, 0, 0, 41, 0, 0, 0));
      assertThat(byReference("U-3")).isEqualTo(survivor);
    }
  }

  @Test
  void anEditedCopyChangingBothRowsOfAMergedCustomerAppliesThemOneOnTopOfTheOther() throws IOException {
    ImportSource source = ImportSource.csv(dupes("dupes.csv", "Persn3"));
    MatchModel model = ImportMatching.fit(stores, source, mapping, "erp", 1_000);
    FileImport.builder().stores(stores).imports(imports).mapping(mapping).system("erp").matching(model).build()
        .run(source);
    Path edited = Files.writeString(dir.resolve("edited.csv"), Files.readAllLines(dupes("copy.csv", "Persn3"))
        .stream().map(line -> line.startsWith("U-3,") || line.startsWith("D-1,") ? line.replace("City3", "Town3")
            : line).collect(Collectors.joining("\n", "", "\n")));

    ImportReport again = FileImport.builder().stores(stores).imports(imports).mapping(mapping).system("erp").build()
        .run(ImportSource.csv(edited));

    assertThat(again.totals().updated()).isEqualTo(2);
    assertThat(again.totals().rejected()).isZero();
    Customer survivor = byReference("U-3");
    assertThat(byReference("D-1").id()).isEqualTo(survivor.id());
    assertThat(survivor.addresses()).singleElement().satisfies(a -> assertThat(a.city()).contains("Town3"));
  }

  private Customer byReference(String id) {
    return stores.base().customers().findByExternalReference(ExternalReference.of("erp", id)).orElseThrow();
  }

  /** 40 people, then D-1: person 3 again under this given name. */
  private Path dupes(String name, String duplicateGivenName) throws IOException {
    StringBuilder csv = new StringBuilder("id,name,phone,email,city\n");
    for (int i = 0; i < 40; i++) {
      csv.append("U-").append(i).append(",Person").append(i).append(" Family").append(i % 7).append(",+86138")
          .append(String.format("%08d", 1_000_000 + i * 7919)).append(",p").append(i).append("@example.com,City")
          .append(i % 5).append('\n');
    }
    csv.append("D-1,").append(duplicateGivenName).append(" Family3,+86138")
        .append(String.format("%08d", 1_000_000 + 3 * 7919)).append(",p3@example.com,City3\n");
    return Files.writeString(dir.resolve(name), csv);
  }
}
