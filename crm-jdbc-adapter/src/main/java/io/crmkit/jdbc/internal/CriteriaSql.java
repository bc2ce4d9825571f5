package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.protection.ProtectedField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Translates {@link Criteria} and {@link Sort} to parameterised SQL over the customer table (alias
 * {@code t}) with exactly {@code CriteriaEvaluator}'s semantics:
 *
 * <ul>
 *   <li>two-valued logic: every leaf is {@code TRUE} or {@code FALSE}, never {@code NULL} (a test on
 *       an absent value is written {@code (col IS NOT NULL AND ...)}, side-table tests are
 *       {@code EXISTS}), so {@code NOT} is plain negation;
 *   <li>lookups ({@code Criteria.HasKey}, {@code Criteria.NameStartsWith}) are {@code t.id IN} the
 *       customers of the lookup side table, which holds exactly {@code LookupKey.of(customer)}: an
 *       equality, or a {@code LIKE} prefix on the name keys, both served by its
 *       {@code (key_type, key_value)} index;
 *   <li>a computed metric ({@code Criteria.Metric}) is {@code t.id IN} the customers of the
 *       metric table with that name and a value passing the test, read from its {@code
 *       (metric_name, number_value)} or {@code (metric_name, text_value)} index; a comparison with
 *       the other column's null is never true, so a number test on a text fails as in memory;
 *   <li>{@code and()} is {@code TRUE}, {@code or()} is {@code FALSE};
 *   <li>half-open ranges; text compared and sorted by code point ({@link Dialect#codePointOrder});
 *   <li>values outside what the database can store (dates before year 1, say) cannot equal a stored
 *       value, and range bounds beyond them are dropped, so no query fails on an extreme value;
 *   <li>sorting puts absent values last in both directions and ends with the id;
 *   <li>with field protection, a phone, e-mail or identifier lookup compares the blind index of the
 *       normalised query value with the stored ones (same index, same plan), and a test or sort on
 *       a protected birth date is an {@code UnsupportedOperationException}.
 * </ul>
 *
 * <p>Every value is a bound parameter; only validated table names and fixed column names are SQL
 * text.
 */
final class CriteriaSql {
  static final String ALIAS = "t";

  private final Tables tables;
  private final Dialect dialect;
  private final CustomerCodec codec;
  private final BooleanSupplier metricsAttached;

  /** A translator for a store with the metrics capability attached (its table exists). */
  CriteriaSql(Tables tables, Dialect dialect, CustomerCodec codec) {
    this(tables, dialect, codec, () -> true);
  }

  /**
   * @param metricsAttached whether the metric table may be read: if not, a metric criterion is a
   *     {@link Criteria.MetricsUnavailableException}, as in memory
   */
  CriteriaSql(Tables tables, Dialect dialect, CustomerCodec codec, BooleanSupplier metricsAttached) {
    this.tables = tables;
    this.dialect = dialect;
    this.codec = codec;
    this.metricsAttached = metricsAttached;
  }

  /** {@code SELECT} of one page: matching customers in {@code sort} order. */
  SqlBuilder page(Criteria criteria, Sort sort, long offset, int limit) {
    SqlBuilder joins = new SqlBuilder();
    List<String> order = new ArrayList<>();
    int i = 0;
    for (Sort.Key key : sort.keys()) {
      orderBy(key, "s" + i++, joins, order);
    }
    order.add(ALIAS + ".id ASC");
    SqlBuilder sql = new SqlBuilder()
        .append("SELECT ").append(CustomerCodec.columns(ALIAS)).append(" FROM ").append(tables.customer())
        .append(" ").append(ALIAS).append(joins)
        .append(" WHERE ").append(condition(criteria))
        .append(" ORDER BY ").append(String.join(", ", order))
        .append(" LIMIT ").param(Values.integer(limit))
        .append(" OFFSET ").param(Values.integer(offset));
    return sql;
  }

  /** {@code SELECT COUNT(*)} of the matching customers. */
  SqlBuilder count(Criteria criteria) {
    return new SqlBuilder().append("SELECT COUNT(*) FROM ").append(tables.customer()).append(" ")
        .append(ALIAS).append(" WHERE ").append(condition(criteria));
  }

  /**
   * The next keyset page of matching customers in id order, after {@code after} (or from the start);
   * {@code hint} follows the table alias ({@link Dialect#customerStreamHint}).
   */
  SqlBuilder streamPage(Criteria criteria, CustomerId after, int limit, String hint) {
    return page(CustomerCodec.columns(ALIAS), criteria, after, limit, hint);
  }

  /** A page of {@link #streamPage}'s ids alone. */
  SqlBuilder idPage(Criteria criteria, CustomerId after, int limit, String hint) {
    return page(ALIAS + ".id", criteria, after, limit, hint);
  }

  private SqlBuilder page(String columns, Criteria criteria, CustomerId after, int limit, String hint) {
    SqlBuilder sql = new SqlBuilder()
        .append("SELECT ").append(columns).append(" FROM ").append(tables.customer())
        .append(" ").append(ALIAS).append(hint).append(" WHERE ").append(condition(criteria));
    if (after != null) {
      sql.append(" AND ").append(ALIAS).append(".id > ").param(Values.uuid(after.value()));
    }
    return sql.append(" ORDER BY ").append(ALIAS).append(".id ASC LIMIT ").param(Values.integer(limit));
  }

  /** A condition that is TRUE or FALSE (never NULL) for every customer row. */
  SqlBuilder condition(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    SqlBuilder sql = new SqlBuilder();
    append(sql, criteria);
    return sql;
  }

  private void append(SqlBuilder sql, Criteria criteria) {
    if (criteria instanceof Criteria.MatchAll) {
      sql.append("1 = 1");
    } else if (criteria instanceof Criteria.Equals<?> eq) {
      in(sql, eq.field(), List.of(eq.value()));
    } else if (criteria instanceof Criteria.In<?> in) {
      in(sql, in.field(), new ArrayList<>(in.values()));
    } else if (criteria instanceof Criteria.Range<?> range) {
      range(sql, range.field(), range.from(), range.to());
    } else if (criteria instanceof Criteria.CodePrefix prefix) {
      StorageGuard.checkQueryText("codeStartsWith.dimension", prefix.dimension());
      StorageGuard.checkQueryText("codeStartsWith.prefix", prefix.prefix());
      sql.append("EXISTS (SELECT 1 FROM ").append(tables.code()).append(" c WHERE c.customer_id = ")
          .append(ALIAS).append(".id AND c.dimension = ").param(Values.text(prefix.dimension()))
          .append(" AND c.code LIKE ").param(Values.text(likePrefix(prefix.prefix())))
          .append(" ESCAPE '\\')");
    } else if (criteria instanceof Criteria.HasTag tag) {
      StorageGuard.checkQueryText("hasTag", tag.tag());
      sql.append("EXISTS (SELECT 1 FROM ").append(tables.tag()).append(" g WHERE g.customer_id = ")
          .append(ALIAS).append(".id AND g.tag = ").param(Values.text(tag.tag())).append(")");
    } else if (criteria instanceof Criteria.HasKey has) {
      lookup(sql).append(" = ").param(Values.text(has.key().type()))
          .append(" AND k.key_value = ").param(Values.text(codec.lookupValue(has.key()))).append(")");
    } else if (criteria instanceof Criteria.NameStartsWith name) {
      lookup(sql).append(" = ").param(Values.text(LookupKey.NAME))
          .append(" AND k.key_value LIKE ").param(Values.text(likePrefix(name.prefix())))
          .append(" ESCAPE '\\')");
    } else if (criteria instanceof Criteria.AttributeEquals attribute) {
      StorageGuard.checkQueryText("attributeIs.name", attribute.name());
      if (attribute.value() instanceof io.crmkit.core.customer.AttributeValue.Text text) {
        StorageGuard.checkQueryText("attributeIs.value", text.value());
      }
      dialect.attributeEquals(sql, ALIAS, tables, codec, attribute.name(), attribute.value());
    } else if (criteria instanceof Criteria.Metric metric) {
      metric(sql, metric);
    } else if (criteria instanceof Criteria.And and) {
      junction(sql, and.operands(), " AND ", "1 = 1");
    } else if (criteria instanceof Criteria.Or or) {
      junction(sql, or.operands(), " OR ", "1 = 0");
    } else if (criteria instanceof Criteria.Not not) {
      sql.append("NOT (");
      append(sql, not.operand());
      sql.append(")");
    } else {
      throw new IllegalArgumentException("unknown criteria type " + criteria.getClass().getName());
    }
  }

  /**
   * The start of a lookup, {@code t.id IN (SELECT ... WHERE k.key_type}, for the caller to finish:
   * {@code IN} rather than a correlated {@code EXISTS}, because H2 runs {@code EXISTS} once per
   * customer row but reads {@code IN (SELECT ...)} from the lookup index and then the customers by
   * primary key; PostgreSQL plans both as the same semi-join. Customer ids and the subquery's are
   * never null, so the test is TRUE or FALSE.
   */
  private SqlBuilder lookup(SqlBuilder sql) {
    return sql.append(ALIAS).append(".id IN (SELECT k.customer_id FROM ").append(tables.lookup())
        .append(" k WHERE k.key_type");
  }

  /** {@code t.id IN (SELECT ... metric ...)}: an {@code IN}, not an {@code EXISTS}, for the reason {@link #lookup} gives. */
  private void metric(SqlBuilder sql, Criteria.Metric metric) {
    if (!metricsAttached.getAsBoolean()) {
      throw new Criteria.MetricsUnavailableException("this JdbcCrmStore");
    }
    sql.append(ALIAS).append(".id IN (SELECT m.customer_id FROM ").append(tables.customerMetric())
        .append(" m WHERE m.metric_name = ").param(Values.text(metric.name()));
    if (metric.condition() instanceof Criteria.MetricCondition.NumberRange range) {
      if (range.lower() != null) {
        sql.append(" AND m.number_value ").append(range.lowerInclusive() ? ">= " : "> ").param(number(range.lower()));
      }
      if (range.upper() != null) {
        sql.append(" AND m.number_value ").append(range.upperInclusive() ? "<= " : "< ").param(number(range.upper()));
      }
    } else if (metric.condition() instanceof Criteria.MetricCondition.TextIn texts) {
      List<String> values = texts.values().stream().sorted().toList();
      sql.append(" AND m.text_value IN (");
      for (int i = 0; i < values.size(); i++) {
        sql.append(i == 0 ? "" : ", ").param(Values.text(values.get(i)));
      }
      sql.append(")");
    }
    sql.append(")");
  }

  private static Binder number(double value) {
    return (statement, index) -> statement.setDouble(index, value);
  }

  private void junction(SqlBuilder sql, List<Criteria> operands, String operator, String empty) {
    if (operands.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append("(");
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        sql.append(operator);
      }
      append(sql, operands.get(i));
    }
    sql.append(")");
  }

  /**
   * Rejects a test or sort on a column the store keeps encrypted: the database holds no value to
   * compare (a protected birth date is ciphertext in {@code details}, its column empty).
   */
  private void requireClear(CustomerField<?> field) {
    if (field.name().equals("birthDate") && codec.protection().protects(ProtectedField.BIRTH_DATE)) {
      throw new UnsupportedOperationException("birthDate is encrypted in this store (JdbcOptions.fieldProtection "
          + "protects BIRTH_DATE), so criteria and sorting on it cannot run in the database; filter the "
          + "customers read instead, or keep birth dates clear");
    }
  }

  /** {@code field} equals one of {@code values}. */
  private void in(SqlBuilder sql, CustomerField<?> field, List<?> values) {
    requireClear(field);
    if (field.dimensionKey().isPresent()) {
      String dimension = field.dimensionKey().get();
      StorageGuard.checkQueryText("dimension", dimension);
      sql.append("EXISTS (SELECT 1 FROM ").append(tables.code()).append(" c WHERE c.customer_id = ")
          .append(ALIAS).append(".id AND c.dimension = ").param(Values.text(dimension))
          .append(" AND c.code IN (");
      list(sql, field, values);
      sql.append("))");
      return;
    }
    if (field.type() == Instant.class) {
      List<Instant> storable = new ArrayList<>();
      for (Object value : values) {
        if (Values.storable((Instant) value)) {
          storable.add((Instant) value);
        }
      }
      if (storable.isEmpty()) {
        sql.append("1 = 0");
        return;
      }
      String at = ALIAS + "." + instantColumn(field);
      String nanos = ALIAS + "." + nanosColumn(field);
      sql.append("(");
      for (int i = 0; i < storable.size(); i++) {
        if (i > 0) {
          sql.append(" OR ");
        }
        sql.append("(").append(at).append(" = ").param(Values.timestamp(storable.get(i)))
            .append(" AND ").append(nanos).append(" = ").param(Values.nanos(storable.get(i))).append(")");
      }
      sql.append(")");
      return;
    }
    List<Object> storable = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof LocalDate date) || Values.storable(date)) {
        storable.add(value);
      }
    }
    if (storable.isEmpty()) {
      sql.append("1 = 0");
      return;
    }
    String column = ALIAS + "." + column(field);
    sql.append("(");
    if (field.optional()) {
      sql.append(column).append(" IS NOT NULL AND ");
    }
    if (storable.size() == 1) {
      sql.append(column).append(" = ").param(binder(field, storable.get(0)));
    } else {
      sql.append(column).append(" IN (");
      list(sql, field, storable);
      sql.append(")");
    }
    sql.append(")");
  }

  private void list(SqlBuilder sql, CustomerField<?> field, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.param(binder(field, values.get(i)));
    }
  }

  /** {@code from <= field < to}, either bound open when {@code null}. */
  private void range(SqlBuilder sql, CustomerField<?> field, Object from, Object to) {
    requireClear(field);
    if (field.type() == Instant.class) {
      instantRange(sql, field, (Instant) from, (Instant) to);
      return;
    }
    if (field.type() == LocalDate.class) {
      LocalDate lower = (LocalDate) from;
      LocalDate upper = (LocalDate) to;
      if ((lower != null && lower.isAfter(Values.MAX_DATE)) || (upper != null && !upper.isAfter(Values.MIN_DATE))) {
        sql.append("1 = 0");
        return;
      }
      from = lower == null || lower.isBefore(Values.MIN_DATE) ? null : lower;
      to = upper == null || upper.isAfter(Values.MAX_DATE) ? null : upper;
    }
    boolean text = field.type() == String.class;
    String value;
    SqlBuilder prefix = new SqlBuilder();
    if (field.dimensionKey().isPresent()) {
      StorageGuard.checkQueryText("dimension", field.dimensionKey().get());
      prefix.append("EXISTS (SELECT 1 FROM ").append(tables.code()).append(" c WHERE c.customer_id = ")
          .append(ALIAS).append(".id AND c.dimension = ").param(Values.text(field.dimensionKey().get()));
      value = dialect.codePointOrder("c.code");
    } else {
      String column = ALIAS + "." + column(field);
      prefix.append("(").append(column).append(" IS NOT NULL");
      value = text ? dialect.codePointOrder(column) : column;
    }
    String placeholder = text ? dialect.codePointOrder("?") : "?";
    sql.append(prefix);
    if (from != null) {
      sql.append(" AND ").append(value).append(" >= ").param(placeholder, binder(field, from));
    }
    if (to != null) {
      sql.append(" AND ").append(value).append(" < ").param(placeholder, binder(field, to));
    }
    sql.append(")");
  }

  private void instantRange(SqlBuilder sql, CustomerField<?> field, Instant from, Instant to) {
    if ((from != null && from.isAfter(Values.MAX_INSTANT)) || (to != null && !to.isAfter(Values.MIN_INSTANT))) {
      sql.append("1 = 0");
      return;
    }
    String at = ALIAS + "." + instantColumn(field);
    String nanos = ALIAS + "." + nanosColumn(field);
    sql.append("(1 = 1");
    if (from != null && !from.isBefore(Values.MIN_INSTANT)) {
      InstantConditions.atOrAfter(sql.append(" AND "), at, nanos, from);
    }
    if (to != null && !to.isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), at, nanos, to);
    }
    sql.append(")");
  }

  private void orderBy(Sort.Key key, String joinAlias, SqlBuilder joins, List<String> order) {
    CustomerField<?> field = key.field();
    requireClear(field);
    String direction = key.direction() == Sort.Direction.ASCENDING ? " ASC" : " DESC";
    if (field.dimensionKey().isPresent()) {
      StorageGuard.checkQueryText("sort.dimension", field.dimensionKey().get());
      joins.append(" LEFT JOIN ").append(tables.code()).append(" ").append(joinAlias).append(" ON ")
          .append(joinAlias).append(".customer_id = ").append(ALIAS).append(".id AND ").append(joinAlias)
          .append(".dimension = ").param(Values.text(field.dimensionKey().get()));
      order.add(dialect.codePointOrder(joinAlias + ".code") + direction + " NULLS LAST");
    } else if (field.type() == Instant.class) {
      order.add(ALIAS + "." + instantColumn(field) + direction);
      order.add(ALIAS + "." + nanosColumn(field) + direction);
    } else if (field.type() == String.class) {
      order.add(dialect.codePointOrder(ALIAS + "." + column(field)) + direction + " NULLS LAST");
    } else {
      order.add(ALIAS + "." + column(field) + direction + " NULLS LAST");
    }
  }

  private Binder binder(CustomerField<?> field, Object value) {
    if (value instanceof CustomerId id) {
      return Values.uuid(id.value());
    } else if (value instanceof String text) {
      StorageGuard.checkQueryText(field.toString(), text);
      return Values.text(text);
    } else if (value instanceof CustomerKind kind) {
      return Values.text(kind.name());
    } else if (value instanceof Gender gender) {
      return Values.text(gender.name());
    } else if (value instanceof LifecycleStage stage) {
      return Values.text(stage.name());
    } else if (value instanceof ValueTier tier) {
      return Values.text(tier.name());
    } else if (value instanceof LocalDate date) {
      return Values.date(date);
    }
    throw new IllegalArgumentException("no SQL mapping for " + field + " values of type "
        + value.getClass().getName());
  }

  static String column(CustomerField<?> field) {
    return switch (field.name()) {
      case "id" -> "id";
      case "kind" -> "kind";
      case "displayName" -> "display_name";
      case "familyName" -> "family_name";
      case "givenName" -> "given_name";
      case "legalName" -> "legal_name";
      case "owner" -> "owner_name";
      case "gender" -> "gender";
      case "birthDate" -> "birth_date";
      case "stage" -> "stage";
      case "tier" -> "tier";
      default -> throw new IllegalArgumentException("no column for field " + field);
    };
  }

  private static String instantColumn(CustomerField<?> field) {
    return field.name().equals("createdAt") ? "created_at" : "updated_at";
  }

  private static String nanosColumn(CustomerField<?> field) {
    return field.name().equals("createdAt") ? "created_nanos" : "updated_nanos";
  }

  /** A LIKE pattern matching text that starts with {@code prefix}, with {@code \ % _} escaped. */
  static String likePrefix(String prefix) {
    StringBuilder out = new StringBuilder(prefix.length() + 1);
    for (int i = 0; i < prefix.length(); i++) {
      char ch = prefix.charAt(i);
      if (ch == '\\' || ch == '%' || ch == '_') {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.append('%').toString();
  }
}
