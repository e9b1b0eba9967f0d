package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.SyncPolicy;

/** A profile's sync policy as the API shows it; see {@link SyncPolicy} for each field. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyResponse(
    boolean enableUsersAfterImport,
    boolean grantLicences,
    boolean synchronizeOnlyGroups,
    boolean requireGroupMembership,
    boolean nestedGroups,
    List<String> synchronizedGroups,
    List<String> includeRules,
    List<String> excludeRules,
    Threshold threshold) {

  /**
   * The deletion circuit-breaker: {@code percent} % of the users or {@code absolute}, the smaller.
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Threshold(int percent, int absolute) {
    static Threshold from(DeletionThreshold threshold) {
      return new Threshold(threshold.percent(), threshold.absolute());
    }
  }

  public static PolicyResponse from(SyncPolicy policy) {
    return new PolicyResponse(
        policy.enableUsersAfterImport(),
        policy.grantLicences(),
        policy.synchronizeOnlyGroups(),
        policy.requireGroupMembership(),
        policy.nestedGroups(),
        policy.synchronizedGroups().stream().sorted().toList(),
        policy.includeRules(),
        policy.excludeRules(),
        Threshold.from(policy.threshold()));
  }
}
