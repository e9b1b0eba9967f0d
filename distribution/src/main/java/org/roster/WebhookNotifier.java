package org.roster;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.RunObserver;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.licence.LicencePool;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what an admin must act on to a webhook, when {@code roster.notifications.webhook.url}
 * ({@code ROSTER_WEBHOOK_URL}) is set: a run that FAILED, a run stopped by the deletion threshold
 * (NEEDS_CONFIRMATION), and a licence pool a run left over its limit. Each is a JSON POST, signed
 * with HMAC-SHA256 in {@code X-Roster-Signature: sha256=<hex>} when a secret is configured, and
 * retried with a doubling wait (1 s, 2 s, 4 s, ...) until the receiver answers 2xx or the attempts
 * run out; then a SECURITY audit event says it was not delivered. Every one of these events is in
 * the audit log too, webhook or not. Deliveries run on a thread of their own; a run never waits.
 */
@Singleton
public class WebhookNotifier implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final Optional<URI> url;
  private final Optional<byte[]> secret;
  private final int attempts;
  private final Duration firstWait;
  private final JsonMapper json;
  private final AuditStore audit;
  private final Clock clock;
  private final HttpClient http;
  private final ThreadPoolExecutor sender;

  public WebhookNotifier(@Value("${roster.notifications.webhook.url:}") String url,
      @Value("${roster.notifications.webhook.secret:}") String secret,
      @Value("${roster.notifications.webhook.attempts:6}") int attempts,
      @Value("${roster.notifications.webhook.first-retry:1s}") Duration firstWait,
      JsonMapper json, AuditStore audit, Clock clock) {
    this.url = url.isBlank() ? Optional.empty() : Optional.of(parse(url));
    this.secret = secret.isBlank() ? Optional.empty()
        : Optional.of(secret.getBytes(StandardCharsets.UTF_8));
    this.attempts = Math.max(1, attempts);
    this.firstWait = firstWait;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // one sender, 1,000 notifications waiting at most: a dead receiver must not eat the heap
    this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
        r -> {
          Thread t = new Thread(r, "roster-webhook");
          t.setDaemon(true);
          return t;
        });
  }

  private static URI parse(String url) {
    URI u = URI.create(url.strip());
    if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
      throw new IllegalStateException("roster.notifications.webhook.url must be an http(s) URL, not " + url);
    }
    return u;
  }

  @Override
  public void ended(Profile profile, SyncRun run, Optional<LicencePool> poolOverLimit) {
    if (url.isEmpty()) {
      return;
    }
    if (run.status() == RunStatus.FAILED) {
      send(payload("run.failed", profile, run, run.error()));
    } else if (run.status() == RunStatus.NEEDS_CONFIRMATION) {
      send(payload("run.needs_confirmation", profile, run, "the deletion threshold tripped: "
          + run.counts().destructive() + " deactivations and deletions wait for an admin's confirmation"));
    }
    poolOverLimit.ifPresent(pool -> {
      Map<String, Object> p = payload("licence.over_limit", profile, run,
          pool.used() + " seats held, limit " + pool.limit());
      p.put("seatsUsed", pool.used());
      p.put("seatLimit", pool.limit());
      send(p);
    });
  }

  private Map<String, Object> payload(String event, Profile profile, SyncRun run, String message) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("event", event);
    p.put("id", UUID.randomUUID().toString());
    p.put("at", clock.instant().toString());
    p.put("profileId", profile.id().toString());
    p.put("profile", profile.name());
    p.put("runId", run.id().toString());
    p.put("mode", run.mode().wireName());
    p.put("status", run.status().name());
    p.put("summary", run.summary());
    p.put("message", message);
    return p;
  }

  private void send(Map<String, Object> payload) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(payload);
    } catch (IOException e) {
      LOG.warn("webhook {}: cannot write the payload: {}", payload.get("event"), e.toString());
      return;
    }
    try {
      sender.execute(() -> deliver(payload, body));
    } catch (RejectedExecutionException e) {
      undelivered(payload, "1,000 notifications are already waiting for the receiver");
    }
  }

  private void deliver(Map<String, Object> payload, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.get()).timeout(Duration.ofSeconds(15))
        .header("content-type", "application/json")
        .header("x-roster-event", (String) payload.get("event"))
        .header("x-roster-delivery", (String) payload.get("id"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    secret.ifPresent(s -> request.header("x-roster-signature", "sha256=" + hmac(s, body)));
    String last = "";
    Duration wait = firstWait;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<Void> r = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 == 2) {
          LOG.info("webhook {} delivered to {} (attempt {})", payload.get("event"), url.get(), attempt);
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        undelivered(payload, "the server stopped");
        return;
      }
      LOG.warn("webhook {} to {}: attempt {}/{} failed: {}", payload.get("event"), url.get(), attempt,
          attempts, last);
      if (attempt < attempts && !sleep(wait)) {
        undelivered(payload, "the server stopped");
        return;
      }
      wait = wait.multipliedBy(2);
    }
    undelivered(payload, attempts + " attempts failed, the last with " + last);
  }

  private void undelivered(Map<String, Object> payload, String why) {
    LOG.warn("webhook {} for run {} not delivered: {}", payload.get("event"), payload.get("runId"), why);
    try {
      audit.appendNow(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(),
          UUID.fromString((String) payload.get("runId")), "roster", AuditCategory.SECURITY,
          "webhook not delivered", null, (String) payload.get("profile"), Map.of(), Map.of(),
          payload.get("event") + " to " + url.get() + ": " + why)));
    } catch (RuntimeException e) {
      LOG.warn("cannot audit the undelivered webhook: {}", e.toString());
    }
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String hmac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
  }
}
