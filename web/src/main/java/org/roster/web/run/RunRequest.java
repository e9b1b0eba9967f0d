package org.roster.web.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.domain.sync.RunMode;
import org.roster.web.json.StrictString;

/** A request to run a profile now; {@code mode} is full (the default), incremental or dry-run. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record RunRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String mode) {

  /**
   * @throws IllegalArgumentException naming 'mode' when it is not a mode
   */
  RunMode runMode() {
    return mode == null ? RunMode.FULL : RunMode.fromWire(mode);
  }
}
