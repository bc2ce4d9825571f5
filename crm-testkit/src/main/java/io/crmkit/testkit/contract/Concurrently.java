package io.crmkit.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs a few tasks on their own threads, released at the same moment so that they really race,
 * and fails instead of hanging when they take too long.
 */
final class Concurrently {
  private static final long TIMEOUT_SECONDS = 60;

  private Concurrently() {}

  /**
   * Runs {@code task.apply(i)} for {@code i} in {@code [0, threads)} at once and returns the
   * results in that order.
   *
   * @throws AssertionError if a task throws or they do not all finish within a minute
   */
  static <T> List<T> run(int threads, IntFunction<Callable<T>> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<T>> futures = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        Callable<T> work = task.apply(i);
        futures.add(pool.submit(() -> {
          start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          return work.call();
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      List<T> results = new ArrayList<>(threads);
      for (Future<T> future : futures) {
        results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent task failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent tasks did not finish within " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for concurrent tasks", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
