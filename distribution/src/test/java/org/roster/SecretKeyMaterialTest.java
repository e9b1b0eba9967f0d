package org.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.application.service.SecretBox;

class SecretKeyMaterialTest {
  @TempDir Path dir;

  @Test
  void theFirstStartCreatesAnOwnerOnlyKeyFileThatLaterStartsReuse() throws Exception {
    Path file = dir.resolve("data/secret.key");
    SecretBox first = SecretKeyMaterial.load("", file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    String sealed = first.seal("pw", "ctx");
    assertThat(SecretKeyMaterial.load(" ", file).open(sealed, "ctx")).isEqualTo("pw");
  }

  @Test
  void theEnvironmentKeyWinsOverTheFileAndMustBe32Bytes() {
    byte[] key = new byte[32];
    key[0] = 7;
    String b64 = Base64.getEncoder().encodeToString(key);
    String sealed = new SecretBox(key).seal("pw", "ctx");
    Path file = dir.resolve("unused.key");
    assertThat(SecretKeyMaterial.load(b64, file).open(sealed, "ctx")).isEqualTo("pw");
    assertThat(file).doesNotExist();
    assertThatThrownBy(() -> SecretKeyMaterial.load(Base64.getEncoder().encodeToString(new byte[16]), file))
        .hasMessageContaining("ROSTER_SECRET_KEY holds 16 bytes")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretKeyMaterial.load("not base64 !", file))
        .hasMessageContaining("ROSTER_SECRET_KEY is not base64");
  }

  @Test
  void aKeyFileOthersCanReadStopsTheServer() throws Exception {
    Path file = dir.resolve("secret.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> SecretKeyMaterial.load("", file))
        .hasMessageContaining("is readable by others (rw-r--r--)")
        .hasMessageContaining("chmod 600");
  }
}
