package io.crmkit.testkit.dedup;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which records are the same customer: the truth to measure deduplication by. It holds the entity
 * of each record and derives the true duplicate pairs from it (every two records of one entity),
 * the pair completeness of a blocking (the share of true pairs among its candidate pairs) and the
 * precision and recall of predicted pairs.
 *
 * <p>Memory grows with the records; the true pairs are few next to all pairs (an entity has a
 * handful of records), so they are computed, not stored. Immutable and thread-safe.
 */
public final class GroundTruth {
  private final Map<String, String> entityOfRecord;
  private final Map<String, List<String>> recordsOfEntity;

  private GroundTruth(Map<String, String> entityOfRecord) {
    this.entityOfRecord = Collections.unmodifiableMap(entityOfRecord);
    Map<String, List<String>> byEntity = new LinkedHashMap<>();
    entityOfRecord.forEach((record, entity) -> byEntity.computeIfAbsent(entity, e -> new ArrayList<>(2)).add(record));
    this.recordsOfEntity = byEntity;
  }

  /**
   * The truth of generated records.
   *
   * @throws IllegalArgumentException if two records have the same id
   */
  public static GroundTruth of(Iterable<GeneratedRecord> records) {
    Builder builder = builder();
    records.forEach(builder::add);
    return builder.build();
  }

  /** A builder to collect the truth record by record, as a stream of records goes by. */
  public static Builder builder() {
    return new Builder();
  }

  /** The entity of a record, empty for a record it does not know. */
  public Optional<String> entityOf(String recordId) {
    return Optional.ofNullable(entityOfRecord.get(recordId));
  }

  /** The record id to entity id map, unmodifiable. */
  public Map<String, String> entities() {
    return entityOfRecord;
  }

  public int recordCount() {
    return entityOfRecord.size();
  }

  public int entityCount() {
    return recordsOfEntity.size();
  }

  /** How many true pairs there are: n(n-1)/2 summed over entities of n records. */
  public long truePairCount() {
    long pairs = 0;
    for (List<String> records : recordsOfEntity.values()) {
      long n = records.size();
      pairs += n * (n - 1) / 2;
    }
    return pairs;
  }

  /** Every true pair: every two records of one entity. */
  public Set<RecordPair> truePairs() {
    Set<RecordPair> pairs = new HashSet<>();
    for (List<String> records : recordsOfEntity.values()) {
      for (int i = 0; i < records.size(); i++) {
        for (int j = i + 1; j < records.size(); j++) {
          pairs.add(RecordPair.of(records.get(i), records.get(j)));
        }
      }
    }
    return pairs;
  }

  /** Whether two records are the same customer; false for a record it does not know. */
  public boolean isTruePair(String oneId, String otherId) {
    String entity = entityOfRecord.get(oneId);
    return entity != null && !oneId.equals(otherId) && entity.equals(entityOfRecord.get(otherId));
  }

  /**
   * The share of true pairs that a blocking's candidate pairs include (pair completeness); 1 when
   * there are no true pairs. Candidates may repeat.
   */
  public double pairCompleteness(Collection<RecordPair> candidates) {
    long truePairs = truePairCount();
    return truePairs == 0 ? 1 : (double) truePositives(candidates) / truePairs;
  }

  /** Predicted duplicate pairs against the truth; a pair predicted twice counts once. */
  public PairQuality evaluate(Collection<RecordPair> predicted) {
    Set<RecordPair> distinct = new HashSet<>(predicted);
    long correct = truePositives(distinct);
    return new PairQuality(correct, distinct.size() - correct, truePairCount() - correct);
  }

  private long truePositives(Collection<RecordPair> pairs) {
    Set<RecordPair> found = new HashSet<>();
    for (RecordPair pair : pairs) {
      if (isTruePair(pair.first(), pair.second())) {
        found.add(pair);
      }
    }
    return found.size();
  }

  /** Collects record-to-entity assignments; not thread-safe. */
  public static final class Builder {
    private final Map<String, String> entityOfRecord = new HashMap<>();

    private Builder() {}

    /**
     * Adds a generated record.
     *
     * @throws IllegalArgumentException if a record with its id was added before
     */
    public Builder add(GeneratedRecord record) {
      return add(record.id(), record.entityId());
    }

    /**
     * Adds a record by id with the entity it belongs to, as a truth column of a file gives them.
     *
     * @throws IllegalArgumentException if a record with this id was added before, or an id is blank
     */
    public Builder add(String recordId, String entityId) {
      Require.notBlank(recordId, "recordId");
      Require.notBlank(entityId, "entityId");
      String before = entityOfRecord.putIfAbsent(recordId, entityId);
      Require.argument(before == null, "record %s appears twice", recordId);
      return this;
    }

    public GroundTruth build() {
      return new GroundTruth(new HashMap<>(entityOfRecord));
    }
  }
}
