package io.crmkit.core.dimension.code;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dimension.CodeCheck;
import io.crmkit.core.dimension.DimensionCode.Successor;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.Dimensions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives customers composite codes: takes each dimension code the {@link CodeFormat} needs from
 * the customer, lifts it to the format's level (county to province), draws the next number of
 * that combination from {@link CodeSequences} and formats the code.
 *
 * <p>No two customers get the same code, because the sequence key holds every other part of the
 * code and the port never hands out a number twice. Thread-safe if the port is.
 */
public final class CustomerCodeAllocator {
  private final CodeFormat format;
  private final CodeSequences sequences;

  /** An allocator of {@code format} codes numbered by {@code sequences}. */
  public CustomerCodeAllocator(CodeFormat format, CodeSequences sequences) {
    this.format = Objects.requireNonNull(format, "format");
    this.sequences = Objects.requireNonNull(sequences, "sequences");
  }

  /** The format of the codes this allocator gives out. */
  public CodeFormat format() {
    return format;
  }

  /**
   * Allocates a code for a customer's details.
   *
   * @throws CrmValidationException if a dimension code the format needs is missing, not valid in
   *     its scheme (unknown, retired: the message names the successors) or has no ancestor on the
   *     format's level
   * @throws CodeSequences.SequenceExhaustedException if the combination has used up the sequence's width
   */
  public CustomerCode allocate(CustomerDetails customer) {
    return allocate(Objects.requireNonNull(customer, "customer").dimensionCodes());
  }

  /**
   * Allocates a code for a customer holding {@code dimensionCodes}.
   *
   * @throws CrmValidationException as {@link #allocate(CustomerDetails)}
   * @throws CodeSequences.SequenceExhaustedException if the combination has used up the sequence's width
   */
  public CustomerCode allocate(Map<String, String> dimensionCodes) {
    Map<String, String> levelCodes = levelCodes(dimensionCodes);
    String key = format.sequenceKey(levelCodes);
    long number = sequences.next(key);
    if (number > format.maxSequence()) {
      throw new CodeSequences.SequenceExhaustedException(key, format.maxSequence());
    }
    return format.format(new CustomerCode.Parts(levelCodes, number));
  }

  /**
   * Every reason {@code dimensionCodes} cannot get a code, without allocating anything; empty if
   * it can.
   */
  public List<Violation> problems(Map<String, String> dimensionCodes) {
    List<Violation> problems = new ArrayList<>();
    lift(Objects.requireNonNull(dimensionCodes, "dimensionCodes"), problems);
    return problems;
  }

  /**
   * Allocates codes for many customers, drawing one block of numbers per combination. Never
   * throws for a customer that cannot get a code: the report lists it with every reason.
   *
   * @throws IllegalArgumentException if a customer id appears twice
   */
  public Report allocateAll(Collection<? extends Customer> customers) {
    Objects.requireNonNull(customers, "customers");
    Map<CustomerId, List<Violation>> rejected = new LinkedHashMap<>();
    Map<String, List<Map.Entry<CustomerId, Map<String, String>>>> byKey = new LinkedHashMap<>();
    List<CustomerId> order = new ArrayList<>();
    Set<CustomerId> seen = new HashSet<>();
    for (Customer customer : customers) {
      Require.argument(seen.add(customer.id()), "customer %s appears twice", customer.id());
      order.add(customer.id());
      List<Violation> problems = new ArrayList<>();
      Map<String, String> levelCodes = lift(customer.dimensionCodes(), problems);
      if (!problems.isEmpty()) {
        rejected.put(customer.id(), problems);
        continue;
      }
      byKey.computeIfAbsent(format.sequenceKey(levelCodes), k -> new ArrayList<>())
          .add(Map.entry(customer.id(), levelCodes));
    }
    Map<CustomerId, CustomerCode> allocated = new LinkedHashMap<>();
    byKey.forEach((key, group) -> {
      long first = sequences.nextBlock(key, group.size());
      for (int i = 0; i < group.size(); i++) {
        long number = first + i;
        CustomerId id = group.get(i).getKey();
        if (number > format.maxSequence()) {
          rejected.put(id, List.of(new Violation("sequence", "sequence-exhausted",
              "sequence '" + key + "' has no number left (at most " + format.maxSequence() + ")")));
        } else {
          allocated.put(id, format.format(new CustomerCode.Parts(group.get(i).getValue(), number)));
        }
      }
    });
    Map<CustomerId, CustomerCode> allocatedInOrder = new LinkedHashMap<>();
    List<Rejection> rejectedInOrder = new ArrayList<>();
    for (CustomerId id : order) {
      if (allocated.containsKey(id)) {
        allocatedInOrder.put(id, allocated.get(id));
      } else {
        rejectedInOrder.add(Rejection.of(id.toString(), rejected.get(id)));
      }
    }
    return new Report(allocatedInOrder, rejectedInOrder);
  }

  private Map<String, String> levelCodes(Map<String, String> dimensionCodes) {
    List<Violation> problems = new ArrayList<>();
    Map<String, String> levelCodes = lift(Objects.requireNonNull(dimensionCodes, "dimensionCodes"), problems);
    if (!problems.isEmpty()) {
      throw new CrmValidationException("dimension codes for format " + format.id(), problems);
    }
    return levelCodes;
  }

  private Map<String, String> lift(Map<String, String> dimensionCodes, List<Violation> problems) {
    Map<String, String> levelCodes = new LinkedHashMap<>();
    for (CodeFormat.Segment segment : format.segments()) {
      if (!(segment instanceof CodeFormat.Segment.Dimension dimension)) {
        continue;
      }
      String path = Dimensions.path(dimension.dimension());
      String code = dimensionCodes.get(dimension.dimension());
      if (code == null) {
        problems.add(new Violation(path, "missing-code", "no " + dimension.dimension() + " code"));
        continue;
      }
      CodeCheck check = dimension.scheme().check(code);
      if (!check.isValid()) {
        problems.add(new Violation(path, rule(check), check.describe() + (check instanceof CodeCheck.Retired retired
            && !retired.successors().isEmpty() ? " (re-code it first: successors "
                + retired.successors().stream().map(Successor::code).collect(Collectors.joining(", ")) + ")" : "")));
        continue;
      }
      Optional<DimensionCode> atLevel = dimension.scheme().ancestorAt(code, dimension.level());
      if (atLevel.isEmpty()) {
        problems.add(new Violation(path, "no-code-at-level", code + " has no " + dimension.level() + " code above it in "
            + dimension.scheme().id()));
        continue;
      }
      levelCodes.put(dimension.dimension(), atLevel.get().code());
    }
    return levelCodes;
  }

  private static String rule(CodeCheck check) {
    if (check instanceof CodeCheck.Malformed) {
      return "malformed-code";
    } else if (check instanceof CodeCheck.BadCheckCharacter) {
      return "bad-check-character";
    } else if (check instanceof CodeCheck.Retired) {
      return "retired-code";
    }
    return "unknown-code";
  }

  /**
   * What {@link CustomerCodeAllocator#allocateAll} did: each customer is either allocated a code or
   * rejected with every reason, in input order.
   *
   * @param allocated customer to new code
   * @param rejected the customers that got no code, as {@link Rejection}s (the shape every crmkit
   *     batch report uses): subject the customer id, one violation per reason, its path the
   *     dimension code concerned ({@code dimensionCodes[region]}) or {@code sequence}
   */
  public record Report(Map<CustomerId, CustomerCode> allocated, List<Rejection> rejected) {
    public Report {
      allocated = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(allocated, "allocated")));
      rejected = List.copyOf(rejected);
    }
  }
}
