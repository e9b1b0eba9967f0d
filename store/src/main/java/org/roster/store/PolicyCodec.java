package org.roster.store;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.SyncPolicy;

/**
 * A {@link SyncPolicy} as the JSON text of {@code profile.policy}. Written field by field, so the
 * stored form does not follow renames in the domain by accident; a field missing from stored text
 * (a policy saved before the field existed) reads as its default.
 */
@Singleton
final class PolicyCodec {
  private static final SyncPolicy DEFAULTS = SyncPolicy.defaults(false);

  private final JsonCodec json;

  PolicyCodec(JsonCodec json) {
    this.json = json;
  }

  String encode(SyncPolicy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enableUsersAfterImport", p.enableUsersAfterImport());
    m.put("grantLicences", p.grantLicences());
    m.put("synchronizeOnlyGroups", p.synchronizeOnlyGroups());
    m.put("requireGroupMembership", p.requireGroupMembership());
    m.put("nestedGroups", p.nestedGroups());
    m.put("synchronizedGroups", p.synchronizedGroups().stream().sorted().toList());
    m.put("includeRules", p.includeRules());
    m.put("excludeRules", p.excludeRules());
    m.put("thresholdPercent", p.threshold().percent());
    m.put("thresholdAbsolute", p.threshold().absolute());
    return json.write(m);
  }

  SyncPolicy decode(String stored) {
    Map<String, Object> m = json.objectMap(stored);
    return new SyncPolicy(
        bool(m, "enableUsersAfterImport", DEFAULTS.enableUsersAfterImport()),
        bool(m, "grantLicences", DEFAULTS.grantLicences()),
        bool(m, "synchronizeOnlyGroups", DEFAULTS.synchronizeOnlyGroups()),
        bool(m, "requireGroupMembership", DEFAULTS.requireGroupMembership()),
        bool(m, "nestedGroups", DEFAULTS.nestedGroups()),
        Set.copyOf(strings(m, "synchronizedGroups")),
        strings(m, "includeRules"),
        strings(m, "excludeRules"),
        new DeletionThreshold(
            number(m, "thresholdPercent", DEFAULTS.threshold().percent()),
            number(m, "thresholdAbsolute", DEFAULTS.threshold().absolute())));
  }

  private static boolean bool(Map<String, Object> m, String key, boolean absent) {
    return m.get(key) instanceof Boolean b ? b : absent;
  }

  private static int number(Map<String, Object> m, String key, int absent) {
    return m.get(key) instanceof Number n ? n.intValue() : absent;
  }

  private static List<String> strings(Map<String, Object> m, String key) {
    return m.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
