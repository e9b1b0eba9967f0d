package org.roster.application.service;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.roster.application.port.out.KnownUser;
import org.roster.application.port.out.Transactions;
import org.roster.application.port.out.UserStore;

/**
 * What a profile already knows, loaded on a thread of its own while the source is being read, so
 * that a full run waits for the slower of the two instead of both. Committed data is what is
 * wanted: the run has not changed any user yet when the load starts.
 */
final class KnownUsers {
  private final CompletableFuture<Map<String, KnownUser>> load;

  private KnownUsers(CompletableFuture<Map<String, KnownUser>> load) {
    this.load = load;
  }

  static KnownUsers loadInBackground(Transactions tx, UserStore users, UUID profileId) {
    return new KnownUsers(CompletableFuture.supplyAsync(() -> tx.inTransaction(t -> {
      Map<String, KnownUser> known = new HashMap<>();
      users.forEachKnown(profileId, k -> known.put(k.externalId(), k));
      return known;
    })));
  }

  boolean ready() {
    return load.isDone();
  }

  /** Waits for the load; a failure of it fails the run. */
  Map<String, KnownUser> get() {
    try {
      return load.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
