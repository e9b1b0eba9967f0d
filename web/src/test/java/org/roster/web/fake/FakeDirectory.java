package org.roster.web.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.DirectoryHit;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.LoginResult;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.SearchDirectoryUseCase;
import org.roster.application.port.in.VerifyLoginUseCase;
import org.roster.connector.api.DirectoryQuery;
import org.roster.connector.api.SourceUnavailableException;

/** A directory of fixed hits and one user "ann" with password "s3cret"; "down" is unreachable. */
public final class FakeDirectory implements SearchDirectoryUseCase, VerifyLoginUseCase {
  public static final UUID PROFILE = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
  public static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  public final List<DirectoryQuery> asked = new ArrayList<>();
  /** How often a password was checked (the directory was asked to bind). */
  public final java.util.concurrent.atomic.AtomicInteger verifications =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public List<DirectoryHit> search(UUID profileId, DirectoryQuery query, int limit) {
    if (!profileId.equals(PROFILE)) {
      throw new NotFoundException("profile", profileId);
    }
    if (query.by() == DirectoryQuery.By.FILTER && !query.text().startsWith("(")) {
      throw new InvalidRequestException("q", "invalid LDAP filter \"" + query.text() + "\"");
    }
    asked.add(query);
    List<DirectoryHit> hits = List.of(
        new DirectoryHit("GROUP", "g1", "Analysis", "cn=Analysis", "Analysis", DirectoryHit.Status.NEW, null, null),
        new DirectoryHit("USER", "u1", "andarm", "uid=andarm", "Andar M", DirectoryHit.Status.SYNCED, ANN, null),
        new DirectoryHit("USER", "u2", "aandrei", "uid=aandrei", null, DirectoryHit.Status.CONFLICT, UUID.randomUUID(),
            "username already exists as an internal user"));
    return hits.subList(0, Math.min(limit, hits.size()));
  }

  @Override
  public LoginResult verify(String login, String password) {
    verifications.incrementAndGet();
    if (login.equals("down")) {
      throw new SourceUnavailableException("ldap://dc1.corp:636: connection refused");
    }
    return login.equals("ann") && password.equals("s3cret")
        ? LoginResult.accepted(ANN)
        : LoginResult.refused(null, "unknown user or wrong password");
  }
}
