package org.roster.connector.azure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.azure.fake.FakeEntra;
import org.roster.connector.testkit.IncrementalSourceContract;
import org.roster.connector.testkit.TestGroup;
import org.roster.connector.testkit.TestPerson;

/**
 * The incremental connector contract against the fake Entra ID (token endpoint and Graph over
 * HTTPS), with a page size of 2 so that every read pages.
 */
class AzureSourceContractTest extends IncrementalSourceContract {
  private FakeEntra entra;
  private final Map<String, String> userIds = new HashMap<>();
  private final Map<String, String> groupIds = new HashMap<>();

  @BeforeEach
  void startTenant() {
    entra = FakeEntra.start();
    entra.pageSize(2);
  }

  @AfterEach
  void stopTenant() {
    entra.close();
  }

  @Override
  protected ConnectorFactory factory() {
    return new AzureConnectorFactory();
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    new ContractSeeder(entra.directory(), userIds, groupIds).seed(people, groups);
  }

  @Override
  protected DirectorySource openSource() {
    return open(entra.settings());
  }

  @Override
  protected DirectorySource openUnreachableSource() {
    Map<String, Object> s = new LinkedHashMap<>(entra.settings());
    s.put("authority", "https://127.0.0.1:1/");
    s.put("graphUrl", "https://127.0.0.1:1/v1.0");
    return open(s);
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    Map<String, Object> s = new LinkedHashMap<>(entra.settings());
    s.put("clientSecret", "not-the-secret");
    return Optional.of(open(s));
  }

  private DirectorySource open(Map<String, Object> settings) {
    return factory().open(factory().validate(RawSettings.of(settings)), context());
  }
}
