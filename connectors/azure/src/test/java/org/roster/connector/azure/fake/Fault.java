package org.roster.connector.azure.fake;

import java.util.Objects;

/**
 * A failure the fake Graph answers to matching requests instead of the real answer: a status with
 * Graph's error JSON (and {@code Retry-After}), a body that is not JSON, a connection closed
 * without an answer, or the whole Graph server stopping. Built fluently: {@code
 * Fault.on("/v1.0/users").status(429).retryAfter("1").times(2)}.
 */
public final class Fault {

  /** What the fault does. */
  enum Kind {
    STATUS,
    MALFORMED,
    DROP,
    STOP
  }

  private final String pathPrefix;
  private Kind kind = Kind.STATUS;
  private int status = 503;
  private String retryAfter;
  private int passing;
  private int times = 1;

  private Fault(String pathPrefix) {
    this.pathPrefix = Objects.requireNonNull(pathPrefix);
  }

  /** A fault for requests whose path starts with this ({@code /v1.0/users}; no query). */
  public static Fault on(String pathPrefix) {
    return new Fault(pathPrefix);
  }

  /** Answers this status with Graph's error JSON. */
  public Fault status(int code) {
    this.kind = Kind.STATUS;
    this.status = code;
    return this;
  }

  /** Sends this {@code Retry-After} header with the status. */
  public Fault retryAfter(String value) {
    this.retryAfter = value;
    return this;
  }

  /** Answers 200 with a body that is not JSON. */
  public Fault malformed() {
    this.kind = Kind.MALFORMED;
    return this;
  }

  /** Closes the connection without answering. */
  public Fault drop() {
    this.kind = Kind.DROP;
    return this;
  }

  /** Stops the Graph server: this and every later request finds nobody listening. */
  public Fault stopServer() {
    this.kind = Kind.STOP;
    return this;
  }

  /** Lets this many matching requests through before failing. */
  public Fault after(int requests) {
    this.passing = requests;
    return this;
  }

  /** Fails this many matching requests (default 1). */
  public Fault times(int count) {
    this.times = count;
    return this;
  }

  /** Fails every matching request. */
  public Fault always() {
    return times(Integer.MAX_VALUE);
  }

  /** True when this request is to fail; counts it. */
  synchronized boolean fires(String path) {
    if (!path.startsWith(pathPrefix) || times <= 0) {
      return false;
    }
    if (passing > 0) {
      passing--;
      return false;
    }
    times--;
    return true;
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  String retryAfter() {
    return retryAfter;
  }
}
