package org.roster.connector.azure;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * Which groups a profile synchronizes: those matching {@code groupsFilter} (on the server) and,
 * when {@code groups} lists any, only those whose display name or object id is listed
 * (case-insensitive, like Entra ID itself). With neither, every group of the tenant.
 *
 * @param namesOrIds display names or object ids (setting {@code groups}); empty for all
 * @param filter the groups filter (setting {@code groupsFilter})
 */
public record GroupSelection(List<String> namesOrIds, Optional<ODataFilter> filter) {

  public GroupSelection {
    namesOrIds = List.copyOf(namesOrIds);
    Objects.requireNonNull(filter, "'filter' must not be null");
  }

  static GroupSelection from(RawSettings raw) {
    List<String> listed = raw.stringList(AzureSettings.GROUPS);
    for (int i = 0; i < listed.size(); i++) {
      if (listed.get(i).isBlank()) {
        throw new InvalidSettingsException(
            AzureSettings.GROUPS + "[" + i + "]", "must be a group's display name or object id");
      }
    }
    return new GroupSelection(
        listed.stream().map(String::strip).toList(),
        raw.optionalString(AzureSettings.GROUPS_FILTER)
            .map(f -> ODataFilter.translate(AzureSettings.GROUPS_FILTER, f)));
  }

  /**
   * Tells whether a group the filter returned, by id and display name, is one of the listed ones
   * (always true when none are listed).
   */
  BiPredicate<String, String> selector() {
    if (namesOrIds.isEmpty()) {
      return (id, name) -> true;
    }
    Set<String> wanted = lowerCase();
    return (id, name) ->
        wanted.contains(id.toLowerCase(Locale.ROOT))
            || wanted.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The listed names and ids, lower case. */
  Set<String> lowerCase() {
    return namesOrIds.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
