package io.crmkit.segmentation.segment;

import java.util.List;
import java.util.Optional;

/**
 * Port: the stored definitions of named segments, one per name. Adapters must pass {@code
 * SegmentDefinitionsContract} from crm-testkit; the JDBC adapter keeps the criteria as JSON
 * ({@code CrmJson}), so a definition reads back equal to what was saved. Every method may also
 * throw {@code CrmStorageException}.
 */
public interface SegmentDefinitions {

  /** Stores {@code segment}, replacing the definition of the same name if there is one. */
  void save(Segment segment);

  /** The segment named {@code name}, if defined. */
  Optional<Segment> find(String name);

  /** Every defined segment, by name in code-point order. */
  List<Segment> all();

  /** Removes the segment named {@code name}; whether it was defined. */
  boolean remove(String name);
}
