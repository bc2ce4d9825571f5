package io.crmkit.core.dimension.review;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the store of code requests and their decisions. Adapters must pass
 * {@code CodeRequestsContract} from crm-testkit.
 *
 * <p><b>Guarantees.</b> A scheme has at most one pending request per code. A decision is made
 * once: {@link #decide} is a compare-and-set on "still pending", so of two reviewers deciding at
 * once exactly one wins. Nothing is deleted.
 *
 * <p><b>For a database adapter.</b> One row per request (labels as JSON text, the decision's
 * columns null while pending); a unique index on {@code (scheme_id, code)} over pending rows only
 * (a partial index in PostgreSQL; in H2 a unique index on {@code scheme_id} and a column that holds
 * the code while pending and null after); {@code decide} as {@code UPDATE ... WHERE id = ? AND
 * outcome IS NULL}, then, if no row changed, a read to tell "not found" from "already decided".
 *
 * <p>Every method may also throw {@link CrmStorageException} when the storage fails.
 */
public interface CodeRequests {

  /**
   * Stores a new pending request.
   *
   * @throws IllegalArgumentException if the request is already decided
   * @throws DuplicateKeyException if its id exists, or the scheme has a pending request for the
   *     same code; nothing is written
   */
  void add(CodeRequest request);

  Optional<CodeRequest> findById(CodeRequestId id);

  /** The pending request for {@code code} in {@code schemeId}, if any. */
  Optional<CodeRequest> findPending(String schemeId, String code);

  /**
   * Records the decision on a pending request and returns the decided request.
   *
   * @throws CodeRequestNotFoundException if there is no such request
   * @throws AlreadyDecidedException if it was decided before (the exception carries that
   *     decision); nothing is written
   */
  CodeRequest decide(CodeRequestId id, CodeRequest.Decision decision);

  /**
   * The requests of {@code schemeId} whose status is one of {@code statuses}, oldest first (by
   * request time, then by {@link CodeRequestId} order).
   */
  List<CodeRequest> find(String schemeId, Set<CodeRequest.Status> statuses);

  /**
   * Every request, pending or decided, of every scheme, in no promised order: what a backup
   * copies. The default refuses, so an adapter written before this method keeps compiling;
   * crmkit's adapters override it.
   *
   * @throws UnsupportedOperationException if the adapter cannot list its requests
   */
  default List<CodeRequest> all() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list every code request,"
        + " so it cannot be backed up; override CodeRequests.all");
  }

  /**
   * A decision was asked for on a request that is decided already: decisions are final. Carries
   * the request as decided, so the caller can show who decided what.
   */
  class AlreadyDecidedException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient CodeRequest request;

    /** @param request the request as decided */
    public AlreadyDecidedException(CodeRequest request) {
      super("code request " + request.id() + " (" + request.schemeId() + " " + request.code() + ") was already "
          + request.status().name().toLowerCase(Locale.ROOT) + " by "
          + request.decision().map(CodeRequest.Decision::decidedBy).orElse("?") + " at "
          + request.decision().map(d -> d.decidedAt().toString()).orElse("?"));
      this.request = request;
    }

    /** The request as decided. */
    public CodeRequest request() {
      return request;
    }
  }

  /** There is no code request with the given id. */
  class CodeRequestNotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final CodeRequestId id;

    /** @param id the id that was not found */
    public CodeRequestNotFoundException(CodeRequestId id) {
      super("no code request " + id);
      this.id = id;
    }

    /** The id that was not found. */
    public CodeRequestId id() {
      return id;
    }
  }
}
