package io.crmkit.core.dimension.review;

import io.crmkit.core.common.CrmException;

/** There is no code request with the given id. */
public class CodeRequestNotFoundException extends CrmException {
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
