package org.roster.system;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.EntrySink;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceUnavailableException;
import org.roster.connector.api.SourceUser;

/**
 * A test-only connector of type {@code slow}: {@code users} users ({@code slow-1}, ...) read one
 * every {@code millisPerUser} ms, so that a run lasts long enough to kill its server in the middle.
 * Present only in servers started with {@code roster.test.slow-connector=true}.
 */
@Singleton
@Requires(property = "roster.test.slow-connector", value = "true")
public class SlowConnector implements ConnectorFactory {

  record Settings(int users, int millisPerUser) implements ConnectorSettings {}

  @Override
  public String type() {
    return "slow";
  }

  @Override
  public Set<String> secretSettings() {
    return Set.of();
  }

  @Override
  public ConnectorSettings validate(RawSettings raw) {
    int users = raw.integer("users", 10);
    if (users < 1) {
      throw new InvalidSettingsException("users", "must be at least 1");
    }
    return new Settings(users, raw.integer("millisPerUser", 100));
  }

  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    Settings s = (Settings) settings;
    return new DirectorySource() {
      @Override
      public void testConnection() {}

      @Override
      public void readAll(EntryKind kind, EntrySink sink) {
        if (kind != EntryKind.USER) {
          return;
        }
        for (int i = 1; i <= s.users(); i++) {
          try {
            Thread.sleep(s.millisPerUser());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted", e);
          }
          String login = "slow-" + i;
          if (!sink.accept(new SourceUser(login, login, "slow:" + i, true,
              Map.of("email", login + "@example.org"), Set.of()))) {
            return;
          }
        }
      }

      @Override
      public void close() {}
    };
  }
}
