package io.crmkit.core.memory;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.dimension.review.CodeRequest;
import io.crmkit.core.dimension.review.CodeRequestId;
import io.crmkit.core.dimension.review.CodeRequests.AlreadyDecidedException;
import io.crmkit.core.dimension.review.CodeRequests.CodeRequestNotFoundException;
import io.crmkit.core.dimension.review.CodeRequests;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CodeRequests} in memory. Writes are serialised, so the one-pending-request-per-code rule
 * and the decide-once rule hold across threads; reads never block.
 */
final class InMemoryCodeRequests implements CodeRequests {
  private final Map<CodeRequestId, CodeRequest> byId = new ConcurrentHashMap<>();
  private final Map<PendingKey, CodeRequestId> pending = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryCodeRequests(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(CodeRequest request) {
    Objects.requireNonNull(request, "request");
    transactions.inTransaction(() -> {
      insert(request);
      transactions.onRollback(() -> {
        byId.remove(request.id());
        pending.remove(new PendingKey(request.schemeId(), request.code()), request.id());
      });
      return null;
    });
  }

  private synchronized void insert(CodeRequest request) {
    Require.argument(request.status() == CodeRequest.Status.PENDING,
        "request %s is already decided; add pending requests only", request.id());
    if (byId.containsKey(request.id())) {
      throw new DuplicateKeyException(request.id().toString(), "code request " + request.id() + " exists already");
    }
    PendingKey key = new PendingKey(request.schemeId(), request.code());
    CodeRequestId other = pending.get(key);
    if (other != null) {
      throw new DuplicateKeyException(request.schemeId() + ":" + request.code(),
          "code " + request.code() + " of scheme " + request.schemeId() + " is already pending in request " + other);
    }
    byId.put(request.id(), request);
    pending.put(key, request.id());
  }

  @Override
  public Optional<CodeRequest> findById(CodeRequestId id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public Optional<CodeRequest> findPending(String schemeId, String code) {
    CodeRequestId id = pending.get(new PendingKey(Objects.requireNonNull(schemeId, "schemeId"),
        Objects.requireNonNull(code, "code")));
    return Optional.ofNullable(id == null ? null : byId.get(id))
        .filter(request -> request.status() == CodeRequest.Status.PENDING);
  }

  @Override
  public CodeRequest decide(CodeRequestId id, CodeRequest.Decision decision) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(decision, "decision");
    return transactions.inTransaction(() -> {
      CodeRequest before = byId.get(id);
      CodeRequest decided = decideNow(id, decision);
      transactions.onRollback(() -> {
        byId.put(id, before);
        pending.put(new PendingKey(before.schemeId(), before.code()), id);
      });
      return decided;
    });
  }

  private synchronized CodeRequest decideNow(CodeRequestId id, CodeRequest.Decision decision) {
    CodeRequest current = byId.get(id);
    if (current == null) {
      throw new CodeRequestNotFoundException(id);
    }
    if (current.status() != CodeRequest.Status.PENDING) {
      throw new AlreadyDecidedException(current);
    }
    CodeRequest decided = current.withDecision(decision);
    byId.put(id, decided);
    pending.remove(new PendingKey(current.schemeId(), current.code()));
    return decided;
  }

  @Override
  public List<CodeRequest> find(String schemeId, Set<CodeRequest.Status> statuses) {
    Objects.requireNonNull(schemeId, "schemeId");
    Set<CodeRequest.Status> wanted = Set.copyOf(statuses);
    return byId.values().stream()
        .filter(request -> request.schemeId().equals(schemeId) && wanted.contains(request.status()))
        .sorted(Comparator.comparing(CodeRequest::requestedAt).thenComparing(CodeRequest::id))
        .toList();
  }

  private record PendingKey(String schemeId, String code) {}

  @Override
  public List<CodeRequest> all() {
    return List.copyOf(byId.values());
  }
}
