package org.roster.application.fake;

import java.util.Set;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;

/** A connector of type "fake" whose every source is the one {@link FakeSource} a test holds. */
public final class FakeConnector implements ConnectorFactory {
  public FakeSource source = new FakeSource();
  /** When set, sources are this incremental one instead. */
  public FakeIncrementalSource incremental;

  record Settings(String name) implements ConnectorSettings {}

  @Override
  public String type() {
    return "fake";
  }

  @Override
  public Set<String> secretSettings() {
    return Set.of("password");
  }

  @Override
  public ConnectorSettings validate(RawSettings raw) {
    if (raw.has("broken")) {
      throw new InvalidSettingsException("broken", "is not allowed");
    }
    return new Settings(raw.string("name", "fake"));
  }

  @Override
  public DirectorySource open(ConnectorSettings settings, SourceContext context) {
    return incremental != null ? incremental : source;
  }
}
