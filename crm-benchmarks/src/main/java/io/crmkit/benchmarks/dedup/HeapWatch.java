package io.crmkit.benchmarks.dedup;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a stretch of work used, two ways: the peak used (the heap pools' peaks added up, an
 * upper bound that includes garbage not yet collected, so it follows the collector's habits and
 * the {@code -Xmx} given), and the largest heap still live after a collection (what the work
 * really holds at once; zero when no collection ran). Start one, do the work, {@link #stop()}.
 */
final class HeapWatch implements NotificationListener {
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final long collectionsBefore;

  private HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
        emitters.add(emitter);
      }
    }
    collectionsBefore = collections();
  }

  /** Starts watching from now: heap peaks reset. */
  static HeapWatch start() {
    return new HeapWatch();
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long live = 0;
    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      live += usage.getUsed();
    }
    maxAfterGc.accumulateAndGet(live, Math::max);
  }

  /** Stops watching and tells what it saw. */
  Heap stop() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException gone) {
        // Already removed: nothing more to stop.
      }
    }
    return new Heap(peak, maxAfterGc.get(), collections() - collectionsBefore);
  }

  private static long collections() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
    }
    return count;
  }

  /**
   * @param peakUsed the pools' peak use added up, in bytes (includes uncollected garbage)
   * @param maxLiveAfterGc the most memory in use just after a collection, in bytes, over the pools
   *     the collection reports (the heap pools of the collector that ran)
   * @param collections how many collections ran
   */
  record Heap(long peakUsed, long maxLiveAfterGc, long collections) {}
}
