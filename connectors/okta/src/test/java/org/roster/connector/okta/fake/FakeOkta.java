package org.roster.connector.okta.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Okta org over plain HTTP on 127.0.0.1 (a free port), following the Management API's
 * contract for what Roster reads: users and groups with paging and search ({@link ApiRoutes}), the
 * authentication API ({@link Authn}), service apps' token endpoint ({@link OAuthServer}), {@code
 * SSWS} and bearer authentication (401 E0000011; 403 E0000006 with {@code WWW-Authenticate: ...
 * insufficient_scope} for a missing scope), and injected failures ({@link Fault}) on the API and
 * the authentication API. Clients need the system property {@code
 * okta.testing.disableHttpsCheck=true}.
 *
 * <p>Seed it with {@link #addUser}, {@link #addGroup}, {@link #addMember} and change it in place;
 * timestamps come from its clock. Thread-safe.
 */
public final class FakeOkta implements AutoCloseable {
  /** One request the fake received. */
  public record Request(String method, String path, Map<String, String> query, String auth) {}

  private final HttpServer server;
  private final ExecutorService threads;
  private final String url;
  private final String apiToken = "00Ro5terFakeApiToken0000000000000000000000";
  private final OktaState state;
  private final ApiRoutes api;
  private final OAuthServer oauth;
  private final Authn authn;
  private final Access access;
  private final Faults faults = new Faults();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Clock clock;

  private FakeOkta(Clock clock) throws IOException {
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    this.state = new OktaState(clock);
    this.api = new ApiRoutes(state, url);
    this.oauth = new OAuthServer(url);
    this.authn = new Authn(state);
    this.access = new Access(apiToken, oauth, url);
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-okta");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake org whose timestamps come from a {@link TickingClock}. */
  public static FakeOkta start() {
    return start(new TickingClock());
  }

  /** Starts a fake org whose timestamps come from this clock. */
  public static FakeOkta start(Clock clock) {
    try {
      return new FakeOkta(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The org URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return url;
  }

  /** An API token the fake accepts as {@code Authorization: SSWS <token>}. */
  public String apiToken() {
    return apiToken;
  }

  /** The clock the fake stamps changes with. */
  public Clock clock() {
    return clock;
  }

  /** Stops answering: the port is closed and requests are refused from then on. */
  public void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** The same as {@link #stop}. */
  @Override
  public void close() {
    stop();
  }

  // ---- users

  /** Adds an ACTIVE user; {@code login} goes into the profile too. Returns its id. */
  public String addUser(String login, Map<String, ?> profile) {
    return addUser(login, "ACTIVE", profile);
  }

  /** Adds a user with this status. Returns its id. */
  public String addUser(String login, String status, Map<String, ?> profile) {
    checkStatus(status);
    Map<String, Object> p = new LinkedHashMap<>(profile);
    p.put("login", login);
    synchronized (state) {
      return state.addUser(status, p);
    }
  }

  /** Changes profile properties (a null value removes one); moves {@code lastUpdated}. */
  public void updateProfile(String userId, Map<String, ?> changes) {
    synchronized (state) {
      state.updateProfile(userId, changes);
    }
  }

  /** Changes the status (SUSPENDED, LOCKED_OUT, DEPROVISIONED, ...); moves {@code lastUpdated}. */
  public void setStatus(String userId, String status) {
    checkStatus(status);
    synchronized (state) {
      state.setStatus(userId, status);
    }
  }

  /** Deletes a user for good, without a trace (Okta's second DELETE). */
  public void deleteUser(String userId) {
    synchronized (state) {
      state.deleteUser(userId);
    }
  }

  /** Sets the password {@code /api/v1/authn} accepts. */
  public void setPassword(String userId, String password) {
    synchronized (state) {
      state.user(userId).password = password;
    }
  }

  /** Makes sign-in ask this user for a second factor (MFA_REQUIRED). */
  public void requireMfa(String userId) {
    synchronized (state) {
      state.user(userId).mfa = true;
    }
  }

  /** Sets a user's {@code lastUpdated} as if it changed then. */
  public void setLastUpdated(String userId, Instant at) {
    synchronized (state) {
      state.user(userId).lastUpdated = at;
    }
  }

  /** A user as {@code GET /api/v1/users/{id}} serves it. */
  public Map<String, Object> user(String userId) {
    synchronized (state) {
      return state.json(state.user(userId), url);
    }
  }

  /** The ids of all users, in creation order. */
  public List<String> userIds() {
    synchronized (state) {
      return new ArrayList<>(state.users.keySet());
    }
  }

  // ---- groups

  /** Adds an OKTA_GROUP. Returns its id. */
  public String addGroup(String name) {
    return addGroup(name, "OKTA_GROUP");
  }

  /** Adds a group of this type (OKTA_GROUP, APP_GROUP, BUILT_IN). Returns its id. */
  public String addGroup(String name, String type) {
    synchronized (state) {
      return state.addGroup(name, type);
    }
  }

  /** Renames a group; moves its {@code lastUpdated}. */
  public void renameGroup(String groupId, String name) {
    synchronized (state) {
      state.renameGroup(groupId, name);
    }
  }

  /** Deletes a group; Okta keeps no trace of it. */
  public void deleteGroup(String groupId) {
    synchronized (state) {
      state.deleteGroup(groupId);
    }
  }

  /** Adds a member; moves the group's {@code lastMembershipUpdated}, not the user's. */
  public void addMember(String groupId, String userId) {
    synchronized (state) {
      state.join(groupId, userId);
    }
  }

  /** Removes a member; moves the group's {@code lastMembershipUpdated}, not the user's. */
  public void removeMember(String groupId, String userId) {
    synchronized (state) {
      state.leave(groupId, userId);
    }
  }

  /** Sets a group's timestamps as if it changed then. */
  public void setGroupTimes(String groupId, Instant lastUpdated, Instant lastMembershipUpdated) {
    synchronized (state) {
      OktaState.Group g = state.group(groupId);
      g.lastUpdated = lastUpdated;
      g.lastMembershipUpdated = lastMembershipUpdated;
    }
  }

  /** The id of the group with this name. */
  public Optional<String> groupId(String name) {
    synchronized (state) {
      return state.groups.values().stream()
          .filter(g -> g.name.equals(name))
          .map(g -> g.id)
          .findFirst();
    }
  }

  /** The ids of the group's members. */
  public Set<String> members(String groupId) {
    synchronized (state) {
      return Set.copyOf(state.group(groupId).members);
    }
  }

  // ---- authorization

  /** Registers an OAuth 2.0 service app whose assertions are signed with the key's pair. */
  public void registerServiceApp(String clientId, PublicKey key, Set<String> grantedScopes) {
    oauth.register(new OAuthServer.App(clientId, key, Set.copyOf(grantedScopes)));
  }

  /**
   * Answers 403 E0000006 to requests under this path, as Okta does when the token's admin (or the
   * service app) has no admin role that allows them.
   */
  public void denyAdminAccess(String pathPrefix) {
    access.deny(pathPrefix);
  }

  // ---- faults and requests

  /** Adds a failure; several apply in the order added. */
  public void inject(Fault fault) {
    faults.add(fault);
  }

  public void clearFaults() {
    faults.clear();
  }

  /** Every request received since the start or the last {@link #clearRequests}. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests to this path. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public void clearRequests() {
    requests.clear();
  }

  private static void checkStatus(String status) {
    if (!OktaState.STATUSES.contains(status)) {
      throw new IllegalArgumentException("not an Okta user status: " + status);
    }
  }

  private void handle(HttpExchange ex) {
    try {
      String path = ex.getRequestURI().getPath();
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      requests.add(new Request(ex.getRequestMethod(), path, Http.query(ex), auth));
      if (path.equals("/oauth2/v1/token")) {
        oauth.token(ex);
      } else if (path.equals("/api/v1/authn")) {
        if (!faults.answered(ex, path)) {
          authn.handle(ex);
        }
      } else if (path.startsWith("/api/v1/")
          && access.admitted(ex, path, auth)
          && !faults.answered(ex, path)) {
        api.handle(ex, path);
      } else if (!path.startsWith("/api/v1/")) {
        Http.sendError(ex, 404, "E0000007", "Not found: Resource not found: " + path + " (Path)");
      }
    } catch (Http.DropConnection e) {
      throw e;
    } catch (RuntimeException e) {
      if (ex.getResponseCode() < 0) {
        Http.sendError(ex, 500, "E0000009", "Internal Server Error: " + e.getMessage());
      }
    }
    ex.close();
  }
}
