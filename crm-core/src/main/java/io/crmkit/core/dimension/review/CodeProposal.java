package io.crmkit.core.dimension.review;

import io.crmkit.core.dimension.Labels;
import java.util.Objects;
import java.util.Optional;

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
public record CodeProposal(String schemeId, String code, Labels labels, Optional<String> parent, Optional<String> note) {
  public CodeProposal {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(note, "note");
  }

  /** A proposal without parent or note. */
  public static CodeProposal of(String schemeId, String code, Labels labels) {
    return new CodeProposal(schemeId, code, labels, Optional.empty(), Optional.empty());
  }

  /** This proposal with {@code parent}. */
  public CodeProposal withParent(String parent) {
    return new CodeProposal(schemeId, code, labels, Optional.of(parent), note);
  }

  /** This proposal with {@code note}. */
  public CodeProposal withNote(String note) {
    return new CodeProposal(schemeId, code, labels, parent, Optional.of(note));
  }
}
