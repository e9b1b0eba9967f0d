package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.connector.api.ConnectorFactory;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.DirectorySource;
import org.roster.connector.api.RawSettings;
import org.roster.connector.api.SourceContext;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.SyncPolicy;

class SecretBoxTest {
  private final SecretBox box = SecretBox.ephemeral();

  @Test
  void sealsWithAFreshNonceAndOpensForTheSameContextOnly() {
    String a = box.seal("s3cr3t ✓", "profile 1 setting 'bindPassword'");
    String b = box.seal("s3cr3t ✓", "profile 1 setting 'bindPassword'");
    assertThat(a).startsWith(SecretBox.PREFIX).doesNotContain("s3cr3t").isNotEqualTo(b);
    assertThat(box.open(a, "profile 1 setting 'bindPassword'")).isEqualTo("s3cr3t ✓");
    assertThatThrownBy(() -> box.open(a, "profile 2 setting 'bindPassword'"))
        .isInstanceOf(SecretBox.UnreadableSecretException.class)
        .hasMessageContaining("sealed with another secret key");
  }

  @Test
  void anotherKeyOrADamagedValueDoesNotOpen() {
    String sealed = box.seal("pw", "c");
    assertThatThrownBy(() -> SecretBox.ephemeral().open(sealed, "c"))
        .isInstanceOf(SecretBox.UnreadableSecretException.class)
        .hasMessageContaining("the stored secret c cannot be read");
    String flipped = sealed.substring(0, sealed.length() - 2)
        + (sealed.endsWith("AA") ? "AB" : "AA");
    assertThatThrownBy(() -> box.open(flipped, "c")).isInstanceOf(SecretBox.UnreadableSecretException.class);
    assertThatThrownBy(() -> box.open(SecretBox.PREFIX + "***", "c"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> box.open("plain", "c")).hasMessageContaining("not a sealed value");
    assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("must be 32 bytes");
  }

  @Test
  void theRegistrySealsOnlyTheTypesSecretsAndOpensThemForTheConnector() {
    RecordingFactory factory = new RecordingFactory();
    ConnectorRegistry registry = new ConnectorRegistry(List.of(factory), box);
    UUID id = UUID.randomUUID();
    Map<String, Object> stored = registry.sealedSettings(id, "rec",
        Map.of("url", "ldap://h", "password", "pw", "pageSize", 5));
    assertThat(stored.get("url")).isEqualTo("ldap://h");
    assertThat(stored.get("pageSize")).isEqualTo(5);
    assertThat((String) stored.get("password")).startsWith(SecretBox.PREFIX);
    assertThat(registry.sealedSettings(id, "rec", stored)).isEqualTo(stored); // sealed stays sealed

    Profile p = new Profile(id, "p", "rec", stored, SyncPolicy.defaultsFor("rec"), true,
        java.time.Instant.EPOCH, java.time.Instant.EPOCH);
    registry.settingsOf(p);
    assertThat(factory.seen.asMap()).containsEntry("password", "pw").containsEntry("url", "ldap://h");

    Profile moved = new Profile(UUID.randomUUID(), "q", "rec", stored, p.policy(), true, p.createdAt(),
        p.updatedAt());
    assertThatThrownBy(() -> registry.settingsOf(moved))
        .isInstanceOf(SecretBox.UnreadableSecretException.class)
        .hasMessageContaining("setting 'password'");
  }

  private static final class RecordingFactory implements ConnectorFactory {
    RawSettings seen;

    @Override
    public String type() {
      return "rec";
    }

    @Override
    public Set<String> secretSettings() {
      return Set.of("password");
    }

    @Override
    public ConnectorSettings validate(RawSettings raw) {
      seen = raw;
      return new ConnectorSettings() {};
    }

    @Override
    public DirectorySource open(ConnectorSettings settings, SourceContext context) {
      throw new AssertionError("settingsOf validates settings; it must not open a source");
    }
  }
}
