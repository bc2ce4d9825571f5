package io.crmkit.segmentation.segment;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.Sort;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Who is in a named segment, how big segments are and how much they overlap, read through the
 * store's {@link Customers} (so memory, H2 and PostgreSQL agree, and metric criteria work once
 * the metrics capability is attached).
 *
 * <pre>{@code
 * SegmentMembership segments = SegmentMembership.on(segmentationStore);
 * Page<Customer> first = segments.members("VIP at risk", PageRequest.first(100));
 * SegmentMembership.Overlaps overlaps = segments.overlaps(List.of("VIP", "At risk", "New"));
 * }</pre>
 *
 * <p><b>Overlaps in one pass.</b> Asking the store for every pair ({@code count(and(a, b))}) would
 * be n² queries. Instead each segment's members are streamed once, in id order (every {@code
 * Customers.stream} is), and the n streams are merged: each customer is seen once with the set of
 * segments it is in, which adds one to every pair of them. n streams, each read page by page, and
 * memory for n stream positions, never for the members.
 */
public final class SegmentMembership {
  /** The most segments one overlap computation takes (a customer's segments are a 64-bit set). */
  public static final int MAX_OVERLAP_SEGMENTS = 64;

  private final SegmentDefinitions definitions;
  private final Customers customers;

  private SegmentMembership(SegmentDefinitions definitions, Customers customers) {
    this.definitions = definitions;
    this.customers = customers;
  }

  /** Membership over {@code store}'s definitions and its base store's customers. */
  public static SegmentMembership on(SegmentationStore store) {
    Objects.requireNonNull(store, "store");
    return new SegmentMembership(store.segmentDefinitions(), store.base().customers());
  }

  /** A segment name no definition has. */
  public static final class UnknownSegmentException extends CrmException {
    private static final long serialVersionUID = 1L;

    public UnknownSegmentException(String name) {
      super("no segment is named '" + name + "'");
    }
  }

  /**
   * One page of the segment's members, by id.
   *
   * @throws UnknownSegmentException if no segment has that name
   */
  public Page<Customer> members(String segment, PageRequest page) {
    Objects.requireNonNull(page, "page");
    return customers.find(definition(segment).criteria(), Sort.byId(), page);
  }

  /**
   * The ids of the segment's members in id order, read page by page; close the stream.
   *
   * @throws UnknownSegmentException if no segment has that name
   */
  public Stream<CustomerId> memberIds(String segment) {
    return customers.stream(definition(segment).criteria()).map(Customer::id);
  }

  /**
   * How many customers the segment has now.
   *
   * @throws UnknownSegmentException if no segment has that name
   */
  public long size(String segment) {
    return customers.count(definition(segment).criteria());
  }

  /** The size of every defined segment, by name in code-point order: one count per segment. */
  public Map<String, Long> sizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Segment segment : definitions.all()) {
      sizes.put(segment.name(), customers.count(segment.criteria()));
    }
    return sizes;
  }

  /**
   * Pairwise overlaps (and sizes) of the named segments, in one merged pass over their members.
   *
   * @throws UnknownSegmentException if a name has no segment
   * @throws IllegalArgumentException if a name repeats, or there are more than {@value
   *     #MAX_OVERLAP_SEGMENTS}
   */
  public Overlaps overlaps(List<String> segments) {
    Objects.requireNonNull(segments, "segments");
    List<String> names = List.copyOf(segments);
    Require.argument(names.size() <= MAX_OVERLAP_SEGMENTS, "at most %s segments at once, got %s",
        MAX_OVERLAP_SEGMENTS, names.size());
    Require.argument(names.stream().distinct().count() == names.size(), "segment names repeat in %s", names);
    List<Segment> chosen = names.stream().map(this::definition).toList();
    long[][] counts = new long[names.size()][names.size()];
    List<Stream<Customer>> streams = new ArrayList<>();
    try {
      PriorityQueue<Head> heads = new PriorityQueue<>();
      for (int i = 0; i < chosen.size(); i++) {
        Stream<Customer> stream = customers.stream(chosen.get(i).criteria());
        streams.add(stream);
        Head.next(stream.iterator(), i).ifPresent(heads::add);
      }
      while (!heads.isEmpty()) {
        CustomerId id = heads.peek().id;
        long mask = 0;
        while (!heads.isEmpty() && heads.peek().id.equals(id)) {
          Head head = heads.poll();
          mask |= 1L << head.segment;
          Head.next(head.members, head.segment).ifPresent(heads::add);
        }
        count(mask, counts);
      }
    } finally {
      streams.forEach(Stream::close);
    }
    return new Overlaps(names, counts);
  }

  /** Overlaps of every defined segment (at most {@value #MAX_OVERLAP_SEGMENTS}). */
  public Overlaps overlapsOfAll() {
    return overlaps(definitions.all().stream().map(Segment::name).toList());
  }

  private static void count(long mask, long[][] counts) {
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      int i = Long.numberOfTrailingZeros(rest);
      for (long other = rest; other != 0; other &= other - 1) {
        int j = Long.numberOfTrailingZeros(other);
        counts[i][j]++;
        if (i != j) {
          counts[j][i]++;
        }
      }
    }
  }

  private Segment definition(String name) {
    Segment.checkName(name);
    return definitions.find(name).orElseThrow(() -> new UnknownSegmentException(name));
  }

  /** The current member of one segment's stream in the merge. */
  private record Head(CustomerId id, int segment, Iterator<Customer> members) implements Comparable<Head> {
    static java.util.Optional<Head> next(Iterator<Customer> members, int segment) {
      return members.hasNext() ? java.util.Optional.of(new Head(members.next().id(), segment, members))
          : java.util.Optional.empty();
    }

    @Override
    public int compareTo(Head other) {
      int byId = id.compareTo(other.id);
      return byId != 0 ? byId : Integer.compare(segment, other.segment);
    }
  }

  /**
   * Segment sizes and pairwise overlaps: {@code overlap(a, b)} customers are in both, {@code
   * overlap(a, a)} is {@code a}'s size.
   */
  public static final class Overlaps {
    private final List<String> names;
    private final long[][] counts;

    Overlaps(List<String> names, long[][] counts) {
      this.names = List.copyOf(names);
      this.counts = counts;
    }

    /** The segments, in the order asked. */
    public List<String> names() {
      return names;
    }

    /** How many customers {@code segment} has. */
    public long size(String segment) {
      int i = index(segment);
      return counts[i][i];
    }

    /** How many customers are in both segments. */
    public long overlap(String a, String b) {
      return counts[index(a)][index(b)];
    }

    /** Shared members over members of either (Jaccard index), 0 when both are empty. */
    public double jaccard(String a, String b) {
      long both = overlap(a, b);
      long either = size(a) + size(b) - both;
      return either == 0 ? 0 : (double) both / either;
    }

    private int index(String segment) {
      int i = names.indexOf(segment);
      Require.argument(i >= 0, "'%s' is not among the segments %s", segment, names);
      return i;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("Overlaps");
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "[" : ", ").append(names.get(i)).append('=').append(java.util.Arrays.toString(counts[i]));
      }
      return out.append(names.isEmpty() ? "[]" : "]").toString();
    }
  }
}
