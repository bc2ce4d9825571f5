package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Many threads increment one counter on one customer through read-modify-save with optimistic
 * locking on a real PostgreSQL: every save either wins or fails with ConcurrentUpdateException, so
 * the final count equals the number of successful saves; no update is ever lost.
 */
class PostgresConcurrentUpdateStressTest {
  private static final int THREADS = 8;
  private static final int INCREMENTS_PER_THREAD = 25;

  @Test
  void concurrentSavesOfOneCustomerNeverLoseAnUpdate() throws Exception {
    DataSource dataSource = TestDatabases.postgres("stress");
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    Customer start = store.customers().save(new Customer.Builder().from(TestCustomers.organisation(1))
        .putAttribute("counter", AttributeValue.number(0)).build());
    CustomerId id = start.id();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(executor.submit(() -> {
          go.await();
          int done = 0;
          while (done < INCREMENTS_PER_THREAD) {
            Customer current = store.customers().findById(id).orElseThrow();
            BigDecimal counter = (BigDecimal) current.attributes().get("counter").raw();
            Customer next = new Customer.Builder().from(current)
                .putAttribute("counter", AttributeValue.number(counter.add(BigDecimal.ONE))).build();
            try {
              store.customers().save(next);
              done++;
            } catch (ConcurrentUpdateException e) {
              conflicts.incrementAndGet();
            }
          }
          return done;
        }));
      }
      go.countDown();
      int successes = 0;
      for (Future<Integer> worker : workers) {
        successes += worker.get(5, TimeUnit.MINUTES);
      }
      Customer end = store.customers().findById(id).orElseThrow();
      assertThat(successes).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
      assertThat(end.attributes().get("counter")).isEqualTo(AttributeValue.number(successes));
      assertThat(end.version()).isEqualTo(1 + successes);
      assertThat(conflicts.get()).as("the threads really did collide").isPositive();
    } finally {
      executor.shutdownNow();
    }
  }
}
