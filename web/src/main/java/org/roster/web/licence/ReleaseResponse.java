package org.roster.web.licence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;
import org.roster.application.port.in.SeatReleaseResult;
import org.roster.domain.identity.User;

/** What a release did: how many users it activated, who (first-come first), and the pool after. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReleaseResponse(int released, List<Released> users, LicenceResponse pool) {

  /** A user a release activated. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Released(UUID id, String login, UUID profileId) {
    static Released from(User user) {
      return new Released(user.id(), user.login(), user.profileId());
    }
  }

  static ReleaseResponse from(SeatReleaseResult result) {
    return new ReleaseResponse(
        result.released().size(),
        result.released().stream().map(Released::from).toList(),
        LicenceResponse.from(result.after()));
  }
}
