package org.roster.application.port.in;

import java.util.Optional;
import java.util.UUID;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.ApiToken;

/**
 * Admins' API tokens: made by an admin for scripts and scrapers, carrying some of the admin's
 * roles. Roster keeps only each token's SHA-256 hash; the secret is shown once, when it is made.
 * Creating and revoking are SECURITY audit events. Blocking (store).
 */
public interface ApiTokensUseCase {

  /**
   * Makes a token for the caller.
   *
   * @throws InvalidRequestException naming the field (name, roles, expiresAt)
   * @throws ForbiddenException when the caller came with a token (a token cannot make tokens)
   * @throws ConflictException when the caller already has the most tokens allowed
   */
  IssuedToken issue(IssueTokenCommand command, AdminCaller caller);

  /** The caller's tokens, or everyone's for a SYSADMIN; newest first. */
  Page<ApiToken> list(AdminCaller caller, PageRequest page);

  /**
   * Revokes a token of the caller's (a SYSADMIN: anyone's). It stops working at once.
   *
   * @throws NotFoundException when there is no such token the caller may see
   */
  void revoke(UUID id, AdminCaller caller);

  /**
   * What a request presenting {@code secret} may do: empty when the secret is malformed, unknown,
   * revoked or expired, or its owner no longer exists. Records the token's use (at most once a
   * minute). Never logs the secret.
   */
  Optional<TokenGrant> authenticate(String secret);
}
