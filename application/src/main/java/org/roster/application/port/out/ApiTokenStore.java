package org.roster.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.roster.domain.identity.ApiToken;

/** Admins' API tokens, each found by the SHA-256 hash of its secret. Joins the caller's transaction. */
public interface ApiTokenStore {

  /**
   * Stores a new token.
   *
   * @param hash the lower-case hex SHA-256 of the token's secret; unique
   */
  void insert(ApiToken token, String hash);

  /** The token whose secret hashes to {@code hash}; empty when none (unknown or revoked). */
  Optional<ApiToken> findByHash(String hash);

  Optional<ApiToken> find(UUID id);

  /**
   * A page of tokens, newest first (then by id).
   *
   * @param owner only this admin's tokens; null for everyone's
   */
  Page<ApiToken> list(String owner, PageRequest page);

  /** Removes the token; false when it did not exist. */
  boolean delete(UUID id);

  /** Removes every token of {@code owner}; returns how many. */
  int deleteByOwner(String owner);

  /** Records that the token authenticated a request at {@code at}. */
  void touch(UUID id, Instant at);
}
