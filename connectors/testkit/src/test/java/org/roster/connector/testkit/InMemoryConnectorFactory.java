package org.roster.connector.testkit;

import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.Secret;
import org.roster.connector.api.SourceContext;
import org.roster.connector.testkit.InMemorySource.Flaw;
import org.roster.connector.testkit.InMemorySource.Reach;

/** Makes fake sources over one {@link InMemoryDirectory}. */
final class InMemoryConnectorFactory implements ConnectorFactory {

  /** The fake's settings: an address and a password. */
  record MemorySettings(String url, Secret password) implements ConnectorSettings {}

  private final InMemoryDirectory directory;
  private final Set<Flaw> flaws;

  InMemoryConnectorFactory(InMemoryDirectory directory, Set<Flaw> flaws) {
    this.directory = directory;
    this.flaws = flaws;
  }

  @Override
  public String type() {
    return "memory";
  }

  @Override
  public Set<String> secretSettings() {
    return Set.of("password");
  }

  @Override
  public ConnectorSettings validate(RawSettings raw) {
    return new MemorySettings(
        raw.string("url"),
        raw.secret("password")
            .orElseThrow(() -> new InvalidSettingsException("password", "is required")));
  }

  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    if (!(settings instanceof MemorySettings) && !flaws.contains(Flaw.ACCEPTS_FOREIGN_SETTINGS)) {
      throw new InvalidSettingsException("type", "not settings of the memory connector");
    }
    return open(Reach.GOOD);
  }

  InMemorySource open(Reach reach) {
    return new InMemorySource(directory, flaws, reach);
  }
}
