package io.crmkit.examples;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.access.Caller;
import io.crmkit.privacy.access.ProtectedCrm;
import io.crmkit.privacy.access.Role;
import io.crmkit.privacy.audit.AuditVerification;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ContactChannel;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.crypto.InMemoryKeyProvider;
import io.crmkit.privacy.crypto.TinkFieldProtection;
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.privacy.rights.CustomerExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Personal data protected end to end: phones, e-mails, identifiers and birth dates encrypted at
 * rest with Tink (keys wrapped under a master key the host keeps), every read and change through
 * {@link ProtectedCrm} for the caller the host names, consent, the customer's own copy of their
 * data, erasure, and the audit chain that records it all.
 *
 * <p>Run it with {@code mvn -B -q -pl crm-examples -am compile exec:java
 * -Dexec.mainClass=io.crmkit.examples.PrivacyQuickStart}.
 */
public final class PrivacyQuickStart {
  private static final String PHONE = "+8613812345678";

  private PrivacyQuickStart() {}

  public static void main(String[] args) throws GeneralSecurityException, SQLException, IOException {
    run(System.out, "jdbc:h2:mem:crmkit-privacy;DB_CLOSE_DELAY=-1");
  }

  /** Runs the example against the H2 database at {@code url} and returns the audit chain's verification. */
  static AuditVerification run(PrintStream out, String url)
      throws GeneralSecurityException, SQLException, IOException {
    // The host's master key: in production an Aead from its KMS. It never leaves the host.
    Aead masterKey = newMasterKey();
    // First set-up generates the field keys; the host stores only their wrapped form and loads it on every start.
    Map<String, String> wrappedKeys = InMemoryKeyProvider.generate().wrap(masterKey);
    TinkFieldProtection protection = TinkFieldProtection.of(InMemoryKeyProvider.load(wrappedKeys, masterKey));

    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    JdbcCrmStore store = JdbcCrmStore.create(dataSource,
        JdbcOptions.builder().fieldProtection(protection).eventFamilies(PrivacyEvent.FAMILY).build());
    PrivacyStore privacy = store.attach(JdbcPrivacy.extension());

    // The host's security context: here a variable, in a web host the request's principal.
    AtomicReference<Caller> caller = new AtomicReference<>();
    ProtectedCrm crm = ProtectedCrm.builder().crm(Crm.builder().store(store).build()).privacy(privacy)
        .callers(caller::get).build();

    caller.set(Caller.of("wang.fang", "onboarding", Role.SALES_REP));
    Customer li = crm.register(NewCustomer.person("李", "娜").owner("wang.fang")
        .addContactPoints(ContactPoint.phone(PHONE), ContactPoint.email("li.na@example.cn"))
        .addPersonIdentifiers(PersonIdentifier.of(PersonIdentifier.CN_RIN, "11010519491231002X"))
        .birthDate(LocalDate.of(1990, 5, 17)).build());
    out.println("Sales rep (owner) sees: " + personal(li));

    caller.set(Caller.of("zhao.lei", "churn analysis", Role.ANALYST));
    out.println("Analyst sees:           " + personal(crm.get(li.id())));
    out.println("Customers with phone " + PHONE + ": " + crm.count(Criteria.hasPhone(PHONE)) + " (by blind index)");
    out.println("Phone in the table: " + tableHolds(dataSource, PHONE) + ", stored as: "
        + storedPhone(dataSource).substring(0, 24) + "...");

    ConsentLedger consents = ConsentLedger.builder().store(privacy).build();
    consents.record(ConsentEntry.granted(li.id(), Purpose.MARKETING_SMS, ConsentSource.WEB_FORM,
        "sign-up form v3, box 2 ticked", Instant.now(), "web-shop"));
    out.println("May send SMS offers: " + consents.mayContact(li.id(), Purpose.MARKETING_SMS, ContactChannel.SMS)
        .outcome() + "; may call: " + consents.mayContact(li.id(), Purpose.MARKETING_PHONE, ContactChannel.PHONE)
        .outcome());

    caller.set(Caller.of("chen.jing", "data subject request", Role.DATA_PROTECTION_OFFICER));
    ByteArrayOutputStream document = new ByteArrayOutputStream();
    CustomerExporter.Receipt receipt = CustomerExporter.builder(privacy).build()
        .export(li.id(), caller.get().actor(), "access request", document);
    out.println("Export for the customer: " + receipt.sections() + ", holds the phone: "
        + document.toString(StandardCharsets.UTF_8).contains(PHONE));

    Eraser.Result erased = Eraser.builder().privacy(privacy).build()
        .erase(li.id(), caller.get().actor(), "erasure request");
    out.println("Erased " + erased.erased().size() + " customer; found by phone now: "
        + crm.count(Criteria.hasPhone(PHONE)) + "; name now: " + crm.get(li.id()).displayName());

    AuditVerification audit = privacy.auditLog().verify();
    out.println("Audit chain: " + audit.checked() + " entries, intact: " + audit.intact());
    return audit;
  }

  private static Aead newMasterKey() throws GeneralSecurityException {
    AeadConfig.register();
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private static String personal(Customer customer) {
    return customer.displayName() + ", " + customer.contactPoints().stream().map(ContactPoint::value).toList()
        + ", " + customer.personIdentifiers().stream().map(PersonIdentifier::value).toList();
  }

  /** Whether any column of the customer tables holds {@code value}, as the database returns it. */
  private static boolean tableHolds(DataSource dataSource, String value) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.*, l.* FROM crm_customer c"
            + " LEFT JOIN crm_customer_lookup l ON l.customer_id = c.id")) {
      while (rows.next()) {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          String text = rows.getString(i);
          if (text != null && text.contains(value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The first contact point (the phone) as the {@code details} column holds it: Tink ciphertext. */
  private static String storedPhone(DataSource dataSource) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT details FROM crm_customer")) {
      rows.next();
      return new ObjectMapper().readTree(rows.getString(1)).path("contactPoints").path(0).path("value").asText();
    }
  }
}
