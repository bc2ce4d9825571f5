package io.crmkit.core.dedup.merge;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link Survivorship} rule builds each attribute of a golden record, and the priority of
 * sources for {@link Survivorship#SOURCE_PRIORITY}. Immutable; start from {@link #defaults()} and
 * change what your data needs:
 *
 * <pre>{@code
 * SurvivorshipRules rules = SurvivorshipRules.defaults().toBuilder()
 *     .rule(Attribute.BIRTH_DATE, Survivorship.SOURCE_PRIORITY)
 *     .sourcePriority("erp", "shop", "crm")
 *     .build();
 * }</pre>
 *
 * <p>The lifecycle stage is not an attribute here: it stays the survivor's, because stages move
 * only through the lifecycle engine, which records each move. External references are always
 * collected: a reference dropped by a merge would make the next import by that reference create
 * the absorbed customer again.
 */
public final class SurvivorshipRules {
  private static final SurvivorshipRules DEFAULTS = defaultBuilder().build();

  /** The attributes of a customer that survivorship builds. */
  public enum Attribute {
    KIND(false), PERSON_NAME(false), LEGAL_NAME(false), DISPLAY_NAME(false), CONTACT_POINTS(true),
    ADDRESSES(true), BIRTH_DATE(false), GENDER(false), ORGANISATION_IDENTIFIERS(true), PERSON_IDENTIFIERS(true),
    OWNER(false), TAGS(true),
    DIMENSION_CODES(true), TIER(false), ATTRIBUTES(true), EXTERNAL_REFERENCES(true), NEEDS(true);

    private final boolean collection;

    Attribute(boolean collection) {
      this.collection = collection;
    }

    /** Whether the attribute holds several values (a list, set or map), so it can be collected. */
    public boolean isCollection() {
      return collection;
    }
  }

  private final Map<Attribute, Survivorship> rules;
  private final List<String> sourcePriority;

  private SurvivorshipRules(Builder builder) {
    this.rules = Collections.unmodifiableMap(new EnumMap<>(builder.rules));
    this.sourcePriority = List.copyOf(builder.sourcePriority);
  }

  /**
   * The defaults: contact points, addresses, identifiers, tags, dimension codes, custom attributes,
   * external references and needs collected; names and legal name from the most complete record;
   * display name and tier the most recent; birth date and gender by source priority (no sources
   * listed: the survivor's rank decides); kind and owner the survivor's.
   */
  public static SurvivorshipRules defaults() {
    return DEFAULTS;
  }

  private static Builder defaultBuilder() {
    Builder builder = new Builder();
    for (Attribute attribute : Attribute.values()) {
      builder.rules.put(attribute, attribute.isCollection() ? Survivorship.COLLECT_ALL : Survivorship.MOST_COMPLETE);
    }
    builder.rules.put(Attribute.KIND, Survivorship.SURVIVOR);
    builder.rules.put(Attribute.OWNER, Survivorship.SURVIVOR);
    builder.rules.put(Attribute.DISPLAY_NAME, Survivorship.MOST_RECENT);
    builder.rules.put(Attribute.TIER, Survivorship.MOST_RECENT);
    builder.rules.put(Attribute.BIRTH_DATE, Survivorship.SOURCE_PRIORITY);
    builder.rules.put(Attribute.GENDER, Survivorship.SOURCE_PRIORITY);
    return builder;
  }

  /** The rule of {@code attribute}. */
  public Survivorship rule(Attribute attribute) {
    return rules.get(Objects.requireNonNull(attribute, "attribute"));
  }

  /** The sources, most trusted first. */
  public List<String> sourcePriority() {
    return sourcePriority;
  }

  /** A builder starting from these rules. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.rules.putAll(rules);
    builder.sourcePriority.addAll(sourcePriority);
    return builder;
  }

  @Override
  public String toString() {
    return "SurvivorshipRules" + rules + ", sources " + sourcePriority;
  }

  /** Builds {@link SurvivorshipRules}; get one from {@link SurvivorshipRules#toBuilder()}. */
  public static final class Builder {
    private final Map<Attribute, Survivorship> rules = new EnumMap<>(Attribute.class);
    private final List<String> sourcePriority = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the rule of one attribute.
     *
     * @throws IllegalArgumentException if {@code COLLECT_ALL} is asked of a single value, or
     *     external references are given a rule other than {@code COLLECT_ALL}
     */
    public Builder rule(Attribute attribute, Survivorship rule) {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(rule, "rule");
      Require.argument(rule != Survivorship.COLLECT_ALL || attribute.isCollection(),
          "COLLECT_ALL needs an attribute with several values, %s holds one", attribute);
      Require.argument(attribute != Attribute.EXTERNAL_REFERENCES || rule == Survivorship.COLLECT_ALL,
          "external references are always collected (an import by a dropped reference would recreate the"
              + " absorbed customer), got %s", rule);
      rules.put(attribute, rule);
      return this;
    }

    /**
     * Sets the sources for {@link Survivorship#SOURCE_PRIORITY}, most trusted first (external
     * reference systems, such as {@code erp}).
     *
     * @throws IllegalArgumentException if a source is blank or named twice
     */
    public Builder sourcePriority(String... sources) {
      return sourcePriority(List.of(sources));
    }

    /** As {@link #sourcePriority(String...)}. */
    public Builder sourcePriority(List<String> sources) {
      List<String> checked = List.copyOf(sources);
      checked.forEach(source -> Require.notBlank(source, "source"));
      Require.argument(checked.stream().distinct().count() == checked.size(),
          "each source is named once in the priority list, got %s", checked);
      sourcePriority.clear();
      sourcePriority.addAll(checked);
      return this;
    }

    public SurvivorshipRules build() {
      return new SurvivorshipRules(this);
    }
  }
}
