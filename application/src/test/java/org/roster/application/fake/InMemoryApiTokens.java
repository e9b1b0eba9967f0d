package org.roster.application.fake;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roster.application.port.out.ApiTokenStore;
import org.roster.application.port.out.Page;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.identity.ApiToken;

/** API tokens in maps (outside {@link InMemoryDatabase}'s transactions). */
public final class InMemoryApiTokens implements ApiTokenStore {
  private final Map<UUID, ApiToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, UUID> byHash = new ConcurrentHashMap<>();

  public void clear() {
    tokens.clear();
    byHash.clear();
  }

  /** The hashes stored, to prove no secret is. */
  public List<String> hashes() {
    return List.copyOf(byHash.keySet());
  }

  @Override
  public void insert(ApiToken token, String hash) {
    if (byHash.putIfAbsent(hash, token.id()) != null) {
      throw new IllegalStateException("duplicate hash");
    }
    tokens.put(token.id(), token);
  }

  @Override
  public Optional<ApiToken> findByHash(String hash) {
    return Optional.ofNullable(byHash.get(hash)).map(tokens::get);
  }

  @Override
  public Optional<ApiToken> find(UUID id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public Page<ApiToken> list(String owner, PageRequest page) {
    List<ApiToken> all = tokens.values().stream()
        .filter(t -> owner == null || t.owner().equals(owner))
        .sorted(Comparator.comparing(ApiToken::createdAt).reversed()
            .thenComparing(ApiToken::id))
        .toList();
    return InMemoryStores.page(all, page);
  }

  @Override
  public boolean delete(UUID id) {
    ApiToken removed = tokens.remove(id);
    byHash.values().removeIf(v -> Objects.equals(v, id));
    return removed != null;
  }

  @Override
  public int deleteByOwner(String owner) {
    List<UUID> ids = tokens.values().stream().filter(t -> t.owner().equals(owner))
        .map(ApiToken::id).toList();
    ids.forEach(this::delete);
    return ids.size();
  }

  @Override
  public void touch(UUID id, Instant at) {
    tokens.computeIfPresent(id, (k, t) -> t.usedAt(at));
  }
}
