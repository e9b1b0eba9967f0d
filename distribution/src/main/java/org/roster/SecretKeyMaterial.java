package org.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.roster.application.service.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that seals the profiles' secrets comes from: {@code ROSTER_SECRET_KEY} (base64 of
 * 32 random bytes: {@code openssl rand -base64 32}) when it is set; otherwise the key file ({@code
 * roster.secrets.key-file}, default {@code <data dir>/secret.key}), created with mode 0600 at the
 * first start. A key file that others can read, or a key of the wrong length, stops the server.
 * Every node of a cluster needs the same key.
 */
final class SecretKeyMaterial {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyMaterial.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SecretKeyMaterial() {}

  /**
   * @param configured the {@code ROSTER_SECRET_KEY} value, blank when unset
   * @param keyFile the key file to read, or to create when it does not exist
   */
  static SecretBox load(String configured, Path keyFile) {
    if (configured != null && !configured.isBlank()) {
      return new SecretBox(decode(configured.strip(), "ROSTER_SECRET_KEY"));
    }
    if (Files.notExists(keyFile)) {
      create(keyFile);
    }
    checkOwnerOnly(keyFile);
    try {
      String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
      return new SecretBox(decode(text, "the key file " + keyFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key file " + keyFile, e);
    }
  }

  private static void create(Path keyFile) {
    byte[] key = new byte[SecretBox.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n",
          StandardCharsets.US_ASCII);
      LOG.info("Created the secret key file {} (mode 0600). Back it up with the database: the "
          + "profiles' secrets cannot be read without it.", keyFile);
    } catch (FileAlreadyExistsException e) {
      // another node or process made it first: use theirs
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the secret key file " + keyFile, e);
    }
  }

  private static void checkOwnerOnly(Path keyFile) {
    PosixFileAttributeView view = Files.getFileAttributeView(keyFile, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: nothing to check
    }
    try {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      if (!OWNER_ONLY.containsAll(perms)) {
        throw new IllegalStateException("the secret key file " + keyFile + " is readable by others ("
            + PosixFilePermissions.toString(perms) + "): run chmod 600 on it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the permissions of " + keyFile, e);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not base64 (make one with: openssl rand -base64 32)");
    }
    if (key.length != SecretBox.KEY_BYTES) {
      throw new IllegalStateException(where + " holds " + key.length + " bytes; the secret key must be "
          + SecretBox.KEY_BYTES + " random bytes in base64 (openssl rand -base64 32)");
    }
    return key;
  }
}
