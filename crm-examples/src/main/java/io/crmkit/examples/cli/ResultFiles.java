package io.crmkit.examples.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.crmkit.core.dedup.FieldScore;
import io.crmkit.core.dedup.ScoredPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what matching found as two UTF-8 CSV files: the pairs, one per line with each field's
 * agreement level and weight so that every decision explains itself, and the clusters, each
 * record with its entity.
 */
final class ResultFiles {

  /** Ids, probability, weight and decision come first, then two columns per field. */
  private static final int FIRST_FIELD_COLUMN = 5;

  private ResultFiles() {}

  /**
   * Writes the matches and reviews, most probable first. Each compared field gets two columns,
   * {@code <field>_level} and {@code <field>_weight}, in the order fields first appear.
   *
   * @param inputIds in link mode the ids of the first file, whose record is then written first
   *     ({@code input_id}, {@code other_id}); empty when deduplicating one file ({@code left_id}, {@code right_id})
   * @return how many pairs were written
   * @throws CliException failure if the file cannot be written
   */
  static int writePairs(Path file, List<ScoredPair> pairs, Set<String> inputIds) {
    List<ScoredPair> reported = pairs.stream()
        .filter(pair -> pair.decision() != ScoredPair.Decision.NON_MATCH)
        .map(pair -> inputIds.contains(pair.rightId()) ? swapped(pair) : pair)
        .sorted(ResultFiles::mostProbableFirst)
        .toList();
    Set<String> fields = new LinkedHashSet<>();
    reported.forEach(pair -> pair.fields().forEach(score -> fields.add(score.field())));
    List<String> header = new ArrayList<>(inputIds.isEmpty()
        ? List.of("left_id", "right_id") : List.of("input_id", "other_id"));
    header.addAll(List.of("probability", "weight", "decision"));
    fields.forEach(field -> header.addAll(List.of(field + "_level", field + "_weight")));
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(header);
      Map<String, Integer> column = new HashMap<>();
      fields.forEach(field -> column.put(field, FIRST_FIELD_COLUMN + 2 * column.size()));
      for (ScoredPair pair : reported) {
        csv.writeRecord(row(pair, column));
      }
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
    return reported.size();
  }

  /**
   * Writes every record with its entity, grouped by entity; a record matching left alone is its
   * own entity.
   *
   * @param recordIds every record read, in reading order
   * @throws CliException failure if the file cannot be written
   */
  static void writeClusters(Path file, List<String> recordIds, Map<String, String> entityOf) {
    Map<String, Integer> order = new HashMap<>();
    recordIds.forEach(id -> order.putIfAbsent(id, order.size()));
    List<String> sorted = recordIds.stream()
        .sorted(Comparator.comparing((String id) -> entityOf.getOrDefault(id, id)).thenComparing(order::get))
        .toList();
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord("record_id", "entity_id");
      for (String id : sorted) {
        csv.writeRecord(id, entityOf.getOrDefault(id, id));
      }
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  /** Most probable first, then by the ids: one comparison, where a chain of comparators costs a call per link. */
  private static int mostProbableFirst(ScoredPair a, ScoredPair b) {
    int byProbability = Double.compare(b.probability(), a.probability());
    if (byProbability != 0) {
      return byProbability;
    }
    int byLeft = a.leftId().compareTo(b.leftId());
    return byLeft != 0 ? byLeft : a.rightId().compareTo(b.rightId());
  }

  /** The pair's line: ids, probability, weight, decision, then level and weight at each field's {@code column}. */
  private static String[] row(ScoredPair pair, Map<String, Integer> column) {
    String[] row = new String[FIRST_FIELD_COLUMN + 2 * column.size()];
    row[0] = pair.leftId();
    row[1] = pair.rightId();
    row[2] = Decimals.fixed(pair.probability(), 4);
    row[3] = Decimals.fixed(pair.weight(), 3);
    row[4] = pair.decision().name();
    for (FieldScore score : pair.fields()) {
      int at = column.get(score.field());
      if (row[at] == null) { // a field scored twice is written as first scored
        row[at] = score.level();
        row[at + 1] = Decimals.fixed(score.weight(), 3);
      }
    }
    for (int i = FIRST_FIELD_COLUMN; i < row.length; i++) {
      row[i] = row[i] == null ? "" : row[i];
    }
    return row;
  }

  private static ScoredPair swapped(ScoredPair pair) {
    return new ScoredPair(pair.rightId(), pair.leftId(), pair.weight(), pair.probability(), pair.decision(),
        pair.fields());
  }
}
