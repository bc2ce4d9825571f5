package io.crmkit.privacy.crypto;

import io.crmkit.core.common.Require;
import io.crmkit.core.protection.FieldProtection;
import io.crmkit.core.protection.FieldProtectionException;
import io.crmkit.core.protection.ProtectedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves stored ciphertexts to their field's current key after a {@link RotatableKeyProvider#rotate
 * rotation}, in batches, over any storage: a {@link Source} hands out pages of stored ciphertexts
 * in the order of their keys, and a {@link Sink} writes back each page's re-encrypted values (a
 * store typically in one transaction per page). Ciphertexts that are already {@link
 * FieldProtection#isCurrent current} are left alone, so a run that was interrupted can simply run
 * again. A ciphertext that no key decrypts is not fatal to the batch: its key is reported in
 * {@link Report#failed()} (never its value), and it stays as it was for someone to look at.
 */
public final class Reencryption {
  private final FieldProtection protection;
  private final int pageSize;

  private Reencryption(FieldProtection protection, int pageSize) {
    this.protection = protection;
    this.pageSize = pageSize;
  }

  /**
   * @param pageSize how many stored ciphertexts to read per page, 1 to 100,000
   * @throws IllegalArgumentException if {@code pageSize} is out of range
   */
  public static Reencryption of(FieldProtection protection, int pageSize) {
    Objects.requireNonNull(protection, "protection");
    Require.inRange(pageSize, 1, 100_000, "pageSize");
    return new Reencryption(protection, pageSize);
  }

  /**
   * One stored ciphertext.
   *
   * @param key what identifies it in its store (a row id, or row id and column), unique and ordered
   *     as the source pages them
   * @param context the context it was encrypted with
   */
  public record Stored(String key, ProtectedField field, String cipherText, String context) {
    public Stored {
      Require.notBlank(key, "key");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(cipherText, "cipherText");
      Require.notBlank(context, "context");
    }
  }

  /** A ciphertext re-encrypted under the field's current key, to write back in place of {@code key}'s. */
  public record Rewritten(String key, ProtectedField field, String cipherText) {
    public Rewritten {
      Require.notBlank(key, "key");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(cipherText, "cipherText");
    }
  }

  /** Where stored ciphertexts come from, a page at a time. */
  @FunctionalInterface
  public interface Source {
    /**
     * Up to {@code limit} stored ciphertexts whose keys come after {@code after} (all from the
     * first when empty), in key order; fewer than {@code limit} only on the last page.
     */
    List<Stored> page(Optional<String> after, int limit);
  }

  /** Where re-encrypted values go: called once per page that had any stale ciphertext. */
  @FunctionalInterface
  public interface Sink {
    void write(List<Rewritten> batch);
  }

  /**
   * What a run did.
   *
   * @param scanned stored ciphertexts read
   * @param reencrypted those that were stale and were written back under the current key
   * @param failed keys of those that did not decrypt, in reading order
   */
  public record Report(long scanned, long reencrypted, List<String> failed) {
    public Report {
      failed = List.copyOf(failed);
    }
  }

  /**
   * Reads every page of {@code source}, re-encrypts the stale ciphertexts of each with the same
   * field and context, and hands them to {@code sink} page by page.
   *
   * @throws IllegalStateException if the source returns more than the limit, or a page that does
   *     not move past the previous one (which would never end)
   */
  public Report run(Source source, Sink sink) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sink, "sink");
    long scanned = 0;
    long reencrypted = 0;
    List<String> failed = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<Stored> page = List.copyOf(source.page(after, pageSize));
      Require.state(page.size() <= pageSize, "the source returned %s ciphertexts for a page of %s", page.size(),
          pageSize);
      if (page.isEmpty()) {
        break;
      }
      String last = page.get(page.size() - 1).key();
      Require.state(after.map(a -> !a.equals(last)).orElse(true),
          "the source returned a page ending at %s again, after %s; its pages must move on", last, last);
      List<Rewritten> batch = new ArrayList<>();
      for (Stored stored : page) {
        scanned++;
        rewrite(stored, failed).ifPresent(batch::add);
      }
      if (!batch.isEmpty()) {
        sink.write(List.copyOf(batch));
        reencrypted += batch.size();
      }
      if (page.size() < pageSize) {
        break;
      }
      after = Optional.of(last);
    }
    return new Report(scanned, reencrypted, failed);
  }

  private Optional<Rewritten> rewrite(Stored stored, List<String> failed) {
    try {
      if (protection.isCurrent(stored.field(), stored.cipherText())) {
        return Optional.empty();
      }
      String clear = protection.decrypt(stored.field(), stored.cipherText(), stored.context());
      return Optional.of(new Rewritten(stored.key(), stored.field(),
          protection.encrypt(stored.field(), clear, stored.context())));
    } catch (FieldProtectionException e) {
      failed.add(stored.key());
      return Optional.empty();
    }
  }
}
