package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.TestDatabases;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.audit.AuditVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Someone with SQL access who edits, deletes or renumbers audit rows is found by {@code verify()}
 * at the entry concerned, also beyond the first page the verification reads.
 */
class JdbcAuditLogTamperingTest {
  private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

  private DataSource dataSource;

  private AuditLog logWith(int entries) {
    dataSource = TestDatabases.h2("audit_tampering");
    AuditLog log = JdbcCrmStore.create(dataSource).attach(JdbcPrivacy.extension()).auditLog();
    for (int i = 0; i < entries; i++) {
      log.append(AuditEntry.about(CustomerId.of(new UUID(0, i % 7)), "rep", AuditAction.CLEAR_TEXT_READ,
          "customer.phone", T0.plusSeconds(i), "call back"));
    }
    return log;
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void anEditedReasonIsFoundAtItsEntry() throws SQLException {
    AuditLog log = logWith(5);

    sql("UPDATE crm_audit_log SET reason = 'routine' WHERE entry_seq = 3");

    assertBreak(log.verify(), 3, AuditVerification.Kind.MODIFIED);
  }

  @Test
  void aDeletedRowIsFoundWhereItWas() throws SQLException {
    AuditLog log = logWith(5);

    sql("DELETE FROM crm_audit_log WHERE entry_seq = 2");

    assertBreak(log.verify(), 2, AuditVerification.Kind.DELETED);
  }

  @Test
  void swappedSequenceNumbersAreFoundAtTheFirst() throws SQLException {
    AuditLog log = logWith(5);

    sql("UPDATE crm_audit_log SET entry_seq = -2 WHERE entry_seq = 2");
    sql("UPDATE crm_audit_log SET entry_seq = 2 WHERE entry_seq = 4");
    sql("UPDATE crm_audit_log SET entry_seq = 4 WHERE entry_seq = -2");

    assertBreak(log.verify(), 2, AuditVerification.Kind.MODIFIED);
  }

  @Test
  void aRowCutBeyondTheFirstVerificationPageIsFound() throws SQLException {
    int entries = JdbcAuditLog.PAGE + 30;
    AuditLog log = logWith(entries);
    assertThat(log.verify()).isEqualTo(new AuditVerification(entries, Optional.empty()));

    sql("DELETE FROM crm_audit_log WHERE entry_seq BETWEEN 1001 AND 1010");

    assertBreak(log.verify(), 1001, AuditVerification.Kind.DELETED);
  }

  @Test
  void aRowThatNoLongerMakesAnEntryIsAStorageErrorNamingIt() throws SQLException {
    AuditLog log = logWith(3);

    sql("UPDATE crm_audit_log SET action = 'NOTHING' WHERE entry_seq = 2");

    assertThatThrownBy(log::verify).isInstanceOf(CrmStorageException.class)
        .hasMessageContaining("audit record 2 cannot be read as an entry");
  }

  private static void assertBreak(AuditVerification verification, long sequence, AuditVerification.Kind kind) {
    assertThat(verification.firstBreak()).get().satisfies(found -> {
      assertThat(found.sequence()).as(found.explanation()).isEqualTo(sequence);
      assertThat(found.kind()).as(found.explanation()).isEqualTo(kind);
    });
    assertThat(verification.checked()).isEqualTo(sequence - 1);
  }
}
