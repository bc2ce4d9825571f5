package io.crmkit.core.dimension.review;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.CodeDefinition;
import io.crmkit.core.dimension.CodeStructure;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.dimension.DimensionSchemes;
import io.crmkit.core.dimension.Labels;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CodeReviewTest {
  private static final DimensionScheme SEGMENTS = new DimensionScheme.Builder("segment", "1")
      .structure(CodeStructure.prefixed(CodeStructure.segment("group", 1, "A-Z"), CodeStructure.segment("segment", 2, "0-9")))
      .code("K", Labels.of("en", "Key accounts"))
      .code("K01", Labels.of("en", "Strategic"))
      .build();

  private final AtomicLong ids = new AtomicLong();
  private final CodeRequests requests = InMemoryCrmStore.create().attach(InMemoryExtensions.dimensionCodes()).codeRequests();
  private final CodeReview review = new CodeReview(requests, DimensionSchemes.of(SEGMENTS, BuiltInSchemes.channels()),
      Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC), () -> new UUID(0, ids.incrementAndGet()));

  @Test
  void aRequestedCodeWaitsUntilApprovedAndThenExtendsTheScheme() {
    CodeRequest request = review.request(CodeReview.Proposal.of("segment", "K02", Labels.of("en", "Growth"))
        .withNote("new sales programme"), "alice");
    assertThat(request.status()).isEqualTo(CodeRequest.Status.PENDING);
    assertThat(review.pending("segment")).containsExactly(request);

    CodeRequest approved = review.approve(request.id(), "bob", null);
    assertThat(approved.status()).isEqualTo(CodeRequest.Status.APPROVED);
    assertThat(approved.decision().orElseThrow().decidedBy()).isEqualTo("bob");
    assertThat(review.pending("segment")).isEmpty();

    DimensionScheme next = review.extend(SEGMENTS, "2");
    assertThat(next.version()).isEqualTo("2");
    assertThat(next.find("K02").orElseThrow().parent()).contains("K");
    assertThat(next.find("K02").orElseThrow().validFrom()).contains(LocalDate.of(2025, 3, 1));
    assertThat(SEGMENTS.find("K02")).isEmpty();
  }

  @Test
  void aRejectionNeedsAReasonAndEveryDecisionIsFinalAndKept() {
    CodeRequest first = review.request(CodeReview.Proposal.of("segment", "K03", Labels.of("en", "Dormant")), "alice");
    CodeRequest second = review.request(CodeReview.Proposal.of("segment", "K04", Labels.of("en", "Lost")), "alice");
    assertThatThrownBy(() -> review.reject(first.id(), "bob", " ")).isInstanceOf(CrmValidationException.class)
        .hasMessageContaining("a rejection needs a reason");
    review.reject(first.id(), "bob", "use stage DORMANT instead");
    review.approve(second.id(), "carol", "agreed in the sales meeting");
    assertThatThrownBy(() -> review.approve(first.id(), "carol", null)).isInstanceOf(CodeRequests.AlreadyDecidedException.class)
        .hasMessageContaining("was already rejected by bob");
    assertThat(review.decisions("segment")).extracting(r -> r.code() + " " + r.status() + " "
        + r.decision().orElseThrow().reason().orElse("")).containsExactly(
            "K03 REJECTED use stage DORMANT instead", "K04 APPROVED agreed in the sales meeting");
    assertThat(review.extend(SEGMENTS, "2").find("K03")).isEmpty();
    assertThatThrownBy(() -> review.approve(CodeRequestId.of(new UUID(9, 9)), "bob", null))
        .isInstanceOf(CodeRequests.CodeRequestNotFoundException.class);
  }

  @Test
  void aProposalIsCheckedAgainstAKnownScheme() {
    assertThatThrownBy(() -> review.request(CodeReview.Proposal.of("segment", "K1", Labels.of("en", "x")), ""))
        .isInstanceOf(CrmValidationException.class)
        .satisfies(e -> assertThat(((CrmValidationException) e).violations()).extracting(Violation::rule)
            .containsExactly("NotBlank"));
    assertThat(violations(CodeReview.Proposal.of("segment", "K1", Labels.of("en", "x")))).containsExactly("malformed-code");
    assertThat(violations(CodeReview.Proposal.of("segment", "K01", Labels.of("en", "x")))).containsExactly("already-defined");
    assertThat(violations(CodeReview.Proposal.of("segment", "P01", Labels.of("en", "x")))).containsExactly("missing-parent");
    review.request(CodeReview.Proposal.of("segment", "P", Labels.of("en", "Partners")), "alice");
    assertThat(violations(CodeReview.Proposal.of("segment", "P01", Labels.of("en", "x")))).isEmpty();
    assertThatThrownBy(() -> review.request(CodeReview.Proposal.of("segment", "P", Labels.of("en", "again")), "dan"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aProposalForAnUnknownSchemeStaysWithinWhatARequestCanHold() {
    String longestCode = "C".repeat(CodeRequest.MAX_CODE_LENGTH);
    CodeReview.Proposal atTheLimits = CodeReview.Proposal.of("s".repeat(CodeRequest.MAX_SCHEME_ID_LENGTH),
        longestCode, Labels.of("en", "x")).withParent(longestCode).withNote("n".repeat(CodeRequest.MAX_NOTE_LENGTH));
    assertThat(review.request(atTheLimits, "r".repeat(CodeRequest.MAX_REQUESTED_BY_LENGTH)).code())
        .isEqualTo(longestCode);

    CodeReview.Proposal beyond = CodeReview.Proposal.of("s".repeat(CodeRequest.MAX_SCHEME_ID_LENGTH + 1),
        longestCode + "C", Labels.of("en", "x"))
        .withParent(longestCode + "C").withNote("n".repeat(CodeRequest.MAX_NOTE_LENGTH + 1));
    assertThatThrownBy(() -> review.request(beyond, "r".repeat(CodeRequest.MAX_REQUESTED_BY_LENGTH + 1)))
        .isInstanceOf(CrmValidationException.class)
        .satisfies(e -> assertThat(((CrmValidationException) e).violations()).extracting(Violation::path)
            .containsExactly("requestedBy", "schemeId", "code", "parent", "note"));
  }

  @Test
  void anUnknownCodeMetInDataIsReportedOnceEvenOutsideAnyKnownScheme() {
    CodeRequest first = review.reportUnknown(CodeReview.Proposal.of("erp-branch", "BR-17", Labels.of("zh", "十七分部"))
        .withNote("import 2025-03-01, row 17"), "erp-import");
    CodeRequest again = review.reportUnknown(CodeReview.Proposal.of("erp-branch", "BR-17", Labels.of("zh", "十七分部")), "erp-import");
    assertThat(again).isEqualTo(first);
    assertThat(first.origin()).isEqualTo(CodeRequest.Origin.UNKNOWN_CODE);
    assertThat(review.pending("erp-branch")).hasSize(1);
  }

  @Test
  void extendSkipsAnApprovedCodeThatWasLaterRetired() {
    review.approve(review.request(CodeReview.Proposal.of("segment", "K02", Labels.of("en", "Growth")), "alice").id(), "bob", null);
    DimensionScheme v2 = review.extend(SEGMENTS, "2");
    DimensionScheme v3 = new DimensionScheme.Builder("segment", "3").from(v2).retire("K02", LocalDate.of(2025, 6, 1)).build();

    DimensionScheme v4 = review.extend(v3, "4");

    assertThat(v4.history("K02")).singleElement().satisfies(e -> assertThat(e.inForce()).isFalse());
  }

  @Test
  void extendReusesACodeRetiredBeforeItWasApproved() {
    DimensionScheme base = new DimensionScheme.Builder("segment", "1b").from(SEGMENTS)
        .add(new CodeDefinition.Builder().code("K05").labels(Labels.of("en", "Old")).retiredOn(LocalDate.of(2024, 1, 1))
            .build())
        .build();
    review.approve(review.request(CodeReview.Proposal.of("segment", "K05", Labels.of("en", "New")), "alice").id(), "bob", null);

    DimensionScheme next = review.extend(base, "2");

    assertThat(next.find("K05").orElseThrow().validFrom()).contains(LocalDate.of(2025, 3, 1));
    assertThat(next.history("K05")).hasSize(2);
  }

  @Test
  void extendAddsACodeApprovedTwiceOnce() {
    DimensionScheme unregistered = new DimensionScheme.Builder("unregistered", "1").from(SEGMENTS).build();
    for (String label : List.of("First", "Second")) {
      review.approve(review.request(CodeReview.Proposal.of("unregistered", "K02", Labels.of("en", label)), "alice").id(),
          "bob", null);
    }

    DimensionScheme next = review.extend(unregistered, "2");

    assertThat(next.history("K02")).singleElement().satisfies(e -> assertThat(e.labels()).isEqualTo(Labels.of("en", "First")));
  }

  @Test
  void aCodeApprovedButNotYetInTheSchemeCannotBeRequestedAgain() {
    review.approve(review.request(CodeReview.Proposal.of("segment", "K02", Labels.of("en", "Growth")), "alice").id(), "bob", null);

    assertThat(violations(CodeReview.Proposal.of("segment", "K02", Labels.of("en", "Growth again")))).containsExactly("already-approved");
  }

  private List<String> violations(CodeReview.Proposal proposal) {
    try {
      review.request(proposal, "eve");
      return List.of();
    } catch (CrmValidationException e) {
      return e.violations().stream().map(Violation::rule).toList();
    }
  }
}
