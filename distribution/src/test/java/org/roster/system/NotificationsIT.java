package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications and metrics through the real server: a run stopped by the deletion threshold and a
 * failed run reach a webhook receiver (signed, retried after the receiver's first 503) and the
 * audit log; {@code /metrics} counts the runs in the Prometheus format and needs a login.
 */
class NotificationsIT {
  private static final String SECRET = "webhook-signing-secret";

  @TempDir Path dataDir;
  private TestDatabase database;
  private RosterServer server;
  private HttpServer receiver;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final AtomicInteger calls = new AtomicInteger();
  private Api api;
  private Runs runs;
  private Path inbox;

  record Delivery(String event, String signature, byte[] body) {}

  @BeforeEach
  void boot() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      // the very first call is refused: the notifier must retry
      int status = calls.getAndIncrement() == 0 ? 503 : 204;
      if (status == 204) {
        deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("x-roster-event"),
            exchange.getRequestHeaders().getFirst("x-roster-signature"), body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    database = TestDatabase.h2(dataDir);
    server = RosterServer.start(dataDir, database, Map.of(
        "roster.notifications.webhook.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
        "roster.notifications.webhook.secret", SECRET,
        "roster.notifications.webhook.first-retry", "100ms"));
    api = server.api();
    runs = new Runs(api);
    inbox = dataDir.resolve("inbox");
  }

  @AfterEach
  void shutDown() {
    try {
      if (server != null) {
        server.close();
      }
      database.close();
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void thresholdAndFailureReachTheWebhookAndTheMetrics() throws Exception {
    String profileId = (String) api.post("/api/v1/profiles", Map.of("name", "people", "type", "csv",
        "settings", Map.of("folder", inbox.toString(), "quietSeconds", 1))).expect(201).map().get("id");
    drop("people-1.csv", People.csv(People.range(1, 40)));
    assertThat(runs.awaitFileRun(profileId, "people-1.csv")).containsEntry("status", "SUCCEEDED");
    assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).as("a good run notifies nobody").isNull();

    // 1. Twenty of forty removed: the threshold trips, the receiver is told (after one 503).
    drop("people-2.csv", People.csv(People.range(1, 20)));
    Map<String, Object> tripped = runs.awaitFileRun(profileId, "people-2.csv");
    assertThat(tripped).containsEntry("status", "NEEDS_CONFIRMATION");
    Delivery first = deliveries.poll(10, TimeUnit.SECONDS);
    assertThat(first).as("the threshold notification").isNotNull();
    assertThat(calls.get()).as("one refused attempt, one delivered").isEqualTo(2);
    assertThat(first.event()).isEqualTo("run.needs_confirmation");
    assertThat(first.signature()).isEqualTo("sha256=" + hmac(first.body()));
    Map<String, Object> payload = json(first.body());
    assertThat(payload).containsEntry("event", "run.needs_confirmation")
        .containsEntry("profile", "people").containsEntry("runId", tripped.get("id"))
        .containsEntry("status", "NEEDS_CONFIRMATION");
    assertThat((String) payload.get("message")).contains("20 deactivations and deletions");
    api.post("/api/v1/runs/" + tripped.get("id") + "/cancel", Map.of()).expect(200);

    // 2. A file without the match column fails as a whole: the receiver is told.
    drop("broken.csv", "name;mail\nx;y\n");
    Map<String, Object> failed = runs.awaitFileRun(profileId, "broken.csv");
    assertThat(failed).containsEntry("status", "FAILED");
    Delivery second = deliveries.poll(10, TimeUnit.SECONDS);
    assertThat(second).as("the failure notification").isNotNull();
    assertThat(second.event()).isEqualTo("run.failed");
    assertThat(json(second.body())).containsEntry("runId", failed.get("id"))
        .containsEntry("message", failed.get("error"));
    assertThat(api.get("/api/v1/audit?category=RUN").expect(200).items())
        .extracting(e -> e.get("action")).contains("run failed", "run needs confirmation");

    // 3. The runs are counted for Prometheus; the endpoint needs a login.
    Api.Reply metrics = api.get("/metrics").expect(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("roster_runs_total{mode=\"full\",profile=\"people\",status=\"SUCCEEDED\"} 1.0")
        .contains("roster_runs_total{mode=\"full\",profile=\"people\",status=\"FAILED\"} 1.0")
        .contains("roster_runs_total{mode=\"full\",profile=\"people\",status=\"NEEDS_CONFIRMATION\"} 1.0")
        .contains("roster_run_entries_total{outcome=\"created\",profile=\"people\"} 40.0")
        .doesNotContain("roster_run_entries_total{outcome=\"deleted\"")
        .contains("roster_run_duration_seconds_bucket{mode=\"full\",profile=\"people\",le=\"1.0\"}")
        .contains("roster_run_duration_seconds_count{mode=\"full\",profile=\"people\"}")
        .contains("jvm_memory_used_bytes");
    java.net.http.HttpResponse<Void> anonymous = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(server.url().resolve("/metrics")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private void drop(String name, String content) throws IOException {
    Files.createDirectories(inbox);
    Path tmp = inbox.resolve("." + name + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private Map<String, Object> json(byte[] body) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = server.bean(JsonMapper.class).readValue(body, Map.class);
    return map;
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
