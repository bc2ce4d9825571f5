package io.crmkit.core.dimension.review;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Violation;
import io.crmkit.core.dimension.CodeDefinition;
import io.crmkit.core.dimension.DimensionCode;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.dimension.DimensionSchemes;
import io.crmkit.core.dimension.Labels;
import io.crmkit.core.dimension.SchemeDefinitionException;
import io.crmkit.core.dimension.review.CodeRequest.Decision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review of new codes: request, approve or reject with a reason, list what is pending and
 * what was decided, and fold approved codes into a scheme's next version.
 *
 * <p>A proposal for a registered scheme is checked against it first (the code fits the structure,
 * is neither in force nor approved and waiting for the next version, has a parent in force or
 * pending); a proposal for a scheme nobody registered is taken as it is, since that is what
 * review is for. Thread-safe if the port is.
 */
public final class CodeReview {
  private static final Logger LOG = LoggerFactory.getLogger(CodeReview.class);

  private final CodeRequests requests;
  private final DimensionSchemes schemes;
  private final Clock clock;
  private final IdGenerator ids;

  /**
   * @param requests where requests and decisions are kept
   * @param schemes the schemes proposals are checked against
   * @param clock the source of request and decision times
   * @param ids the source of request ids
   */
  public CodeReview(CodeRequests requests, DimensionSchemes schemes, Clock clock, IdGenerator ids) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.schemes = Objects.requireNonNull(schemes, "schemes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Files a user's request for a new code; it is pending until decided.
   *
   * @throws CrmValidationException listing every problem with the proposal
   * @throws DuplicateKeyException if the same code is already pending for the scheme
   */
  public CodeRequest request(Proposal proposal, String requestedBy) {
    validate(proposal, requestedBy);
    CodeRequest request = newRequest(proposal, requestedBy, CodeRequest.Origin.USER);
    requests.add(request);
    LOG.info("Code {} requested for scheme {} by {} ({})", request.code(), request.schemeId(), requestedBy, request.id());
    return request;
  }

  /**
   * Files a code met in data that the scheme does not know, unless it is pending already: then
   * the pending request is returned, so reporting the same code twice is harmless.
   *
   * @throws CrmValidationException listing every problem with the proposal
   */
  public CodeRequest reportUnknown(Proposal proposal, String reportedBy) {
    validate(proposal, reportedBy);
    Optional<CodeRequest> pending = requests.findPending(proposal.schemeId(), proposal.code());
    if (pending.isPresent()) {
      return pending.get();
    }
    CodeRequest request = newRequest(proposal, reportedBy, CodeRequest.Origin.UNKNOWN_CODE);
    try {
      requests.add(request);
    } catch (DuplicateKeyException raced) {
      return requests.findPending(proposal.schemeId(), proposal.code()).orElseThrow(() -> raced);
    }
    LOG.info("Unknown code {} of scheme {} reported by {} ({})", request.code(), request.schemeId(), reportedBy,
        request.id());
    return request;
  }

  /**
   * Approves a pending request.
   *
   * @param reason why, optional ({@code null} or blank for none)
   * @throws CrmValidationException if the reviewer is blank or texts are too long
   * @throws CodeRequests.CodeRequestNotFoundException if there is no such request
   * @throws CodeRequests.AlreadyDecidedException if it is decided already
   */
  public CodeRequest approve(CodeRequestId id, String reviewer, String reason) {
    return decide(id, reviewer, reason, Decision.Outcome.APPROVED);
  }

  /**
   * Rejects a pending request.
   *
   * @param reason why; required
   * @throws CrmValidationException if the reviewer or the reason is blank, or texts are too long
   * @throws CodeRequests.CodeRequestNotFoundException if there is no such request
   * @throws CodeRequests.AlreadyDecidedException if it is decided already
   */
  public CodeRequest reject(CodeRequestId id, String reviewer, String reason) {
    return decide(id, reviewer, reason, Decision.Outcome.REJECTED);
  }

  /** The pending requests of {@code schemeId}, oldest first. */
  public List<CodeRequest> pending(String schemeId) {
    return requests.find(Objects.requireNonNull(schemeId, "schemeId"), EnumSet.of(CodeRequest.Status.PENDING));
  }

  /** Every decided request of {@code schemeId}, in the order of the decisions. */
  public List<CodeRequest> decisions(String schemeId) {
    List<CodeRequest> decided = new ArrayList<>(requests.find(Objects.requireNonNull(schemeId, "schemeId"),
        EnumSet.of(CodeRequest.Status.APPROVED, CodeRequest.Status.REJECTED)));
    decided.sort(Comparator.comparing((CodeRequest r) -> r.decision().orElseThrow().decidedAt())
        .thenComparing(CodeRequest::id));
    return decided;
  }

  /**
   * The next version of {@code base}: every entry of it, plus each approved code of its scheme
   * that it does not have yet, valid from the day of its approval. An approval {@code base}
   * already reflects is skipped, even if the code was retired since (so a retirement sticks); a
   * code approved after it was retired is added again; of two approvals of one code, the first.
   *
   * @throws SchemeDefinitionException if approved codes do not fit together with the scheme (each
   *     problem located at its request)
   */
  public DimensionScheme extend(DimensionScheme base, String newVersion) {
    Objects.requireNonNull(base, "base");
    DimensionScheme.Builder next = new DimensionScheme.Builder(base.id(), newVersion).from(base);
    Set<String> added = new HashSet<>();
    for (CodeRequest approved : requests.find(base.id(), EnumSet.of(CodeRequest.Status.APPROVED))) {
      if (isIn(base, approved) || !added.add(approved.code())) {
        continue;
      }
      CodeDefinition.Builder definition = new CodeDefinition.Builder()
          .code(approved.code())
          .labels(approved.labels())
          .validFrom(approvalDay(approved));
      approved.parent().ifPresent(definition::parent);
      next.add(definition.build(), "code request " + approved.id(), 0);
    }
    return next.build();
  }

  /**
   * Whether {@code scheme} has the approved code on or after the day of its approval: in force, or
   * retired later. An entry retired by then is an earlier use of the code, which the approval
   * reuses.
   */
  private boolean isIn(DimensionScheme scheme, CodeRequest approved) {
    LocalDate day = approvalDay(approved);
    return scheme.history(written(scheme, approved.code())).stream()
        .anyMatch(entry -> entry.retiredOn().map(retired -> retired.isAfter(day)).orElse(true));
  }

  private LocalDate approvalDay(CodeRequest approved) {
    return LocalDate.ofInstant(approved.decision().orElseThrow().decidedAt(), clock.getZone());
  }

  private CodeRequest decide(CodeRequestId id, String reviewer, String reason, Decision.Outcome outcome) {
    Objects.requireNonNull(id, "id");
    List<Violation> problems = new ArrayList<>();
    requireName(problems, "reviewer", reviewer, Decision.MAX_DECIDED_BY_LENGTH);
    if (outcome == Decision.Outcome.REJECTED && (reason == null || reason.isBlank())) {
      problems.add(new Violation("reason", "NotBlank", "a rejection needs a reason"));
    }
    if (reason != null && reason.length() > Decision.MAX_REASON_LENGTH) {
      problems.add(new Violation("reason", "Size", "at most " + Decision.MAX_REASON_LENGTH + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException("decision on code request " + id, problems);
    }
    Instant now = clock.instant();
    Decision decision = outcome == Decision.Outcome.APPROVED ? Decision.approved(reviewer, now, reason)
        : Decision.rejected(reviewer, now, reason);
    CodeRequest decided = requests.decide(id, decision);
    LOG.info("Code request {} ({} {}) {} by {}{}", id, decided.schemeId(), decided.code(), decided.status(), reviewer,
        decision.reason().map(r -> ": " + r).orElse(""));
    return decided;
  }

  private CodeRequest newRequest(Proposal proposal, String requestedBy, CodeRequest.Origin origin) {
    return new CodeRequest.Builder()
        .id(CodeRequestId.of(ids.newId()))
        .schemeId(proposal.schemeId())
        .code(proposal.code())
        .labels(proposal.labels())
        .parent(proposal.parent())
        .origin(origin)
        .requestedBy(requestedBy)
        .requestedAt(clock.instant())
        .note(proposal.note())
        .build();
  }

  private void validate(Proposal proposal, String requestedBy) {
    Objects.requireNonNull(proposal, "proposal");
    List<Violation> problems = new ArrayList<>();
    requireName(problems, "requestedBy", requestedBy, CodeRequest.MAX_REQUESTED_BY_LENGTH);
    requireName(problems, "schemeId", proposal.schemeId(), CodeRequest.MAX_SCHEME_ID_LENGTH);
    String code = proposal.code();
    if (code.isBlank() || code.length() > CodeRequest.MAX_CODE_LENGTH || !code.strip().equals(code)) {
      problems.add(new Violation("code", "code-text",
          "a code has 1 to " + CodeRequest.MAX_CODE_LENGTH + " characters and no surrounding space"));
    }
    if (proposal.parent().filter(p -> p.length() > CodeRequest.MAX_CODE_LENGTH).isPresent()) {
      problems.add(new Violation("parent", "Size", "at most " + CodeRequest.MAX_CODE_LENGTH + " characters"));
    }
    if (proposal.note().filter(n -> n.length() > CodeRequest.MAX_NOTE_LENGTH).isPresent()) {
      problems.add(new Violation("note", "Size", "at most " + CodeRequest.MAX_NOTE_LENGTH + " characters"));
    }
    Optional<DimensionScheme> scheme = schemes.find(proposal.schemeId());
    if (problems.isEmpty() && scheme.isPresent()) {
      checkAgainst(scheme.get(), proposal, problems);
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException("code proposal", problems);
    }
  }

  private void checkAgainst(DimensionScheme scheme, Proposal proposal, List<Violation> problems) {
    String code = proposal.code();
    int depth = scheme.structure().depthOf(code);
    if (depth < 0) {
      problems.add(new Violation("code", "malformed-code", "does not fit the structure of " + scheme.id() + ": it "
          + scheme.structure().problem(code).orElse("matches no level")));
      return;
    }
    if (scheme.find(written(scheme, code)).filter(DimensionCode::inForce).isPresent()) {
      problems.add(new Violation("code", "already-defined", code + " is already in force in " + scheme.id()));
    } else if (requests.find(scheme.id(), EnumSet.of(CodeRequest.Status.APPROVED)).stream()
        .anyMatch(approved -> approved.code().equals(code) && !isIn(scheme, approved))) {
      problems.add(new Violation("code", "already-approved", code + " is already approved for the next version of "
          + scheme.id()));
    }
    if (proposal.parent().isPresent()) {
      String parent = proposal.parent().get();
      if (!availableParent(scheme, parent)) {
        problems.add(new Violation("parent", "unknown-parent", parent + " is neither in force in " + scheme.id()
            + " nor pending"));
      }
    } else if (depth > 0 && scheme.structure().ancestors(code).stream().noneMatch(a -> availableParent(scheme, a))) {
      problems.add(new Violation("parent", "missing-parent", "a " + scheme.levels().get(depth)
          + " code needs a parent in force or pending; none found"));
    }
  }

  private boolean availableParent(DimensionScheme scheme, String parent) {
    return scheme.find(written(scheme, parent)).filter(DimensionCode::inForce).isPresent()
        || requests.findPending(scheme.id(), parent).isPresent();
  }

  /** The code as the scheme writes it (with its check character), or as given if it cannot have one. */
  private static String written(DimensionScheme scheme, String code) {
    try {
      return scheme.checkCharacters().map(system -> code + system.compute(code)).orElse(code);
    } catch (IllegalArgumentException notCheckable) {
      return code;
    }
  }

  private static void requireName(List<Violation> problems, String path, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      problems.add(new Violation(path, "NotBlank", "must not be blank"));
    } else if (value.length() > maxLength) {
      problems.add(new Violation(path, "Size", "at most " + maxLength + " characters"));
    }
  }

  /**
   * What a requester proposes: a code for a scheme, its labels, and optionally its parent and a
   * note on why it is needed or where it was met.
   *
   * @param schemeId the scheme
   * @param code the code, without check character
   * @param labels its names
   * @param parent its parent, if it needs one that the code structure does not imply
   * @param note why, or where the code was met
   */
  public record Proposal(String schemeId, String code, Labels labels, Optional<String> parent, Optional<String> note) {
    public Proposal {
      Objects.requireNonNull(schemeId, "schemeId");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(labels, "labels");
      Objects.requireNonNull(parent, "parent");
      Objects.requireNonNull(note, "note");
    }

    /** A proposal without parent or note. */
    public static Proposal of(String schemeId, String code, Labels labels) {
      return new Proposal(schemeId, code, labels, Optional.empty(), Optional.empty());
    }

    /** This proposal with {@code parent}. */
    public Proposal withParent(String parent) {
      return new Proposal(schemeId, code, labels, Optional.of(parent), note);
    }

    /** This proposal with {@code note}. */
    public Proposal withNote(String note) {
      return new Proposal(schemeId, code, labels, parent, Optional.of(note));
    }
  }
}
