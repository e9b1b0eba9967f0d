package org.roster.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roster.application.port.in.AdminCaller;
import org.roster.application.port.in.ApiTokensUseCase;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.ForbiddenException;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.IssueTokenCommand;
import org.roster.application.port.in.IssuedToken;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.TokenGrant;
import org.roster.application.port.out.AdminAccountStore;
import org.roster.application.port.out.ApiTokenStore;
import org.roster.application.port.out.AuditStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.Transactions;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.AdminAccount;
import org.roster.domain.identity.AdminRole;
import org.roster.domain.identity.ApiToken;

/**
 * API tokens: {@code rst_} followed by 32 random bytes in base64url (43 characters), stored as the
 * hex SHA-256 of the whole string. A plain hash suffices (no salt, no slow hash): the secret is
 * 256 random bits, not a password a person chose.
 */
public final class ApiTokenService implements ApiTokensUseCase {
  public static final String PREFIX = "rst_";
  private static final int SECRET_LENGTH = PREFIX.length() + 43;
  private static final int HINT_LENGTH = PREFIX.length() + 4;
  private static final int MAX_NAME = 100;
  /** Tokens one admin may hold at once. */
  static final int MAX_PER_OWNER = 100;
  /** A token's last use is written at most this often. */
  private static final Duration TOUCH = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;
  private final ApiTokenStore tokens;
  private final AdminAccountStore accounts;
  private final AuditStore audit;
  private final Clock clock;

  public ApiTokenService(Transactions tx, ApiTokenStore tokens, AdminAccountStore accounts,
      AuditStore audit, Clock clock) {
    this.tx = tx;
    this.tokens = tokens;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public IssuedToken issue(IssueTokenCommand c, AdminCaller caller) {
    if (caller.viaToken()) {
      throw new ForbiddenException("An API token cannot make tokens; log in with your password");
    }
    if (c.name() == null || c.name().isBlank()) {
      throw new InvalidRequestException("name", "'name' must not be blank");
    }
    if (c.name().length() > MAX_NAME) {
      throw new InvalidRequestException("name", "'name' must be at most " + MAX_NAME + " characters");
    }
    Set<AdminRole> roles = c.roles() == null ? caller.roles() : c.roles();
    if (roles.isEmpty()) {
      throw new InvalidRequestException("roles", "'roles' must name at least one role");
    }
    if (!ApiToken.reach(caller.roles()).containsAll(roles)) {
      throw new InvalidRequestException("roles", "'roles' may only hold roles you have: "
          + AdminAccountService.names(caller.roles()));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
      throw new InvalidRequestException("expiresAt", "'expiresAt' must be in the future");
    }
    if (tokens.list(caller.login(), PageRequest.first(1)).total() >= MAX_PER_OWNER) {
      throw new ConflictException("You already have " + MAX_PER_OWNER
          + " API tokens; revoke some first");
    }
    String secret = newSecret();
    ApiToken token = new ApiToken(UUID.randomUUID(), c.name().strip(), caller.login(), roles,
        secret.substring(0, HINT_LENGTH), now, c.expiresAt(), null);
    Map<String, String> after = c.expiresAt() == null
        ? Map.of("roles", AdminAccountService.names(roles))
        : Map.of("roles", AdminAccountService.names(roles), "expiresAt", c.expiresAt().toString());
    tx.inTransaction(t -> {
      tokens.insert(token, hash(secret));
      record(caller.login(), "token created", token, after, "for " + token.owner());
      return null;
    });
    return new IssuedToken(token, secret);
  }

  @Override
  public Page<ApiToken> list(AdminCaller caller, PageRequest page) {
    return tokens.list(caller.sysadmin() ? null : caller.login(), page);
  }

  @Override
  public void revoke(UUID id, AdminCaller caller) {
    ApiToken token = tokens.find(id)
        .filter(t -> caller.sysadmin() || t.owner().equals(caller.login()))
        .orElseThrow(() -> new NotFoundException("token", id));
    tx.inTransaction(t -> {
      if (tokens.delete(id)) {
        record(caller.login(), "token revoked", token, Map.of(), "of " + token.owner());
      }
      return null;
    });
  }

  @Override
  public Optional<TokenGrant> authenticate(String secret) {
    if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> found = tokens.findByHash(hash(secret)).filter(t -> !t.expired(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = found.get();
    Optional<AdminAccount> owner = accounts.find(token.owner());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    if (token.lastUsedAt() == null || !now.isBefore(token.lastUsedAt().plus(TOUCH))) {
      tokens.touch(token.id(), now.truncatedTo(ChronoUnit.SECONDS));
    }
    return Optional.of(new TokenGrant(token.owner(), token.effectiveRoles(owner.get().roles()),
        token.id()));
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of the secret: what the store keeps. */
  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private void record(String actorLogin, String action, ApiToken token, Map<String, String> after,
      String detail) {
    audit.appendAll(List.of(new AuditEvent(UUID.randomUUID(), clock.instant(), null,
        "admin:" + actorLogin, AuditCategory.SECURITY, action, token.id(), token.name(), Map.of(),
        after, detail)));
  }
}
