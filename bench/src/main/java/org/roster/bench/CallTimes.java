package org.roster.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntrySink;

/**
 * Where a run's time goes, by port call: the engine's stores, the directory source and the sink
 * the engine hands the source are wrapped in timing proxies. A call's own time excludes the
 * wrapped calls made inside it, so the source's time is the directory read and mapping without
 * the engine's work on each entry, the sink's is that work without its store calls, and the
 * transaction's is the engine outside both plus the commit. Runs execute on the caller's thread,
 * but the engine loads the known users on a second one: each thread keeps its own stack of frames,
 * and the totals are shared; a few hundred nanoseconds per call.
 */
final class CallTimes {
  /** One method's calls: how many, total time, own time (without wrapped calls inside). */
  record Total(String name, long calls, long nanos, long ownNanos) {}

  private final Map<String, long[]> totals = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per thread, one frame per wrapped call in progress: time of the wrapped calls made inside it. */
  private ThreadLocal<Deque<long[]>> stacks = newStacks();
  /** The stack of the thread that called {@link #reset()}: the run's own thread. */
  private Deque<long[]> main = stacks.get();

  private final boolean enabled;

  /** @param enabled false: {@link #wrap} returns its target as it is, nothing is timed */
  CallTimes(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code target} behind a proxy of its interfaces, timed as {@code label.method}. */
  @SuppressWarnings("unchecked")
  <T> T wrap(T target, String label) {
    if (!enabled) {
      return target;
    }
    Class<?>[] interfaces = interfacesOf(target.getClass());
    Map<Method, String> names = new HashMap<>();
    return (T) Proxy.newProxyInstance(CallTimes.class.getClassLoader(), interfaces,
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
          }
          Object[] wrapped = args == null ? null : args.clone();
          if (wrapped != null) {
            for (int i = 0; i < wrapped.length; i++) {
              if (wrapped[i] instanceof EntrySink sink) {
                wrapped[i] = wrap(sink, "EngineSink");
              }
            }
          }
          long[] frame = {0};
          Deque<long[]> stack = stacks.get();
          stack.push(frame);
          long start = System.nanoTime();
          try {
            Object result = method.invoke(target, wrapped);
            return result instanceof DirectorySource source ? wrap(source, "Source") : result;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            long elapsed = System.nanoTime() - start;
            stack.pop();
            String name = names.computeIfAbsent(method, m -> label + "." + m.getName());
            long[] t = totals.computeIfAbsent(name, k -> new long[3]);
            synchronized (t) {
              t[0]++;
              t[1] += elapsed;
              t[2] += elapsed - frame[0];
            }
            stack.peek()[0] += elapsed;
          }
        });
  }

  /** Forgets what was counted. */
  void reset() {
    totals.clear();
    stacks = newStacks();
    main = stacks.get();
  }

  private static ThreadLocal<Deque<long[]>> newStacks() {
    return ThreadLocal.withInitial(() -> new ArrayDeque<>(List.of(new long[] {0})));
  }

  /** The calls since {@link #reset()}, the largest own time first. */
  List<Total> totals() {
    return totals.entrySet().stream()
        .map(e -> {
          long[] t = e.getValue();
          synchronized (t) {
            return new Total(e.getKey(), t[0], t[1], t[2]);
          }
        })
        .sorted((a, b) -> Long.compare(b.ownNanos(), a.ownNanos()))
        .toList();
  }

  /** The time of the calls made with no wrapped call around them, since {@link #reset()}. */
  long topLevelNanos() {
    return main.getLast()[0];
  }

  private static Class<?>[] interfacesOf(Class<?> type) {
    Set<Class<?>> all = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      all.addAll(List.of(c.getInterfaces()));
    }
    return all.toArray(Class<?>[]::new);
  }
}
