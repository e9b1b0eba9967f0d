package org.roster.web.fake;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The use cases the controllers need, as in-memory fakes (the server gets them from distribution).
 */
@Factory
public class FakeUseCases {

  @Singleton
  InMemoryProfiles profiles() {
    return new InMemoryProfiles();
  }

  @Singleton
  InMemoryRuns runs(InMemoryProfiles profiles) {
    return new InMemoryRuns(profiles);
  }

  @Singleton
  InMemoryUsers users() {
    return new InMemoryUsers();
  }

  @Singleton
  InMemoryAudit audit() {
    return new InMemoryAudit();
  }

  @Singleton
  FakeDirectory directory() {
    return new FakeDirectory();
  }
}
