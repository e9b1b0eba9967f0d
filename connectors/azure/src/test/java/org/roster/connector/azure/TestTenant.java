package org.roster.connector.azure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.azure.fake.FakeDirectory;
import org.roster.connector.azure.fake.FakeEntra;

/**
 * A fake tenant and sources that read it, for tests: sources wait between retries only in the
 * {@link #waits()} they record, unless made with {@link #realWaits()}.
 */
final class TestTenant implements AutoCloseable {
  final FakeEntra entra = FakeEntra.start();
  private final List<Duration> waits = new ArrayList<>();
  private final Map<String, Object> overrides = new LinkedHashMap<>();
  private boolean realWaits;
  private Clock clock = Clock.systemUTC();

  FakeDirectory directory() {
    return entra.directory();
  }

  /** Sets a connector setting for the sources opened from now on; null removes it. */
  TestTenant with(String key, Object value) {
    overrides.put(key, value);
    return this;
  }

  /** Sources opened from now on sleep for real between retries. */
  TestTenant realWaits() {
    realWaits = true;
    return this;
  }

  /** Sources opened from now on read time from this clock. */
  TestTenant clock(Clock sourceClock) {
    this.clock = sourceClock;
    return this;
  }

  Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>(entra.settings());
    overrides.forEach(
        (k, v) -> {
          if (v == null) {
            s.remove(k);
          } else {
            s.put(k, v);
          }
        });
    return s;
  }

  AzureSource open() {
    AzureConnectorFactory factory =
        realWaits ? new AzureConnectorFactory() : new AzureConnectorFactory(waits::add);
    return (AzureSource)
        factory.open(
            factory.validate(RawSettings.of(settings())), new SourceContext("test", clock));
  }

  /** The waits of the sources made without real waits. */
  List<Duration> waits() {
    return waits;
  }

  /** Adds an enabled user with the usual properties; returns its id. */
  String user(String login) {
    return directory().addUser(FakeDirectory.person(login, capitalized(login), "Tester"));
  }

  /** Adds a security group; returns its id. */
  String group(String name, String... memberIds) {
    String id = directory().addGroup(name, Map.of());
    for (String member : memberIds) {
      directory().addMember(id, member);
    }
    return id;
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public void close() {
    entra.close();
  }
}
