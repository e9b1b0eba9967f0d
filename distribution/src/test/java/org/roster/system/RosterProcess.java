package org.roster.system;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server in a process of its own, as {@code roster serve} starts it ({@code
 * org.roster.Application serve --key=value ...}), on this test's class path, on loopback and a
 * free port. Its output goes to {@code <data dir>/server.log}. {@link #kill} ends it as a crash
 * does (SIGKILL); {@link #close} stops it if it still runs.
 */
final class RosterProcess implements AutoCloseable {
  private final String node;
  private final Process process;
  private final URI base;
  private final Path log;

  private RosterProcess(String node, Process process, URI base, Path log) {
    this.node = node;
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts a node and waits until {@code /health} answers 200.
   *
   * @param properties extra {@code --key=value} configuration
   */
  static RosterProcess start(String node, Path dataDir, Map<String, Object> properties) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        "org.roster.Application", "serve",
        "--micronaut.server.host=127.0.0.1",
        "--micronaut.server.port=" + port,
        "--roster.data-dir=" + dataDir,
        "--roster.admin.password=" + RosterServer.PASSWORD,
        "--roster.node-id=" + node));
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    Path log = dataDir.resolve("server.log");
    try {
      Files.createDirectories(dataDir);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      RosterProcess server =
          new RosterProcess(node, process, URI.create("http://127.0.0.1:" + port + "/"), log);
      server.awaitHealthy(Duration.ofSeconds(90));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + node, e);
    }
  }

  String node() {
    return node;
  }

  Api api(JsonMapper json) {
    return new Api(base, RosterServer.ADMIN, RosterServer.PASSWORD, json);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Ends the process at once, as a crash or a power cut would: no shutdown hooks run. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(node + " did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted killing " + node);
    }
  }

  /** The last lines the server printed, for a failure message. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return node + " log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return node + " log unreadable: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(node + " exited with " + process.exitValue() + "\n" + logTail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + node);
      }
      sleep(200);
    }
    close();
    throw new AssertionError(node + " was not healthy within " + timeout + "\n" + logTail());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
