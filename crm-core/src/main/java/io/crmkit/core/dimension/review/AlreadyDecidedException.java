package io.crmkit.core.dimension.review;

import io.crmkit.core.common.CrmException;
import java.util.Locale;

/**
 * A decision was asked for on a request that is decided already: decisions are final. Carries
 * the request as decided, so the caller can show who decided what.
 */
public class AlreadyDecidedException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient CodeRequest request;

  /** @param request the request as decided */
  public AlreadyDecidedException(CodeRequest request) {
    super("code request " + request.id() + " (" + request.schemeId() + " " + request.code() + ") was already "
        + request.status().name().toLowerCase(Locale.ROOT) + " by "
        + request.decision().map(CodeDecision::decidedBy).orElse("?") + " at "
        + request.decision().map(d -> d.decidedAt().toString()).orElse("?"));
    this.request = request;
  }

  /** The request as decided. */
  public CodeRequest request() {
    return request;
  }
}
