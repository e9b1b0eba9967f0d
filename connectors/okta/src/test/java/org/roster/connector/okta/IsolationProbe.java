package org.roster.connector.okta;

import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.connector.api.SourceUser;
import org.roster.connector.testkit.RecordingSink;

/**
 * Reads the users of an org with an API token and prints their logins, sorted, on one line: run by
 * {@link IsolationTest} in a JVM whose environment holds {@code OKTA_*} variables that point
 * elsewhere.
 */
public final class IsolationProbe {
  private IsolationProbe() {}

  /**
   * @param args the org URL and the API token
   */
  public static void main(String[] args) {
    OktaConnectorFactory factory = new OktaConnectorFactory();
    OktaSettings settings =
        factory.validate(RawSettings.of(Map.of("orgUrl", args[0], "apiToken", args[1])));
    try (OktaSource source =
        (OktaSource) factory.open(settings, new SourceContext("probe", Clock.systemUTC()))) {
      RecordingSink users = new RecordingSink();
      source.readAll(EntryKind.USER, users);
      TreeSet<String> logins = new TreeSet<>();
      users.users().stream().map(SourceUser::login).forEach(logins::add);
      System.out.println("logins=" + String.join(",", logins));
    }
  }
}
