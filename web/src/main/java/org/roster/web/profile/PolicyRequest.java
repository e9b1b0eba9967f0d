package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.SyncPolicy;
import org.roster.web.error.FieldNames;
import org.roster.web.json.StrictBoolean;
import org.roster.web.json.StrictInteger;
import org.roster.web.json.StrictStringList;

/**
 * A profile's sync policy as a client writes it: every field optional, a missing one keeps the
 * type's default.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record PolicyRequest(
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean enableUsersAfterImport,
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean grantLicences,
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean synchronizeOnlyGroups,
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean requireGroupMembership,
    @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean nestedGroups,
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class)
        List<String> synchronizedGroups,
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class) List<String> includeRules,
    @Nullable @Serdeable.Deserializable(using = StrictStringList.class) List<String> excludeRules,
    @Nullable Threshold threshold) {

  /** The deletion circuit-breaker as a client writes it; a missing field keeps the default. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Threshold(
      @Nullable @Serdeable.Deserializable(using = StrictInteger.class) Integer percent,
      @Nullable @Serdeable.Deserializable(using = StrictInteger.class) Integer absolute) {
    DeletionThreshold over(DeletionThreshold defaults) {
      return named(
          "policy.threshold",
          () ->
              new DeletionThreshold(
                  Objects.requireNonNullElse(percent, defaults.percent()),
                  Objects.requireNonNullElse(absolute, defaults.absolute())));
    }
  }

  /** {@code defaults} with the fields this request sets replaced. */
  SyncPolicy over(SyncPolicy defaults) {
    DeletionThreshold deletion =
        threshold == null ? defaults.threshold() : threshold.over(defaults.threshold());
    return named(
        "policy",
        () ->
            new SyncPolicy(
                or(enableUsersAfterImport, defaults.enableUsersAfterImport()),
                or(grantLicences, defaults.grantLicences()),
                or(synchronizeOnlyGroups, defaults.synchronizeOnlyGroups()),
                or(requireGroupMembership, defaults.requireGroupMembership()),
                or(nestedGroups, defaults.nestedGroups()),
                synchronizedGroups == null
                    ? defaults.synchronizedGroups()
                    : new HashSet<>(synchronizedGroups),
                Objects.requireNonNullElse(includeRules, defaults.includeRules()),
                Objects.requireNonNullElse(excludeRules, defaults.excludeRules()),
                deletion));
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  /**
   * Builds a domain value, renaming the field its check names to the client's path: {@code
   * 'includeRules'} becomes {@code 'policy.includeRules'}.
   */
  static <T> T named(String prefix, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String field = FieldNames.leadingIn(e.getMessage()).orElse(null);
      if (field == null) {
        throw new InvalidRequestException(prefix, "'" + prefix + "': " + e.getMessage());
      }
      String path = prefix + "." + field;
      throw new InvalidRequestException(
          path, e.getMessage().replaceFirst("^'" + field + "'", "'" + path + "'"));
    }
  }
}
