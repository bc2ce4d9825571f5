package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.incremental.IncrementalMatcher;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.protection.FieldProtection;
import io.crmkit.core.protection.FieldProtectionException;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import io.crmkit.testkit.dedup.GeneratedCustomers;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store with {@link JdbcOptions#fieldProtection} keeps no clear text of protected fields, reads
 * back what it stored, finds customers by phone, e-mail and identifier through blind indexes, keeps
 * deduplication working, re-encrypts stale ciphertexts in batches and fails loudly on tampering.
 * Run on H2 and PostgreSQL, each with the adapter's JCA protection and with crm-privacy's Tink
 * protection, by subclasses; every test has a database of its own.
 */
abstract class FieldProtectionBehaviour {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final AtomicLong IDS = new AtomicLong();
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Shorter clear values are left out of the scan: a ciphertext or blind index (base64url) can hold
   * a short string such as {@code 1985} by chance, and such a string identifies nobody.
   */
  private static final int MIN_SCANNED_LENGTH = 6;

  /** A new, empty database (or schema). */
  abstract DataSource newDatabase(String name);

  /** A new protection with fresh keys, and its rotation. */
  abstract RotatingProtection newProtection();

  private JdbcCrmStore store(DataSource dataSource, FieldProtection protection) {
    return JdbcCrmStore.create(dataSource,
        JdbcDedup.options(JdbcOptions.builder()).fieldProtection(protection).build());
  }

  @Test
  void noTableHoldsAClearProtectedValueAfterSavesImportsBlockingAndAMerge() throws SQLException {
    DataSource dataSource = newDatabase("protection_scan");
    JdbcCrmStore store = store(dataSource, newProtection().protection());
    DedupStore dedup = store.attach(JdbcDedup.extension());
    List<Customer> generated = generated(11, 120);
    List<Customer> single = generated.subList(0, 20);
    List<Customer> imported = generated.subList(20, generated.size());
    single.forEach(store.customers()::save);
    assertThat(CustomerImporter.on(store).insertAll(imported).inserted()).isEqualTo(imported.size());
    IncrementalMatcher matcher = matcher(dedup, generated);
    matcher.indexAll(generated);
    Merger merger = Merger.builder().store(dedup).build();
    merger.merge(generated.get(0).id(), List.of(generated.get(1).id()), "steward");
    Merge undone = merger.merge(generated.get(2).id(), List.of(generated.get(3).id()), "steward").merge();
    merger.unmerge(undone.id(), "steward");

    Set<String> protectedValues = protectedValues(generated);
    String everything = everyStoredText(dataSource);

    assertThat(protectedValues).as("the customers have protected values to look for").hasSizeGreaterThan(200);
    assertThat(protectedValues).allSatisfy(value -> assertThat(everything).as("stored text").doesNotContain(value));
    assertThat(everything).as("names stay clear").contains(generated.get(30).displayName());
  }

  @Test
  void theScanFindsTheValuesInAStoreWithoutProtection() throws SQLException {
    DataSource dataSource = newDatabase("protection_scan_clear");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<Customer> generated = generated(11, 30);
    generated.forEach(store.customers()::save);

    String everything = everyStoredText(dataSource);

    List<String> phones = generated.stream().flatMap(c -> LookupKey.of(c).stream())
        .filter(key -> key.type().equals(LookupKey.PHONE)).map(LookupKey::value).toList();
    assertThat(phones).isNotEmpty().allSatisfy(phone -> assertThat(everything).contains(phone));
    assertThat(generated.stream().flatMap(c -> c.birthDate().stream()).map(Object::toString).toList())
        .isNotEmpty().allSatisfy(date -> assertThat(everything).contains(date));
  }

  @Test
  void whatIsSavedUpdatedOrImportedReadsBackExactly() {
    JdbcCrmStore store = store(newDatabase("protection_round_trip"), newProtection().protection());
    List<Customer> generated = generated(23, 110);
    List<Customer> saved = new ArrayList<>();
    for (Customer customer : generated.subList(0, 10)) {
      saved.add(store.customers().save(customer));
    }
    Customer changed = store.customers().save(new Customer.Builder().from(saved.get(0))
        .contactPoints(List.of(ContactPoint.phone("+8613912345678"), ContactPoint.email("new.mail@example.cn")))
        .build());
    CustomerImporter.on(store).insertAll(generated.subList(10, generated.size()));
    Customer full = store.customers().save(TestCustomers.fullPerson(5));

    assertThat(store.customers().findById(changed.id())).contains(changed);
    assertThat(store.customers().findById(full.id())).contains(full);
    for (Customer customer : generated.subList(1, generated.size())) {
      assertThat(store.customers().findById(customer.id())).contains(customer.withVersion(1));
    }
    try (var all = store.customers().stream(Criteria.all())) {
      assertThat(all.count()).isEqualTo(generated.size() + 1);
    }
  }

  @Test
  void lookupsByPhoneEmailAndIdentifierFindWhatTheEvaluatorFinds() {
    JdbcCrmStore store = store(newDatabase("protection_lookup"), newProtection().protection());
    List<Customer> generated = generated(5, 60);
    List<Customer> stored = new ArrayList<>();
    generated.forEach(customer -> stored.add(store.customers().save(customer)));
    List<Criteria> lookups = new ArrayList<>();
    for (Customer customer : stored) {
      for (LookupKey key : LookupKey.of(customer)) {
        if (key.type().equals(LookupKey.PHONE)) {
          lookups.add(Criteria.hasPhone(key.value()));
        } else if (key.type().equals(LookupKey.EMAIL)) {
          int at = key.value().indexOf('@');
          lookups.add(Criteria.hasEmail(key.value().substring(0, at) + key.value().substring(at)
              .toUpperCase(java.util.Locale.ROOT)));
        }
      }
      customer.personIdentifiers().forEach(id -> lookups.add(Criteria.hasPersonIdentifier(id.scheme(),
          id.value().toLowerCase(java.util.Locale.ROOT))));
      customer.organisationIdentifiers().forEach(id -> lookups.add(Criteria.hasOrganisationIdentifier(id.scheme(),
          id.value())));
    }

    assertThat(lookups).hasSizeGreaterThan(60);
    for (Criteria lookup : lookups) {
      List<Customer> expected = stored.stream().filter(c -> CriteriaEvaluator.matches(lookup, c)).toList();
      assertThat(expected).as("%s finds someone", lookup).isNotEmpty();
      assertThat(store.customers().find(lookup, Sort.byId(), PageRequest.first(50)).items()).as("%s", lookup)
          .containsExactlyElementsOf(expected.stream().sorted(CriteriaEvaluator.comparator(Sort.byId())).toList());
      assertThat(store.customers().count(Criteria.not(lookup))).isEqualTo(stored.size() - expected.size());
    }
  }

  @Test
  void criteriaAndSortingOnAnEncryptedBirthDateFailNamingTheField() {
    JdbcCrmStore store = store(newDatabase("protection_birth_date"), newProtection().protection());
    store.customers().save(TestCustomers.fullPerson(1));

    assertThatThrownBy(() -> store.customers().count(Criteria.eq(CustomerField.BIRTH_DATE,
        TestCustomers.fullPerson(1).birthDate().orElseThrow())))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("birthDate is encrypted");
    assertThatThrownBy(() -> store.customers().find(Criteria.all(), Sort.ascending(CustomerField.BIRTH_DATE),
        PageRequest.first(10))).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("birthDate");
  }

  @Test
  void blockingKeysAreBlindIndexedAndStillFindTheirCustomersThroughAMergeAndUnmerge() throws SQLException {
    DataSource dataSource = newDatabase("protection_blocking");
    JdbcCrmStore store = store(dataSource, newProtection().protection());
    DedupStore dedup = store.attach(JdbcDedup.extension());
    Customer survivor = store.customers().save(TestCustomers.fullPerson(1));
    Customer duplicate = store.customers().save(TestCustomers.fullPerson(2));
    dedup.blockingKeys().replace(survivor.id(), Set.of("phone:+8613800138000"));
    dedup.blockingKeys().replace(duplicate.id(), Set.of("email:wei2@example.com"));

    assertThat(dedup.blockingKeys().find(List.of("email:wei2@example.com", "phone:+8613800138000")))
        .containsEntry(duplicate.id(), Set.of("email:wei2@example.com"))
        .containsEntry(survivor.id(), Set.of("phone:+8613800138000"));
    assertThat(everyStoredText(dataSource)).doesNotContain("+8613800138000").doesNotContain("wei2@example.com");

    Merger merger = Merger.builder().store(dedup).build();
    Merge merge = merger.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();

    assertThat(dedup.blockingKeys().find(List.of("email:wei2@example.com")).keySet()).containsExactly(survivor.id());
    assertThat(dedup.blockingKeys().keysOf(survivor.id())).hasSize(2)
        .allSatisfy(key -> assertThat(key).startsWith("blind:"));
    assertThat(dedup.mergeLineage().find(merge.id())).contains(merge);

    List<Customer> restored = merger.unmerge(merge.id(), "steward");

    assertThat(restored).extracting(Customer::id).contains(duplicate.id());
    assertThat(store.customers().findById(duplicate.id()).map(Customer::contactPoints))
        .contains(duplicate.contactPoints());
    assertThat(dedup.blockingKeys().find(List.of("email:wei2@example.com")).keySet()).containsExactly(duplicate.id());
    assertThat(dedup.blockingKeys().find(List.of("phone:+8613800138000")).keySet()).containsExactly(survivor.id());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 1000})
  void rotationReencryptsEveryStaleRowInBatchesAndLeavesEverythingReadableWithTheNewKeyAlone(int batchSize)
      throws SQLException {
    DataSource dataSource = newDatabase("protection_rotation");
    RotatingProtection keys = newProtection();
    JdbcCrmStore before = store(dataSource, keys.protection());
    DedupStore dedupBefore = before.attach(JdbcDedup.extension());
    List<Customer> stored = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      stored.add(before.customers().save(TestCustomers.fullPerson(100 + i)));
    }
    Merge merge = Merger.builder().store(dedupBefore).build()
        .merge(stored.get(0).id(), List.of(stored.get(1).id()), "steward").merge();
    Customer golden = before.customers().findById(stored.get(0).id()).orElseThrow();
    FieldProtection rotated = keys.rotate();
    JdbcCrmStore after = store(dataSource, rotated);
    after.attach(JdbcDedup.extension());
    String detailsBefore = details(dataSource, stored.get(5).id());
    assertThat(storedCiphertexts(dataSource, rotated)).as("stale before re-encryption").doesNotContainValue(true);

    ReencryptionReport report = after.reencrypt(batchSize);
    ReencryptionReport again = after.reencrypt(batchSize);

    assertThat(report).isEqualTo(new ReencryptionReport(24, 24, 1, 1));
    assertThat(again).isEqualTo(new ReencryptionReport(24, 0, 1, 0));
    assertThat(details(dataSource, stored.get(5).id())).isNotEqualTo(detailsBefore);
    assertThat(storedCiphertexts(dataSource, rotated)).hasSizeGreaterThan(24 * 3)
        .allSatisfy((ciphertext, current) -> assertThat(current).as("current: %s", ciphertext).isTrue());
    JdbcCrmStore newKeyOnly = store(dataSource, keys.retireOldKeys());
    for (Customer customer : stored.subList(2, stored.size())) {
      assertThat(newKeyOnly.customers().findById(customer.id())).contains(customer);
    }
    assertThat(newKeyOnly.customers().findById(golden.id())).contains(golden);
    assertThat(newKeyOnly.attach(JdbcDedup.extension()).mergeLineage().find(merge.id())).contains(merge);
    assertThat(newKeyOnly.customers().count(Criteria.hasEmail("wei110@example.com"))).isEqualTo(1);
  }

  @Test
  void reencryptionNeedsAProtectionAndASensibleBatchSize() {
    DataSource dataSource = newDatabase("protection_rotation_guards");
    JdbcCrmStore clear = JdbcCrmStore.create(dataSource);
    JdbcCrmStore encrypted = store(dataSource, newProtection().protection());

    assertThatThrownBy(() -> clear.reencrypt(100)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no field protection");
    assertThatThrownBy(() -> encrypted.reencrypt(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize");
  }

  @Test
  void aTamperedOrMovedCiphertextFailsTheReadLoudly() throws SQLException {
    DataSource dataSource = newDatabase("protection_tamper");
    JdbcCrmStore store = store(dataSource, newProtection().protection());
    Customer wei = store.customers().save(TestCustomers.fullPerson(1));
    Customer other = store.customers().save(TestCustomers.fullPerson(2));
    Customer third = store.customers().save(TestCustomers.fullPerson(3));
    String weiDetails = details(dataSource, wei.id());
    String ciphertext = readTree(weiDetails).path("contactPoints").path(0).path("value").asText();
    int middle = ciphertext.length() / 2;
    String tampered = ciphertext.substring(0, middle) + (ciphertext.charAt(middle) == 'A' ? 'B' : 'A')
        + ciphertext.substring(middle + 1);
    setDetails(dataSource, wei.id(), weiDetails.replace(ciphertext, tampered));
    setDetails(dataSource, other.id(), details(dataSource, third.id()));

    assertThatThrownBy(() -> store.customers().findById(wei.id())).isInstanceOf(FieldProtectionException.class);
    assertThatThrownBy(() -> store.customers().findById(other.id())).isInstanceOf(FieldProtectionException.class);
    assertThat(store.customers().findById(third.id())).contains(third);
  }

  @Test
  void aStoreWithoutTheProtectionItWasWrittenWithRefusesToReadAndViceVersa() {
    DataSource encrypted = newDatabase("protection_missing");
    Customer wei = store(encrypted, newProtection().protection()).customers().save(TestCustomers.organisation(1));
    DataSource clear = newDatabase("protection_unexpected");
    Customer acme = JdbcCrmStore.create(clear).customers().save(TestCustomers.organisation(2));

    assertThatThrownBy(() -> JdbcCrmStore.create(encrypted).customers().findById(wei.id()))
        .isInstanceOf(CrmStorageException.class).hasMessageContaining("stored with field protection");
    assertThatThrownBy(() -> store(clear, newProtection().protection()).customers().findById(acme.id()))
        .isInstanceOf(CrmStorageException.class).hasMessageContaining("stored without field protection");
  }

  /** Generated customers with realistic duplicates (phones, e-mails, identifiers, addresses, birth dates). */
  static List<Customer> generated(long seed, int entities) {
    List<Customer> customers = new ArrayList<>();
    DuplicateGenerator.builder().seed(seed).entities(entities).build().stream().forEach(record -> {
      NewCustomer details = GeneratedCustomers.toNewCustomer(record);
      customers.add(new Customer.Builder().from(details).id(CustomerId.of(new UUID(0x5EC, IDS.incrementAndGet())))
          .version(0).createdAt(AT).updatedAt(AT).build());
    });
    return customers;
  }

  private static IncrementalMatcher matcher(DedupStore dedup, List<Customer> customers) {
    List<MatchRecord> records = customers.stream()
        .map(c -> Standardiser.defaults().standardise(MatchInputs.of(c))).toList();
    Deduplicator deduplicator = Deduplicator.withDefaults();
    return IncrementalMatcher.builder().store(dedup)
        .model(deduplicator.model(deduplicator.run(records).parameters(), records)).build();
  }

  /** Every protected value of the customers, as written and as normalised for lookups. */
  static Set<String> protectedValues(List<Customer> customers) {
    Set<String> values = new LinkedHashSet<>();
    for (Customer customer : customers) {
      customer.contactPoints().forEach(contact -> values.add(contact.value()));
      customer.organisationIdentifiers().stream().map(OrganisationIdentifier::value).forEach(values::add);
      customer.personIdentifiers().stream().map(PersonIdentifier::value).forEach(values::add);
      for (PostalAddress address : customer.addresses()) {
        address.street().ifPresent(values::add);
        address.line().ifPresent(values::add);
      }
      customer.birthDate().ifPresent(date -> values.add(date.toString()));
      LookupKey.of(customer).stream().filter(key -> !key.type().equals(LookupKey.NAME))
          .forEach(key -> values.add(key.value()));
    }
    values.removeIf(value -> value.length() < MIN_SCANNED_LENGTH);
    return values;
  }

  /** Every column of every row of every table in the store's schema, as text, one value a line. */
  static String everyStoredText(DataSource dataSource) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables.stream().map(table -> table.toLowerCase(java.util.Locale.ROOT)))
          .as("tables in the schema").contains("crm_customer", "crm_customer_lookup", "crm_outbox");
      try (Statement statement = connection.createStatement()) {
        for (String table : tables) {
          try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                out.append(rs.getString(i)).append('\n');
              }
            }
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Every ciphertext of a contact point and birth date in the customer rows, and whether it is under
   * its field's current key.
   */
  private static Map<String, Boolean> storedCiphertexts(DataSource dataSource, FieldProtection protection)
      throws SQLException {
    Map<String, Boolean> ciphertexts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT details FROM crm_customer")) {
      while (rs.next()) {
        JsonNode details = readTree(rs.getString(1));
        for (JsonNode contact : details.path("contactPoints")) {
          ProtectedField field = switch (contact.path("channel").asText()) {
            case "PHONE" -> ProtectedField.PHONE;
            case "EMAIL" -> ProtectedField.EMAIL;
            default -> ProtectedField.CONTACT_HANDLE;
          };
          String value = contact.path("value").asText();
          ciphertexts.put(value, protection.isCurrent(field, value));
        }
        String birthDate = details.path("birthDate").asText("");
        if (!birthDate.isEmpty()) {
          ciphertexts.put(birthDate, protection.isCurrent(ProtectedField.BIRTH_DATE, birthDate));
        }
      }
    }
    return ciphertexts;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a details document is not JSON", e);
    }
  }

  private static String details(DataSource dataSource, CustomerId id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT details FROM crm_customer WHERE id = ?")) {
      select.setObject(1, id.value());
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private void setDetails(DataSource dataSource, CustomerId id, String details) throws SQLException {
    String parameter = JdbcCrmStore.create(dataSource).databaseName().equals("postgresql") ? "CAST(? AS JSONB)" : "?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE crm_customer SET details = " + parameter + " WHERE id = ?")) {
      update.setString(1, details);
      update.setObject(2, id.value());
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
