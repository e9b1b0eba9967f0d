package org.roster.connector.azure.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fake Entra ID tenant for tests, on two local HTTPS servers (127.0.0.1, ephemeral ports) that
 * follow Microsoft's published contracts: a token endpoint ({@code POST
 * /{tenant}/oauth2/v2.0/token}, see {@link TokenHandler}) and Microsoft Graph v1.0 ({@code
 * /v1.0/users}, {@code /groups}, members, memberships, delta queries; see {@link GraphHandler}).
 * Seed and change it through {@link #directory()}; make it fail with {@link #fail(Fault)}, {@link
 * #expireAccessTokens()}, {@link #expireDeltaTokens(int)}, {@link #grantOnly(String...)}; read
 * {@link #requests()} to see what a client asked. {@link #settings()} are connector settings that
 * reach it, trusting its certificate ({@link FakeCertificates}).
 */
public final class FakeEntra implements AutoCloseable {

  /** What Graph thinks of a bearer token. */
  enum TokenState {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  static {
    // answer without Nagle's delay: headers and body go out as separate writes, and a delayed
    // ACK would hold each answer back by some 40 ms (read once, when the first server starts)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final String tenantId = UUID.randomUUID().toString();
  private final String clientId = UUID.randomUUID().toString();
  private final String clientSecret = "fake-secret-" + UUID.randomUUID();
  private final FakeDirectory directory = new FakeDirectory();
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<X509Certificate> appCertificates = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final ExecutorService executor;
  private final HttpsServer login;
  private final HttpsServer graph;
  private volatile int pageSize = 100;
  private volatile Set<String> granted = Set.of("User.Read.All", "GroupMember.Read.All");
  private volatile Duration tokenLifetime = Duration.ofMinutes(60);
  private volatile int deltaGeneration;
  private volatile int expiredDeltaStatus = 410;
  private volatile boolean graphStopped;

  private FakeEntra(Path serverKeyStore) throws IOException, GeneralSecurityException {
    SSLContext tls = tls(serverKeyStore);
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "fake-entra");
              t.setDaemon(true);
              return t;
            });
    login = server(tls);
    login.createContext("/", new TokenHandler(this));
    graph = server(tls);
    graph.createContext("/", new GraphHandler(this));
    login.start();
    graph.start();
    appCertificates.add(FakeCertificates.certificate(FakeCertificates.get().clientKeyStore()));
  }

  /** A new, empty tenant whose servers present the {@code localhost}/{@code 127.0.0.1} cert. */
  public static FakeEntra start() {
    return start(FakeCertificates.get().serverKeyStore());
  }

  /** A new, empty tenant whose servers present the key of this PKCS12 store. */
  public static FakeEntra start(Path serverKeyStore) {
    try {
      return new FakeEntra(serverKeyStore);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot start the fake Entra ID", e);
    }
  }

  /** Connector settings that reach this tenant with the client secret, trusting its cert. */
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("tenantId", tenantId);
    s.put("clientId", clientId);
    s.put("clientSecret", clientSecret);
    s.put("authority", authority());
    s.put("graphUrl", graphUrl());
    s.put("trustFile", FakeCertificates.get().serverPem().toString());
    s.put("connectTimeoutSeconds", 2);
    s.put("responseTimeoutSeconds", 10);
    return s;
  }

  public String tenantId() {
    return tenantId;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  /** The authority root: {@code https://127.0.0.1:<port>/}. */
  public String authority() {
    return "https://127.0.0.1:" + login.getAddress().getPort() + "/";
  }

  /** Graph's base URL: {@code https://127.0.0.1:<port>/v1.0}. */
  public String graphUrl() {
    return graphOrigin() + "/v1.0";
  }

  String graphOrigin() {
    return "https://127.0.0.1:" + graph.getAddress().getPort();
  }

  public FakeDirectory directory() {
    return directory;
  }

  /** Entries per page of every collection (default 100; Graph's default too). */
  public void pageSize(int entries) {
    this.pageSize = entries;
  }

  /**
   * Grants the app only these application permissions (default User.Read.All and
   * GroupMember.Read.All).
   */
  public void grantOnly(String... permissions) {
    this.granted = Set.of(permissions);
  }

  /** Lifetime of the access tokens issued from now on. */
  public void tokenLifetime(Duration lifetime) {
    this.tokenLifetime = lifetime;
  }

  /** Makes every access token issued so far expired: Graph answers 401 until a new one. */
  public void expireAccessTokens() {
    accessTokens.replaceAll((token, expiry) -> Instant.EPOCH);
  }

  /**
   * Makes every delta and skip token issued so far unusable: Graph answers {@code status} (410
   * Gone, or 400 as for tokens older than 7 days) with the code {@code syncStateNotFound}.
   */
  public void expireDeltaTokens(int status) {
    this.expiredDeltaStatus = status;
    this.deltaGeneration++;
  }

  /** Adds a failure; faults are tried in the order added. */
  public void fail(Fault fault) {
    faults.add(fault);
  }

  /** Every request so far, as {@code "GET /v1.0/users?$select=id,mail&$top=999"} (decoded). */
  public List<String> requests() {
    return new ArrayList<>(requests);
  }

  /** Requests whose line starts with this ({@code "GET /v1.0/users/delta"}). */
  public List<String> requests(String prefix) {
    return requests.stream().filter(r -> r.startsWith(prefix)).toList();
  }

  /** How many token requests reached the token endpoint. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Stops the Graph server only: requests to Graph find nobody listening; tokens still come. */
  public void stopGraph() {
    graphStopped = true;
    graph.stop(0);
  }

  /** Stops both servers. */
  @Override
  public void close() {
    login.stop(0);
    graph.stop(0);
    executor.shutdownNow();
  }

  List<X509Certificate> appCertificates() {
    return appCertificates;
  }

  Set<String> granted() {
    return granted;
  }

  int pageSize() {
    return pageSize;
  }

  Duration tokenLifetime() {
    return tokenLifetime;
  }

  int deltaGeneration() {
    return deltaGeneration;
  }

  int expiredDeltaStatus() {
    return expiredDeltaStatus;
  }

  void logRequest(String line) {
    requests.add(line);
  }

  void countTokenRequest() {
    tokenRequests.incrementAndGet();
  }

  String issueToken() {
    String token = "fake-at-" + UUID.randomUUID();
    accessTokens.put(token, Instant.now().plus(tokenLifetime));
    return token;
  }

  TokenState tokenState(String token) {
    Instant expiry = accessTokens.get(token);
    if (expiry == null) {
      return TokenState.UNKNOWN;
    }
    return Instant.now().isBefore(expiry) ? TokenState.VALID : TokenState.EXPIRED;
  }

  /**
   * Applies the first fault that fires for this request; true when it answered (or closed the
   * connection unanswered, as a stopping server does).
   */
  boolean fault(HttpExchange exchange, String path) throws IOException {
    if (graphStopped) {
      return true;
    }
    for (Fault fault : faults) {
      if (fault.fires(path)) {
        switch (fault.kind()) {
          case STATUS -> {
            if (fault.retryAfter() != null) {
              exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
            }
            GraphHandler.error(
                exchange,
                fault.status(),
                code(fault.status()),
                "Injected failure " + fault.status() + ".");
          }
          case MALFORMED -> {
            byte[] body = "{\"value\": [{\"id\": \"x\", ".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          case DROP -> {
            // the caller closes the exchange unanswered, which closes the connection
          }
          case STOP -> {
            graphStopped = true;
            new Thread(this::stopGraph, "fake-entra-stop").start();
          }
        }
        return true;
      }
    }
    return false;
  }

  private static String code(int status) {
    return switch (status) {
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      case 504 -> "GatewayTimeout";
      case 400 -> "Request_BadRequest";
      case 403 -> "Authorization_RequestDenied";
      default -> "UnknownError";
    };
  }

  private HttpsServer server(SSLContext tls) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(executor);
    return server;
  }

  private static SSLContext tls(Path keyStore) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, FakeCertificates.PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, FakeCertificates.PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    return tls;
  }
}
