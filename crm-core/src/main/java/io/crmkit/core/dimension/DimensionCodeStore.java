package io.crmkit.core.dimension;

import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.store.CrmStore;

/**
 * The dimension-code ports, attached to a base {@link CrmStore} whose transactions they share: a
 * composite code drawn from {@link #codeSequences()} commits or rolls back with the customer it is
 * saved on. Get one from {@code store.attach(...)} with the extension for the store's technology
 * ({@code InMemoryExtensions.dimensionCodes()}, {@code JdbcDimensionCodes.extension()}).
 *
 * <pre>{@code
 * DimensionCodeStore codes = store.attach(InMemoryExtensions.dimensionCodes());
 * CustomerCodeAllocator allocator = new CustomerCodeAllocator(format, codes.codeSequences());
 * CodeReview review = new CodeReview(codes.codeRequests(), schemes, clock, ids);
 * }</pre>
 */
public interface DimensionCodeStore {

  /** The key dimension-code extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.dimension-codes";

  /** The store these ports are attached to. */
  CrmStore base();

  /** Numbered sequences of composite customer codes, allocated in the current transaction. */
  CodeSequences codeSequences();

  /** Requests for new dimension codes and their decisions. */
  CodeRequests codeRequests();
}
