package org.roster.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.web.json.StrictString;

/** An admin's own password change: {@code {"current": ..., "new": ...}}. Never printed. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record PasswordChangeRequest(
    @Nullable @Serdeable.Deserializable(using = StrictString.class) String current,
    @JsonProperty("new") @Nullable @Serdeable.Deserializable(using = StrictString.class)
        String newPassword) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[current=***, new=***]";
  }
}
