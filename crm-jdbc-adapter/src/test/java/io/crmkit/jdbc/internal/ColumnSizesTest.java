package io.crmkit.jdbc.internal;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.io.imports.ImportCheckpoint;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.crypto.KeyPurpose;
import io.crmkit.privacy.pseudonym.PseudonymKey;
import io.crmkit.segmentation.segment.Segment;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;
import org.junit.jupiter.api.Test;

/**
 * The model states each text limit once, as a constant: the migrations' columns, {@link
 * StorageGuard} and the validator must all agree with it. Every bounded {@code VARCHAR} column of
 * every migration of both dialects is as long as the constant of what it stores (a column of enum
 * names holds the longest name), and the validator enforces the same constants.
 */
class ColumnSizesTest {
  private static final Pattern TABLE =
      Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?\\$\\{prefix}(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern VARCHAR_COLUMN =
      Pattern.compile("^\\s*(\\w+)\\s+VARCHAR\\((\\d+)\\)", Pattern.MULTILINE);
  private static final Pattern ANY_VARCHAR = Pattern.compile("VARCHAR\\s*\\(", Pattern.CASE_INSENSITIVE);

  /** Hibernate Validator configured as crmkit's validator reads properties: every no-argument accessor. */
  private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
      .getterPropertySelectionStrategy(new GetterPropertySelectionStrategy() {
        @Override
        public Optional<String> getProperty(ConstrainableExecutable executable) {
          return executable.getParameterTypes().length == 0 && executable.getReturnType() != void.class
              ? Optional.of(executable.getName()) : Optional.empty();
        }

        @Override
        public List<String> getGetterMethodNameCandidates(String propertyName) {
          return List.of(propertyName);
        }
      })
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory().getValidator();

  /** What a column must hold, by {@code table.column} (table names without the prefix). */
  private static final Map<String, Limit> COLUMNS = Map.ofEntries(
      entry("customer.kind", names(CustomerKind.class)),
      entry("customer.display_name", model("CustomerDetails.MAX_DISPLAY_NAME_LENGTH",
          CustomerDetails.MAX_DISPLAY_NAME_LENGTH)),
      entry("customer.family_name", model("PersonName.MAX_PART_LENGTH", PersonName.MAX_PART_LENGTH)),
      entry("customer.given_name", model("PersonName.MAX_PART_LENGTH", PersonName.MAX_PART_LENGTH)),
      entry("customer.legal_name", model("CustomerDetails.MAX_LEGAL_NAME_LENGTH",
          CustomerDetails.MAX_LEGAL_NAME_LENGTH)),
      entry("customer.owner_name", model("CustomerDetails.MAX_OWNER_LENGTH", CustomerDetails.MAX_OWNER_LENGTH)),
      entry("customer.gender", names(Gender.class)),
      entry("customer.stage", model("LifecycleStage.MAX_NAME_LENGTH", LifecycleStage.MAX_NAME_LENGTH)),
      entry("customer.tier", model("ValueTier.MAX_NAME_LENGTH", ValueTier.MAX_NAME_LENGTH)),
      entry("customer.details", json()),
      entry("customer.attributes", json()),
      entry("customer_code.dimension", model("CustomerDetails.MAX_DIMENSION_LENGTH",
          CustomerDetails.MAX_DIMENSION_LENGTH)),
      entry("customer_code.code", model("CustomerDetails.MAX_CODE_LENGTH", CustomerDetails.MAX_CODE_LENGTH)),
      entry("customer_tag.tag", model("CustomerDetails.MAX_TAG_LENGTH", CustomerDetails.MAX_TAG_LENGTH)),
      entry("customer_attribute.name", model("CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH",
          CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH)),
      entry("customer_attribute.value_key", json()),
      entry("customer_lookup.key_type", model("LookupKey.MAX_TYPE_LENGTH", LookupKey.MAX_TYPE_LENGTH)),
      entry("customer_lookup.key_value", model("LookupKey.MAX_VALUE_LENGTH", LookupKey.MAX_VALUE_LENGTH)),
      entry("external_ref.ref_system", model("ExternalReference.MAX_SYSTEM_LENGTH",
          ExternalReference.MAX_SYSTEM_LENGTH)),
      entry("external_ref.ref_id", model("ExternalReference.MAX_ID_LENGTH", ExternalReference.MAX_ID_LENGTH)),
      entry("purchase.channel", model("Purchase.MAX_CHANNEL_LENGTH", Purchase.MAX_CHANNEL_LENGTH)),
      entry("purchase.category", model("Purchase.MAX_CATEGORY_LENGTH", Purchase.MAX_CATEGORY_LENGTH)),
      entry("purchase.order_reference", model("Purchase.MAX_ORDER_REFERENCE_LENGTH",
          Purchase.MAX_ORDER_REFERENCE_LENGTH)),
      entry("interaction.channel", names(Interaction.Channel.class)),
      entry("interaction.direction", names(Interaction.Direction.class)),
      entry("interaction.subject", model("Interaction.MAX_SUBJECT_LENGTH", Interaction.MAX_SUBJECT_LENGTH)),
      entry("interaction.outcome", model("Interaction.MAX_OUTCOME_LENGTH", Interaction.MAX_OUTCOME_LENGTH)),
      entry("interaction.agent", model("Interaction.MAX_AGENT_LENGTH", Interaction.MAX_AGENT_LENGTH)),
      entry("outbox.event_type", model("EventFamily.MAX_TYPE_ID_LENGTH", EventFamily.MAX_TYPE_ID_LENGTH)),
      entry("outbox.payload", json()),
      entry("code_sequence.sequence_key", model("CodeSequences.MAX_KEY_LENGTH", CodeSequences.MAX_KEY_LENGTH)),
      entry("code_request.scheme_id", model("CodeRequest.MAX_SCHEME_ID_LENGTH", CodeRequest.MAX_SCHEME_ID_LENGTH)),
      entry("code_request.code", model("CodeRequest.MAX_CODE_LENGTH", CodeRequest.MAX_CODE_LENGTH)),
      entry("code_request.labels", json()),
      entry("code_request.parent_code", model("CodeRequest.MAX_CODE_LENGTH", CodeRequest.MAX_CODE_LENGTH)),
      entry("code_request.origin", names(CodeRequest.Origin.class)),
      entry("code_request.requested_by", model("CodeRequest.MAX_REQUESTED_BY_LENGTH",
          CodeRequest.MAX_REQUESTED_BY_LENGTH)),
      entry("code_request.note", model("CodeRequest.MAX_NOTE_LENGTH", CodeRequest.MAX_NOTE_LENGTH)),
      entry("code_request.outcome", names(CodeRequest.Decision.Outcome.class)),
      entry("code_request.decided_by", model("CodeRequest.Decision.MAX_DECIDED_BY_LENGTH", CodeRequest.Decision.MAX_DECIDED_BY_LENGTH)),
      entry("code_request.decision_reason", model("CodeRequest.Decision.MAX_REASON_LENGTH", CodeRequest.Decision.MAX_REASON_LENGTH)),
      entry("code_request.pending_code", model("CodeRequest.MAX_CODE_LENGTH", CodeRequest.MAX_CODE_LENGTH)),
      entry("lifecycle_history.from_stage", model("LifecycleStage.MAX_NAME_LENGTH", LifecycleStage.MAX_NAME_LENGTH)),
      entry("lifecycle_history.to_stage", model("LifecycleStage.MAX_NAME_LENGTH", LifecycleStage.MAX_NAME_LENGTH)),
      entry("lifecycle_history.trigger_name", model("Trigger.MAX_NAME_LENGTH", Trigger.MAX_NAME_LENGTH)),
      entry("lifecycle_history.actor", model("HistoryEntry.MAX_ACTOR_LENGTH", HistoryEntry.MAX_ACTOR_LENGTH)),
      entry("lifecycle_history.reason", model("HistoryEntry.MAX_REASON_LENGTH", HistoryEntry.MAX_REASON_LENGTH)),
      entry("churn_signal.source", model("ChurnSignal.MAX_SOURCE_LENGTH", ChurnSignal.MAX_SOURCE_LENGTH)),
      entry("review_pair.left_id", model("ReviewQueue.MAX_ID_LENGTH", ReviewQueue.MAX_ID_LENGTH)),
      entry("review_pair.right_id", model("ReviewQueue.MAX_ID_LENGTH", ReviewQueue.MAX_ID_LENGTH)),
      entry("review_pair.verdict", names(ReviewDecision.Verdict.class)),
      entry("review_pair.decided_by", model("ReviewDecision.MAX_ACTOR_LENGTH", ReviewDecision.MAX_ACTOR_LENGTH)),
      entry("blocking_key.block_key", model("BlockingKeyIndex.MAX_KEY_LENGTH", BlockingKeyIndex.MAX_KEY_LENGTH)),
      entry("customer_metric.metric_name", model("MetricValue.MAX_NAME_LENGTH", MetricValue.MAX_NAME_LENGTH)),
      entry("customer_metric.text_value", model("MetricValue.MAX_TEXT_LENGTH", MetricValue.MAX_TEXT_LENGTH)),
      entry("segment_definition.segment_name", model("Segment.MAX_NAME_LENGTH", Segment.MAX_NAME_LENGTH)),
      entry("audit_log.actor", model("AuditEntry.MAX_ACTOR_LENGTH", AuditEntry.MAX_ACTOR_LENGTH)),
      entry("audit_log.action", names(AuditAction.class)),
      entry("audit_log.target", model("AuditEntry.MAX_TARGET_LENGTH", AuditEntry.MAX_TARGET_LENGTH)),
      entry("audit_log.reason", model("AuditEntry.MAX_REASON_LENGTH", AuditEntry.MAX_REASON_LENGTH)),
      entry("audit_log.previous_hash", model("AuditRecord.HASH_LENGTH", AuditRecord.HASH_LENGTH)),
      entry("audit_log.entry_hash", model("AuditRecord.HASH_LENGTH", AuditRecord.HASH_LENGTH)),
      entry("audit_chain_head.last_hash", model("AuditRecord.HASH_LENGTH", AuditRecord.HASH_LENGTH)),
      entry("consent_entry.purpose", model("Purpose.MAX_NAME_LENGTH", Purpose.MAX_NAME_LENGTH)),
      entry("consent_entry.status", names(ConsentStatus.class)),
      entry("consent_entry.source", model("ConsentSource.MAX_NAME_LENGTH", ConsentSource.MAX_NAME_LENGTH)),
      entry("consent_entry.evidence", model("ConsentEntry.MAX_EVIDENCE_LENGTH", ConsentEntry.MAX_EVIDENCE_LENGTH)),
      entry("consent_entry.actor", model("ConsentEntry.MAX_ACTOR_LENGTH", ConsentEntry.MAX_ACTOR_LENGTH)),
      entry("pseudonym_key.key_name", model("PseudonymKey.MAX_NAME_LENGTH", PseudonymKey.MAX_NAME_LENGTH)),
      entry("protection_key.field_name", names(ProtectedField.class)),
      entry("protection_key.key_purpose", names(KeyPurpose.class)),
      entry("import_checkpoint.import_id", model("ImportCheckpoint.MAX_ID_LENGTH", ImportCheckpoint.MAX_ID_LENGTH)),
      entry("import_checkpoint.source", model("ImportCheckpoint.MAX_SOURCE_LENGTH",
          ImportCheckpoint.MAX_SOURCE_LENGTH)));

  /** What a column of a given size must hold. */
  private sealed interface Limit {
    /** Why a column of {@code size} characters does not hold it, or empty if it does. */
    Optional<String> problem(int size);
  }

  /** Text of the model, at most as long as the named constant: the column has exactly that size. */
  private record Model(String constant, int length) implements Limit {
    @Override
    public Optional<String> problem(int size) {
      return size == length ? Optional.empty() : Optional.of("but " + constant + " is " + length);
    }
  }

  /** Names of an enum's constants: the column holds the longest. */
  private record Names(Class<? extends Enum<?>> type) implements Limit {
    @Override
    public Optional<String> problem(int size) {
      int longest = Arrays.stream(type.getEnumConstants()).mapToInt(e -> e.name().length()).max().orElse(0);
      return size >= longest ? Optional.empty()
          : Optional.of("but a " + type.getSimpleName() + " name has up to " + longest + " characters");
    }
  }

  private static Limit model(String constant, int length) {
    return new Model(constant, length);
  }

  private static Limit names(Class<? extends Enum<?>> type) {
    return new Names(type);
  }

  /** H2 keeps JSON documents (and an attribute's value key) in text as long as {@link StorageGuard} allows. */
  private static Limit json() {
    return model("StorageGuard.MAX_JSON_CHARS", StorageGuard.MAX_JSON_CHARS);
  }

  /** A bounded column as one migration declares it. */
  private record Column(String migration, String table, String name, int size) {
    String key() {
      return table + "." + name;
    }
  }

  @Test
  void everyBoundedColumnOfEveryMigrationIsAsLongAsTheModelConstantOfWhatItStores() throws Exception {
    List<Column> columns = boundedColumns();
    List<String> problems = new ArrayList<>();
    for (Column column : columns) {
      Limit limit = COLUMNS.get(column.key());
      if (limit == null) {
        problems.add(column.migration() + ": " + column.key() + " is VARCHAR(" + column.size()
            + "), but no model constant is named for it here");
      } else {
        limit.problem(column.size()).ifPresent(why -> problems.add(column.migration() + ": " + column.key()
            + " is VARCHAR(" + column.size() + "), " + why));
      }
    }

    assertThat(columns.stream().map(Column::migration).distinct()).as("migrations read").hasSize(24);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyColumnNamedHereIsBoundedInSomeMigration() throws Exception {
    Set<String> declared = new HashSet<>();
    boundedColumns().forEach(column -> declared.add(column.key()));

    assertThat(declared).containsAll(COLUMNS.keySet());
  }

  @Test
  void theValidatorEnforcesTheSameConstants() {
    Map<String, Integer> expected = Map.ofEntries(
        entry("CustomerDetails.displayName", CustomerDetails.MAX_DISPLAY_NAME_LENGTH),
        entry("CustomerDetails.legalName<0>", CustomerDetails.MAX_LEGAL_NAME_LENGTH),
        entry("CustomerDetails.owner<0>", CustomerDetails.MAX_OWNER_LENGTH),
        entry("CustomerDetails.tags<0>", CustomerDetails.MAX_TAG_LENGTH),
        entry("CustomerDetails.dimensionCodes<0>", CustomerDetails.MAX_DIMENSION_LENGTH),
        entry("CustomerDetails.dimensionCodes<1>", CustomerDetails.MAX_CODE_LENGTH),
        entry("PersonName.familyName<0>", PersonName.MAX_PART_LENGTH),
        entry("PersonName.givenName<0>", PersonName.MAX_PART_LENGTH),
        entry("OrganisationIdentifier.scheme", OrganisationIdentifier.MAX_SCHEME_LENGTH),
        entry("OrganisationIdentifier.value", OrganisationIdentifier.MAX_VALUE_LENGTH),
        entry("PersonIdentifier.scheme", PersonIdentifier.MAX_SCHEME_LENGTH),
        entry("PersonIdentifier.value", PersonIdentifier.MAX_VALUE_LENGTH),
        entry("ExternalReference.system", ExternalReference.MAX_SYSTEM_LENGTH),
        entry("ExternalReference.id", ExternalReference.MAX_ID_LENGTH),
        entry("Purchase.channel", Purchase.MAX_CHANNEL_LENGTH),
        entry("Purchase.category<0>", Purchase.MAX_CATEGORY_LENGTH),
        entry("Purchase.orderReference<0>", Purchase.MAX_ORDER_REFERENCE_LENGTH),
        entry("Interaction.subject<0>", Interaction.MAX_SUBJECT_LENGTH),
        entry("Interaction.outcome<0>", Interaction.MAX_OUTCOME_LENGTH),
        entry("Interaction.agent<0>", Interaction.MAX_AGENT_LENGTH));
    List<Class<?>> types = List.of(CustomerDetails.class, PersonName.class, OrganisationIdentifier.class,
        PersonIdentifier.class, ExternalReference.class, Purchase.class, Interaction.class);

    Map<String, Set<Integer>> enforced = new HashMap<>();
    types.forEach(type -> enforced.putAll(sizeLimits(type)));

    assertThat(enforced.keySet()).containsAll(expected.keySet());
    expected.forEach((where, constant) -> assertThat(enforced.get(where)).as(where).containsOnly(constant));
  }

  @Test
  void namesAndTextsCheckedOutsideTheValidatorStopAtTheirConstants() {
    assertStopsAt(LifecycleStage.MAX_NAME_LENGTH, length -> LifecycleStage.of("A".repeat(length)));
    assertStopsAt(ValueTier.MAX_NAME_LENGTH, length -> ValueTier.of("A".repeat(length)));
    assertStopsAt(Trigger.MAX_NAME_LENGTH, length -> Trigger.of("A".repeat(length)));
    assertStopsAt(HistoryEntry.MAX_ACTOR_LENGTH, length -> historyEntry("a".repeat(length), "why"));
    assertStopsAt(HistoryEntry.MAX_REASON_LENGTH, length -> historyEntry("actor", "r".repeat(length)));
    assertStopsAt(ChurnSignal.MAX_SOURCE_LENGTH,
        length -> new ChurnSignal(CustomerId.of(new UUID(0, 1)), 0.5, Instant.EPOCH, "s".repeat(length)));
    assertStopsAt(Purpose.MAX_NAME_LENGTH, length -> Purpose.of("p".repeat(length)));
    assertStopsAt(ConsentSource.MAX_NAME_LENGTH, length -> ConsentSource.of("s".repeat(length)));
    assertStopsAt(ConsentEntry.MAX_EVIDENCE_LENGTH, length -> consentEntry("e".repeat(length), "actor"));
    assertStopsAt(ConsentEntry.MAX_ACTOR_LENGTH, length -> consentEntry("evidence", "a".repeat(length)));
    assertStopsAt(CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH, length -> {
      String name = "n".repeat(length);
      if (!name.matches(CustomerDetails.ATTRIBUTE_NAME)) {
        throw new IllegalArgumentException("not an attribute name: " + name);
      }
      return name;
    });
  }

  private static ConsentEntry consentEntry(String evidence, String actor) {
    return ConsentEntry.granted(CustomerId.of(new UUID(0, 1)), Purpose.PROFILING, ConsentSource.IMPORT, evidence,
        Instant.EPOCH, actor);
  }

  private static HistoryEntry historyEntry(String actor, String reason) {
    return new HistoryEntry(CustomerId.of(new UUID(0, 1)), 1, LifecycleStage.PROSPECT, LifecycleStage.NEW,
        Trigger.MANUAL, Instant.EPOCH, actor, Optional.of(reason));
  }

  private static void assertStopsAt(int max, Function<Integer, Object> create) {
    assertThatCode(() -> create.apply(max)).as("%s characters", max).doesNotThrowAnyException();
    assertThatThrownBy(() -> create.apply(max + 1)).as("%s characters", max + 1)
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Every {@code @Size(max)} Hibernate Validator enforces on {@code type}'s properties, keyed by
   * {@code Type.property} for the value itself and {@code Type.property<i>} for the element at
   * type argument {@code i} (the text in an {@code Optional}, a set's elements, a map's keys (0)
   * and values (1)).
   */
  private static Map<String, Set<Integer>> sizeLimits(Class<?> type) {
    Map<String, Set<Integer>> limits = new HashMap<>();
    for (PropertyDescriptor property : VALIDATOR.getConstraintsForClass(type).getConstrainedProperties()) {
      String where = type.getSimpleName() + "." + property.getPropertyName();
      property.getConstraintDescriptors().forEach(d -> sizeMax(d)
          .ifPresent(max -> limits.computeIfAbsent(where, w -> new HashSet<>()).add(max)));
      property.getConstrainedContainerElementTypes().forEach(element -> element.getConstraintDescriptors()
          .forEach(d -> sizeMax(d).ifPresent(max -> limits
              .computeIfAbsent(where + "<" + element.getTypeArgumentIndex() + ">", w -> new HashSet<>()).add(max))));
    }
    return limits;
  }

  private static Optional<Integer> sizeMax(ConstraintDescriptor<?> descriptor) {
    return descriptor.getAnnotation() instanceof Size size ? Optional.of(size.max()) : Optional.empty();
  }

  /** Every bounded VARCHAR column of every migration, failing on a VARCHAR this parser does not read. */
  private static List<Column> boundedColumns() throws IOException, URISyntaxException {
    Path root = Path.of(ColumnSizesTest.class.getClassLoader().getResource(Migrations.LOCATION).toURI());
    List<Path> migrations;
    try (Stream<Path> files = Files.walk(root)) {
      migrations = files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
    }
    List<Column> columns = new ArrayList<>();
    for (Path migration : migrations) {
      String name = root.relativize(migration).toString().replace('\\', '/');
      String sql = Files.readString(migration, StandardCharsets.UTF_8);
      int found = 0;
      Matcher table = TABLE.matcher(sql);
      while (table.find()) {
        Matcher column = VARCHAR_COLUMN.matcher(table.group(2));
        while (column.find()) {
          columns.add(new Column(name, table.group(1), column.group(1), Integer.parseInt(column.group(2))));
          found++;
        }
      }
      assertThat(found).as("VARCHAR columns read from %s, of all VARCHARs it has", name)
          .isEqualTo(ANY_VARCHAR.matcher(sql).results().count());
    }
    return columns;
  }
}
