package org.roster.connector.api;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file found in a drop folder.
 *
 * @param path where it lies
 * @param size its size in bytes when it was found
 * @param modified its last-modified time when it was found
 */
public record DroppedFile(Path path, long size, Instant modified) {
  public DroppedFile {
    java.util.Objects.requireNonNull(path, "'path' must not be null");
    java.util.Objects.requireNonNull(modified, "'modified' must not be null");
  }

  public String name() {
    return path.getFileName().toString();
  }
}
