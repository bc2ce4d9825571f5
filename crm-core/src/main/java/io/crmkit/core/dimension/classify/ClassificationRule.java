package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.CustomerDetails;
import java.util.Objects;

/**
 * Derives one dimension's code from a customer's data. Rules are pure functions of the customer
 * (no storage, no clock), so they run the same in memory, in a batch or on Spark. Shipped rules
 * are in {@link ClassificationRules}; write your own for anything else.
 */
public interface ClassificationRule {

  /** The dimension the rule assigns, such as {@code region}. */
  String dimension();

  /** A short name for reports, such as {@code region-from-address}. */
  String name();

  /**
   * The rule's outcome for {@code customer}. Must not throw for any valid customer: data that
   * gives no code is {@link Outcome.NotApplicable} or {@link Outcome.Rejected}.
   */
  Outcome apply(CustomerDetails customer);

  /** What a {@link ClassificationRule} made of one customer. */
  sealed interface Outcome {

    /**
     * The rule found a code.
     *
     * @param code the code, in force in the rule's scheme
     * @param note how it was found, for the report (for example that a retired code was replaced)
     */
    record Assigned(String code, String note) implements Outcome {
      public Assigned {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(note, "note");
      }
    }

    /**
     * The customer lacks the data the rule reads (no address, no identifier): the next rule may
     * apply.
     *
     * @param reason what is missing
     */
    record NotApplicable(String reason) implements Outcome {
      public NotApplicable {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /**
     * The data is there but gives no usable code (unknown, retired without a single successor,
     * invalid identifier). The next rule may still apply; if none does, this is reported.
     *
     * @param reason why the data gives no code
     */
    record Rejected(String reason) implements Outcome {
      public Rejected {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /** A code was found; for rules of your own. */
    static Assigned assigned(String code, String note) {
      return new Assigned(code, note);
    }

    /** The data the rule reads is missing; for rules of your own. */
    static NotApplicable notApplicable(String reason) {
      return new NotApplicable(reason);
    }

    /** The data gives no usable code; for rules of your own. */
    static Rejected rejected(String reason) {
      return new Rejected(reason);
    }
  }
}
