package io.crmkit.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.json.CrmJson;
import io.crmkit.privacy.audit.AuditAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default role model as a full matrix: every role × scope × action × (customer owned by the
 * caller or not), first as the policy answers it, then as the facade enforces it on a customer with
 * a value in every category (read: masked or clear; write: allowed or refused; export: refused, or
 * masked or clear; erase: refused, or the category's value gone; a customer's data export: refused,
 * or the category in clear).
 */
class AccessMatrixTest {
  private enum Reach { ALL, OWN, NONE }

  /** The expected model, written out independently of the policy's own table. */
  private static final Map<Role, Map<FieldAction, Reach>> EXPECTED = Map.of(
      Role.SALES_REP, Map.of(FieldAction.READ_MASKED, Reach.ALL, FieldAction.READ_CLEAR, Reach.OWN,
          FieldAction.WRITE, Reach.OWN, FieldAction.EXPORT, Reach.NONE, FieldAction.ERASE, Reach.NONE),
      Role.ANALYST, Map.of(FieldAction.READ_MASKED, Reach.ALL, FieldAction.READ_CLEAR, Reach.NONE,
          FieldAction.WRITE, Reach.NONE, FieldAction.EXPORT, Reach.ALL, FieldAction.ERASE, Reach.NONE),
      Role.ADMINISTRATOR, Map.of(FieldAction.READ_MASKED, Reach.ALL, FieldAction.READ_CLEAR, Reach.NONE,
          FieldAction.WRITE, Reach.ALL, FieldAction.EXPORT, Reach.NONE, FieldAction.ERASE, Reach.NONE),
      Role.DATA_PROTECTION_OFFICER, Map.of(FieldAction.READ_MASKED, Reach.ALL, FieldAction.READ_CLEAR, Reach.ALL,
          FieldAction.WRITE, Reach.NONE, FieldAction.EXPORT, Reach.ALL, FieldAction.ERASE, Reach.ALL));

  private static final List<Role> ROLES = List.of(Role.SALES_REP, Role.ANALYST, Role.ADMINISTRATOR,
      Role.DATA_PROTECTION_OFFICER);

  private static boolean expected(Role role, FieldAction action, boolean owned) {
    Reach reach = EXPECTED.get(role).get(action);
    return reach == Reach.ALL || (reach == Reach.OWN && owned);
  }

