package io.crmkit.jdbc;

import io.crmkit.core.dimension.DimensionCodeStore;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;

/**
 * The dimension-code ports in the database.
 *
 * <ul>
 *   <li>Code sequences in {@code <prefix>code_sequence}: a number is drawn under the key's row lock
 *       in the current transaction, so a rolled-back transaction gives it back and committed numbers
 *       have no gaps, across threads and processes. The lock is held until that transaction ends:
 *       others drawing from the same key wait, so keep transactions that draw codes short.
 *   <li>Code requests in {@code <prefix>code_request}. A decision is a compare-and-set on "still
 *       pending", so of reviewers deciding at once exactly one wins, across processes too.
 * </ul>
 *
 * <pre>{@code
 * DimensionCodeStore codes = jdbcStore.attach(JdbcDimensionCodes.extension());
 * }</pre>
 */
public final class JdbcDimensionCodes {
  private JdbcDimensionCodes() {}

  /** The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach. */
  public static StoreExtension<DimensionCodeStore> extension() {
    return new JdbcExtension<>(DimensionCodeStore.EXTENSION_KEY, "dimension_codes",
        (base, adapters) -> new Ports(base, adapters.codeSequences(), adapters.codeRequests()));
  }

  private record Ports(CrmStore base, CodeSequences codeSequences, CodeRequests codeRequests)
      implements DimensionCodeStore {}
}
