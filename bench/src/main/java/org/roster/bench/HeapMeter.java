package org.roster.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap one phase needed. Between two collections heap use only grows, so its peak is the use
 * just before a collection (from the GC notifications) or at the end; what stays after a
 * collection is the live data. The sum of the heap pools' own peaks is kept as well: it is an
 * upper bound (the pools peak at different moments). Started and stopped on one thread; the
 * notifications arrive on the JMX thread.
 */
final class HeapMeter implements NotificationListener {
  private static final double MB = 1024.0 * 1024.0;

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private final Set<String> poolNames =
      pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private volatile long peakBytes;
  private volatile long liveBytes;
  private volatile int collections;
  private volatile long gcMillis;

  /** The heap use of one phase, in MB. */
  record Use(double peakMb, double liveMb, double poolPeaksMb, int collections, long gcMillis) {}

  HeapMeter() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(this, null, null);
    }
  }

  /** Forgets the previous phase: peaks reset, counting starts at the current use. */
  void start() {
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long now = used();
    peakBytes = now;
    liveBytes = 0;
    collections = 0;
    gcMillis = 0;
  }

  /** What the phase since {@link #start()} used. */
  Use stop() {
    long now = used();
    long peak = Math.max(peakBytes, now);
    long poolPeaks = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Use(peak / MB, liveBytes / MB, poolPeaks / MB, collections, gcMillis);
  }

  /** The largest heap this JVM may use ({@code -Xmx}), in MB. */
  static double maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / MB;
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long before = heapOf(info.getGcInfo().getMemoryUsageBeforeGc());
    long after = heapOf(info.getGcInfo().getMemoryUsageAfterGc());
    synchronized (this) {
      peakBytes = Math.max(peakBytes, before);
      liveBytes = Math.max(liveBytes, after);
      collections++;
      gcMillis += info.getGcInfo().getDuration();
    }
  }

  private long heapOf(Map<String, MemoryUsage> byPool) {
    return byPool.entrySet().stream()
        .filter(e -> poolNames.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed())
        .sum();
  }

  private long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