  static Stream<Arguments> policyCells() {
    List<Arguments> cells = new ArrayList<>();
    for (Role role : ROLES) {
      for (FieldScope scope : FieldScope.all()) {
        for (FieldAction action : FieldAction.values()) {
          cells.add(Arguments.of(role, scope, action, true));
          cells.add(Arguments.of(role, scope, action, false));
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} {2} {1} (owned: {3})")
  @MethodSource("policyCells")
  void defaultPolicyPermitsExactlyTheModelsCells(Role role, FieldScope scope, FieldAction action, boolean owned) {
    AccessFixture fixture = new AccessFixture();
    Customer customer = fixture.customerOwnedBy(owned ? "alice" : "bob");
    Caller caller = Caller.of("alice", "matrix", role);

    assertThat(RoleBasedAccessPolicy.defaults().permits(caller, action, scope, Optional.of(customer)))
        .isEqualTo(expected(role, action, owned));
  }

  static Stream<Arguments> facadeCells() {
    List<Arguments> cells = new ArrayList<>();
    for (Role role : ROLES) {
      for (PersonalDataCategory category : PersonalDataCategory.values()) {
        cells.add(Arguments.of(role, category, true));
        cells.add(Arguments.of(role, category, false));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} reads {1} (owned: {2})")
  @MethodSource("facadeCells")
  void readShowsACategoryInClearExactlyWhereTheRoleMayReadItClear(Role role, PersonalDataCategory category,
      boolean owned) {
    AccessFixture fixture = new AccessFixture();
    Customer stored = fixture.customerOwnedBy(owned ? "alice" : "bob");

    Customer shown = fixture.as("alice", role).facade.get(stored.id());

    if (expected(role, FieldAction.READ_CLEAR, owned)) {
      assertThat(AccessFixture.valueOf(shown, category)).isEqualTo(AccessFixture.clearValueOf(category));
    } else {
      assertThat(AccessFixture.valueOf(shown, category)).isNotEqualTo(AccessFixture.clearValueOf(category));
    }
  }

  @ParameterizedTest(name = "{0} writes {1} (owned: {2})")
  @MethodSource("facadeCells")
  void writeOfACategoryIsAllowedExactlyWhereTheRoleMayWriteIt(Role role, PersonalDataCategory category,
      boolean owned) {
    AccessFixture fixture = new AccessFixture();
    Customer stored = fixture.customerOwnedBy(owned ? "alice" : "bob");
    fixture.as("alice", role);
    Customer edited = AccessFixture.withNewValueOf(fixture.facade.get(stored.id()), category);

    if (expected(role, FieldAction.WRITE, owned)) {
      fixture.facade.update(edited);
      Customer saved = fixture.crm.get(stored.id());
      assertThat(AccessFixture.valueOf(saved, category))
          .isEqualTo(AccessFixture.valueOf(AccessFixture.withNewValueOf(stored, category), category));
    } else {
      assertThatThrownBy(() -> fixture.facade.update(edited))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("WRITE")
          .satisfies(e -> assertThat(((AccessDeniedException) e).action()).isEqualTo(FieldAction.WRITE));
      assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
    }
  }

  @ParameterizedTest(name = "{0} exports {1} (owned: {2})")
  @MethodSource("facadeCells")
  void exportIsRefusedOrShowsACategoryInClearExactlyWhereTheRoleMayExportAndReadItClear(Role role,
      PersonalDataCategory category, boolean owned) {
    AccessFixture fixture = new AccessFixture();
    fixture.customerOwnedBy(owned ? "alice" : "bob");
    fixture.as("alice", role);

    if (!expected(role, FieldAction.EXPORT, owned)) {
      assertThatThrownBy(() -> fixture.facade.export(Criteria.all()))
          .isInstanceOf(AccessDeniedException.class).hasMessageContaining("EXPORT");
      assertThat(fixture.audit()).isEmpty();
      return;
    }
    List<Customer> exported;
    try (Stream<Customer> stream = fixture.facade.export(Criteria.all())) {
      exported = stream.toList();
    }
    assertThat(exported).hasSize(1);
    String value = AccessFixture.valueOf(exported.get(0), category);
    if (expected(role, FieldAction.READ_CLEAR, owned)) {
      assertThat(value).isEqualTo(AccessFixture.clearValueOf(category));
    } else {
      assertThat(value).isNotEqualTo(AccessFixture.clearValueOf(category));
    }
  }

  @ParameterizedTest(name = "{0} erases {1} (owned: {2})")
  @MethodSource("facadeCells")
  void eraseThroughTheFacadeRemovesACategoryExactlyWhereTheRoleMayErase(Role role, PersonalDataCategory category,
      boolean owned) {
    AccessFixture fixture = new AccessFixture();
    Customer stored = fixture.customerOwnedBy(owned ? "alice" : "bob");
    fixture.as("alice", role);

    if (expected(role, FieldAction.ERASE, owned)) {
      fixture.facade.erase(stored.id(), "erasure request under GDPR art. 17");
      assertThat(AccessFixture.valueOf(fixture.crm.get(stored.id()), category))
          .isNotEqualTo(AccessFixture.clearValueOf(category));
      assertThat(fixture.audit()).extracting(r -> r.entry().action()).containsExactly(AuditAction.ERASURE);
    } else {
      assertThatThrownBy(() -> fixture.facade.erase(stored.id(), "erasure request"))
          .isInstanceOf(AccessDeniedException.class)
          .satisfies(e -> assertThat(((AccessDeniedException) e).action()).isEqualTo(FieldAction.ERASE));
      assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
      assertThat(fixture.audit()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} exports the data of a customer, {1} (owned: {2})")
  @MethodSource("facadeCells")
  void aCustomersDataExportIsRefusedOrHoldsTheCategoryInClearExactlyWhereTheRoleMayExportAndReadClear(Role role,
      PersonalDataCategory category, boolean owned) throws IOException {
    AccessFixture fixture = new AccessFixture();
    Customer stored = fixture.customerOwnedBy(owned ? "alice" : "bob");
    fixture.as("alice", role);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    if (expected(role, FieldAction.EXPORT, owned) && expected(role, FieldAction.READ_CLEAR, owned)) {
      fixture.facade.exportCustomerData(stored.id(), out);
      JsonNode profile = CrmJson.newMapper().readTree(out.toByteArray()).get("profile");
      Customer exported = CrmJson.newMapper().treeToValue(profile, Customer.class);
      assertThat(AccessFixture.valueOf(exported, category)).isEqualTo(AccessFixture.clearValueOf(category));
      assertThat(fixture.audit()).extracting(r -> r.entry().action()).containsExactly(AuditAction.EXPORT);
    } else {
      assertThatThrownBy(() -> fixture.facade.exportCustomerData(stored.id(), out))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(out.size()).isZero();
      assertThat(fixture.audit()).isEmpty();
    }
  }
}
