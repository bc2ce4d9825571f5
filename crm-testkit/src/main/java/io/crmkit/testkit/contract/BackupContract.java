package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.CrmException;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.io.CrmStores;
import io.crmkit.io.backup.Backup;
import io.crmkit.io.backup.BackupException;
import io.crmkit.io.backup.Restore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.crypto.KeyPurpose;
import io.crmkit.privacy.pseudonym.PseudonymKey;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.segmentation.segment.Segment;
import io.crmkit.testkit.CrmArbitraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Backup and restore of a whole store ({@code io.crmkit.io.backup}): random content in every port
 * of an in-memory store, backed up and restored into an empty store of the technology under test,
 * reads back identically through every port (compared as a backup of the restored store); a
 * target holding data is refused; a backup taken while writers work is self-consistent.
 *
 * <p>Extend it and return a fresh, empty store with every capability from {@link #newEmptyStores()};
 * a technology whose plain transactions are not snapshots overrides {@link #inSnapshot}.
 */
public abstract class BackupContract {
  private static final Instant T0 = Instant.parse("2025-06-01T08:00:00.123456Z");

  /** An empty store of the technology under test, every capability attached. */
  protected abstract CrmStores newEmptyStores();

  /**
   * Runs {@code work} on a view of {@code stores} that reads one consistent snapshot; the default
   * hands over the stores themselves (their transactions are snapshots, as in memory).
   */
  protected <T> T inSnapshot(CrmStores stores, Function<CrmStores, T> work) {
    return work.apply(stores);
  }

  @Property(tries = 8)
  public void aRestoredStoreReadsBackExactlyAsTheOriginalThroughEveryPort(
      @ForAll("contents") Content content) throws IOException {
    CrmStores source = CrmStores.inMemory();
    content.writeTo(source);
    Path dir = Files.createTempDirectory("crmkit-backup-contract");
    try {
      Path original = dir.resolve("original.zip");
      Backup.write(source, original);
      CrmStores target = newEmptyStores();

      Restore.restore(original, target);

      Path again = dir.resolve("restored.zip");
      inSnapshot(target, view -> Backup.write(view, again));
      Map<String, List<String>> expected = lines(original);
      Map<String, List<String>> actual = lines(again);
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((file, records) -> assertThat(actual.get(file)).as(file).isEqualTo(records));
      assertThat(target.privacy().auditLog().verify().intact()).isTrue();
      assertThat(target.base().customers().count(Criteria.all()))
          .isEqualTo(source.base().customers().count(Criteria.all()));
    } finally {
      deleteTree(dir);
    }
  }

  @Example
  public void aTargetHoldingDataIsRefusedAndKeepsItsData() throws IOException {
    CrmStores source = CrmStores.inMemory();
    Customer customer = CrmArbitraries.customers().sample();
    source.base().customerBatches().insertAll(List.of(customer));
    Path dir = Files.createTempDirectory("crmkit-backup-contract");
    try {
      Path zip = dir.resolve("one.zip");
      Backup.write(source, zip);
      CrmStores target = newEmptyStores();
      target.segmentation().segmentDefinitions().save(Segment.of("VIP", Criteria.tierIs(ValueTier.VIP)));

      assertThatThrownBy(() -> Restore.restore(zip, target)).isInstanceOf(BackupException.class)
          .hasMessageContaining("not empty").hasMessageContaining("segments")
          .extracting(e -> ((BackupException) e).reason()).isEqualTo(BackupException.Reason.TARGET_NOT_EMPTY);
      assertThat(target.base().customers().count(Criteria.all())).isZero();
    } finally {
      deleteTree(dir);
    }
  }

  @Example
  public void aBackupTakenWhileWritersWorkHasEveryPurchasesCustomerAndMatchesItsManifest() throws Exception {
    CrmStores stores = newEmptyStores();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger written = new AtomicInteger();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        Customer customer = new Customer.Builder().from(CrmArbitraries.customers().sample())
            .id(CustomerId.of(UUID.randomUUID())).build();
        Purchase purchase = new Purchase.Builder()
            .from(CrmArbitraries.purchases(Arbitraries.just(customer.id()), Arbitraries.just(T0)).sample())
            .id(ActivityId.of(UUID.randomUUID())).build();
        try {
          stores.base().transactions().inTransaction(() -> {
            stores.base().customerBatches().insertAll(List.of(customer));
            stores.base().purchases().record(purchase);
            return null;
          });
          written.incrementAndGet();
        } catch (CrmException clash) {
          // A sampled id or reference met one written before: that pair is simply not written.
        }
      }
    });
    Path dir = Files.createTempDirectory("crmkit-backup-contract");
    try {
      writer.start();
      while (written.get() < 5) {
        Thread.onSpinWait();
      }
      Path zip = dir.resolve("busy.zip");
      inSnapshot(stores, view -> Backup.write(view, zip));
      stop.set(true);
      writer.join();

      var manifest = Restore.verify(zip);
      Map<String, List<String>> lines = lines(zip);
      List<String> customerIds = lines.get("customers.jsonl").stream().map(BackupContract::idOf).toList();
      assertThat(manifest.file("customers.jsonl").orElseThrow().records()).isEqualTo(customerIds.size());
      assertThat(lines.get("purchases.jsonl")).hasSize(customerIds.size())
          .allSatisfy(line -> assertThat(customerIds).contains(customerOf(line)));
    } finally {
      stop.set(true);
      writer.join();
      deleteTree(dir);
    }
  }

  /** What a try writes into the source store. */
  public record Content(List<Customer> customers, List<Purchase> purchases, List<CustomerMetric> metrics,
      long sequence, boolean undoMerge) {

    void writeTo(CrmStores stores) {
      stores.base().customerBatches().insertAll(customers.subList(1, customers.size()));
      Customer first = stores.base().customers().save(customers.get(0));
      Customer updated = stores.base().customers().save(new Customer.Builder().from(first).displayName("Renamed")
          .build());
      stores.base().purchases().recordAll(purchases);
      stores.metrics().customerMetrics().recordAll(metrics);
      stores.lifecycle().lifecycleHistory().append(new HistoryEntry(first.id(), updated.version(),
          LifecycleStage.PROSPECT, LifecycleStage.ACTIVE, Trigger.MANUAL, T0, "contract", Optional.of("first order")));
      stores.lifecycle().churnSignals().recordAll(List.of(new ChurnSignal(first.id(), 0.25, T0, "bg-nbd"),
          new ChurnSignal(first.id(), 0.5, T0.plusSeconds(86_400), "bg-nbd")));
      stores.codes().codeSequences().nextBlock("CT:11", (int) sequence);
      CodeRequest request = new CodeRequest.Builder().id(CodeRequestId.of(new UUID(7, sequence))).schemeId("segment")
          .code("K" + sequence).labels(Labels.of("en", "code " + sequence)).origin(CodeRequest.Origin.USER)
          .requestedBy("alice").requestedAt(T0).build();
      stores.codes().codeRequests().add(request);
      stores.codes().codeRequests().add(new CodeRequest.Builder().from(request)
          .id(CodeRequestId.of(new UUID(8, sequence))).code("P" + sequence).build());
      stores.codes().codeRequests().decide(request.id(), CodeRequest.Decision.approved("bob", T0.plusSeconds(5), null));
      stores.dedup().blockingKeys().replace(first.id(), Set.of("sx:W452", "ph:1234"));
      stores.dedup().reviewQueue().enqueue(new ReviewItem("r-1", "r-2", 0.6,
          List.of(new FieldScore("familyName", "exact", 4.25)), T0));
      stores.dedup().reviewQueue().decide(new ReviewDecision("r-3", "r-4", ReviewDecision.Verdict.SAME, "carol", T0));
      if (customers.size() > 1) {
        Merger merger = Merger.builder().store(stores.dedup()).lifecycle(stores.lifecycle())
            .clock(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
        var merged = merger.merge(customers.get(1).id(), List.of(first.id()), "steward");
        if (undoMerge) {
          merger.unmerge(merged.merge().id(), "steward");
        }
      }
      stores.segmentation().segmentDefinitions().save(Segment.of("VIP", Criteria.tierIs(ValueTier.VIP)));
      for (int i = 0; i < 3; i++) {
        stores.privacy().auditLog().append(AuditEntry.about(first.id(), "rep-" + i, AuditAction.CHANGE,
            "customer.phone", T0.plusSeconds(i), "ticket " + i));
      }
      stores.privacy().consents().append(new ConsentEntry(customers.get(customers.size() - 1).id(),
          Purpose.MARKETING_EMAIL, ConsentStatus.GRANTED, ConsentSource.WEB_FORM, "form-v3", T0, "contract"));
      stores.privacy().pseudonymKeys().add(PseudonymKey.created("exports", T0, new byte[] {1, 2, (byte) sequence}));
      stores.privacy().pseudonymKeys().retire("exports", T0.plusSeconds(10));
      stores.privacy().protectionKeys().recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 1, T0);
      stores.privacy().protectionKeys().recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 2,
          T0.plusSeconds(100));
      stores.privacy().protectionKeys().recordRetired(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 1,
          T0.plusSeconds(200));
    }
  }

  @Provide
  Arbitrary<Content> contents() {
    return CrmArbitraries.customerLists(1, 6).flatMap(customers -> {
      List<CustomerId> ids = customers.stream().map(Customer::id).toList();
      Arbitrary<List<Purchase>> purchases = CrmArbitraries.purchases(Arbitraries.of(ids), CrmArbitraries.instants())
          .list().ofMaxSize(8);
      return Combinators.combine(purchases, CrmArbitraries.customerMetrics(ids, T0),
          Arbitraries.longs().between(1, 500), Arbitraries.of(true, false))
          .as((p, m, sequence, undo) -> new Content(customers, p, m, sequence, undo));
    });
  }

  /** Each file of a backup but the manifest, its lines sorted (ports promise no order). */
  private static Map<String, List<String>> lines(Path zip) {
    Map<String, List<String>> files = new TreeMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.getName().equals(Backup.MANIFEST)) {
          String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
          List<String> sorted = new ArrayList<>(text.lines().map(line -> canonical(entry.getName(), line)).toList());
          sorted.sort(null);
          files.put(entry.getName(), sorted);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * The line with the arrays that hold sets (blocking keys, identifiers, tags, references) sorted
   * and every object's keys sorted: a set or a map is written in no fixed order (PostgreSQL's jsonb
   * reorders keys); a consent without its sequence, which a restore renumbers.
   */
  private static String canonical(String file, String line) {
    try {
      JsonNode tree = CrmJson.newMapper().readTree(line);
      sortSets(tree);
      if (file.equals("consents.jsonl")) {
        // A restore appends the consents again, in their order, under the target's own sequence numbers.
        ((ObjectNode) tree).remove("sequence");
      }
      ObjectMapper sorted = CrmJson.newMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
      return sorted.writeValueAsString(sorted.treeToValue(tree, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sortSets(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        if (SETS.contains(field.getKey()) && field.getValue() instanceof ArrayNode array) {
          List<JsonNode> elements = new ArrayList<>();
          array.forEach(elements::add);
          elements.sort(java.util.Comparator.comparing(JsonNode::toString));
          array.removeAll();
          array.addAll(elements);
        } else {
          sortSets(field.getValue());
        }
      });
    } else if (node instanceof ArrayNode array) {
      array.forEach(BackupContract::sortSets);
    }
  }

  private static final Set<String> SETS = Set.of("blockingKeys", "keys", "organisationIdentifiers",
      "personIdentifiers", "tags", "externalReferences");

  private static String idOf(String customerLine) {
    return field(customerLine, "id");
  }

  private static String customerOf(String purchaseLine) {
    return field(purchaseLine, "customerId");
  }

  private static String field(String line, String name) {
    try {
      return CrmJson.newMapper().readTree(line).get(name).asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
