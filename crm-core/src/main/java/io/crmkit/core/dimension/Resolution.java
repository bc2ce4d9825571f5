package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which code in force a code stands for today, after following successors of retired codes
 * (see {@link DimensionScheme#resolve}). When a retired code leads to several codes in force the
 * outcome is {@link Ambiguous}: the scheme never guesses.
 */
public sealed interface Resolution {

  /** The code asked about. */
  String code();

  /** The single code in force this resolves to, if there is exactly one. */
  default Optional<DimensionCode> target() {
    return Optional.empty();
  }

  /** The outcome in words, for reports and logs. */
  String describe();

  /** The code itself is in force. */
  record Current(DimensionCode dimensionCode) implements Resolution {
    public Current {
      Objects.requireNonNull(dimensionCode, "dimensionCode");
    }

    @Override
    public String code() {
      return dimensionCode.code();
    }

    @Override
    public Optional<DimensionCode> target() {
      return Optional.of(dimensionCode);
    }

    @Override
    public String describe() {
      return dimensionCode.code() + " is in force";
    }
  }

  /** The code is retired and its successors lead to exactly one code in force. */
  record Replaced(DimensionCode retired, DimensionCode successor) implements Resolution {
    public Replaced {
      Objects.requireNonNull(retired, "retired");
      Objects.requireNonNull(successor, "successor");
    }

    @Override
    public String code() {
      return retired.code();
    }

    @Override
    public Optional<DimensionCode> target() {
      return Optional.of(successor);
    }

    @Override
    public String describe() {
      return retired.code() + " (" + retired.labels().text() + ") was retired on " + retired.retiredOn().orElseThrow()
          + " and is now " + successor.code() + " (" + successor.labels().text() + ")";
    }
  }

  /** The code is retired and its successors lead to several codes in force (split, or transfers). */
  record Ambiguous(DimensionCode retired, List<DimensionCode> candidates) implements Resolution {
    public Ambiguous {
      Objects.requireNonNull(retired, "retired");
      candidates = List.copyOf(candidates);
    }

    @Override
    public String code() {
      return retired.code();
    }

    @Override
    public String describe() {
      return retired.code() + " (" + retired.labels().text() + ") was retired on " + retired.retiredOn().orElseThrow()
          + "; it is ambiguous between " + candidates.stream()
              .map(c -> c.code() + " (" + c.labels().text() + ")").collect(Collectors.joining(", "));
    }
  }

  /** The code is retired and no code in force took over from it. */
  record Discontinued(DimensionCode retired) implements Resolution {
    public Discontinued {
      Objects.requireNonNull(retired, "retired");
    }

    @Override
    public String code() {
      return retired.code();
    }

    @Override
    public String describe() {
      return retired.code() + " (" + retired.labels().text() + ") was retired on " + retired.retiredOn().orElseThrow()
          + " and has no successor in force";
    }
  }

  /** The code is not in the scheme: malformed, wrong check character, or unknown. */
  record NotFound(CodeCheck check) implements Resolution {
    public NotFound {
      Objects.requireNonNull(check, "check");
      Require.argument(check.entry().isEmpty(), "the code %s is in the scheme", check.code());
    }

    @Override
    public String code() {
      return check.code();
    }

    @Override
    public String describe() {
      return check.describe();
    }
  }
}
