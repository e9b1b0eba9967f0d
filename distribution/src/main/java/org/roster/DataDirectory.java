package org.roster;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Roster's data directory ({@code roster.data-dir}, env {@code ROSTER_DATA_DIR}, default {@code
 * ./data}): the embedded H2 database and the demo's drop folder. Created at start-up.
 */
@Context
public class DataDirectory {
  private final Path path;

  public DataDirectory(@Value("${roster.data-dir:./data}") String configured) {
    this.path = Path.of(configured).toAbsolutePath().normalize();
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + path, e);
    }
  }

  public Path path() {
    return path;
  }

  public Path resolve(String other) {
    return path.resolve(other);
  }
}
