package org.roster.connector.testkit;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.testkit.InMemorySource.Flaw;
import org.roster.connector.testkit.InMemorySource.Reach;

/**
 * The contract run against a correct fake incremental connector: it must pass. {@link
 * ContractCatchesFlawsTest} gives the same fake flaws and checks that the contract fails.
 */
class InMemorySourceContractTest extends IncrementalSourceContract {

  final Set<Flaw> flaws = EnumSet.noneOf(Flaw.class);
  private final InMemoryDirectory directory = new InMemoryDirectory();
  private final InMemoryConnectorFactory factory = new InMemoryConnectorFactory(directory, flaws);

  @Override
  protected ConnectorFactory factory() {
    return factory;
  }

  @Override
  protected void seed(List<TestPerson> people, List<TestGroup> groups) {
    directory.seed(people, groups);
  }

  @Override
  protected DirectorySource openSource() {
    return factory.open(Reach.GOOD);
  }

  @Override
  protected DirectorySource openUnreachableSource() {
    return factory.open(Reach.UNREACHABLE);
  }

  @Override
  protected Optional<DirectorySource> openSourceWithWrongCredentials() {
    if (flaws.contains(Flaw.HIDES_CREDENTIALS_TEST)) {
      return Optional.empty();
    }
    return Optional.of(factory.open(Reach.REFUSED_CREDENTIALS));
  }

  @Override
  protected Optional<String> expectedExternalId(TestPerson person) {
    return Optional.of("ext-" + person.id());
  }
}
