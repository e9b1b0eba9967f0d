package org.roster.connector.okta;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.okta.fake.FakeOkta;
import org.roster.connector.okta.fake.TickingClock;
import org.roster.connector.testkit.RecordingSink;

/** A fake Okta org and the settings of a profile reading it with its API token. */
final class TestOrg implements AutoCloseable {
  final TickingClock clock = new TickingClock();
  final FakeOkta okta = FakeOkta.start(clock);
  final Map<String, Object> settings = new HashMap<>();

  TestOrg() {
    settings.put("orgUrl", okta.url());
    settings.put("apiToken", okta.apiToken());
  }

  /** Sets a profile setting. */
  TestOrg with(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  /** Removes a profile setting. */
  TestOrg without(String key) {
    settings.remove(key);
    return this;
  }

  /** A user with first and last name and mail, in these groups. */
  String user(String login, String first, String last, String... groupIds) {
    String id =
        okta.addUser(
            login, Map.of("firstName", first, "lastName", last, "email", login + "@example.org"));
    for (String g : groupIds) {
      okta.addMember(g, id);
    }
    return id;
  }

  OktaSource open() {
    return open(clock);
  }

  OktaSource open(Clock sourceClock) {
    OktaConnectorFactory factory = new OktaConnectorFactory();
    return (OktaSource)
        factory.open(
            factory.validate(RawSettings.of(settings)),
            new SourceContext("okta-test", sourceClock));
  }

  /** Reads one kind whole with a new source. */
  RecordingSink readAll(EntryKind kind) {
    try (OktaSource source = open()) {
      RecordingSink sink = new RecordingSink();
      source.readAll(kind, sink);
      return sink;
    }
  }

  @Override
  public void close() {
    okta.close();
  }
}
