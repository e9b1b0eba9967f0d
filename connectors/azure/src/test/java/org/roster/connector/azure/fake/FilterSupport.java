package org.roster.connector.azure.fake;

import java.util.Map;
import java.util.Set;

/**
 * Which {@code $filter} operators Graph serves on which user properties by default, and which only
 * in advanced queries ({@code ConsistencyLevel: eventual} and {@code $count=true}), as listed in <a
 * href="https://learn.microsoft.com/en-us/graph/aad-advanced-queries">Advanced query capabilities
 * on Microsoft Entra ID objects</a> (where that table and the user resource page disagree, the more
 * lenient of the two). The user properties the fake knows are listed; other user properties and
 * group properties are not restricted. Refusals carry Graph's codes and messages.
 */
final class FilterSupport {

  /** Properties and the operators Graph serves on them without advanced queries. */
  private static final Map<String, Set<String>> USER_DEFAULT =
      Map.ofEntries(
          Map.entry("id", Set.of("eq", "in")),
          Map.entry("accountEnabled", Set.of("eq", "in")),
          Map.entry("userType", Set.of("eq", "in")),
          Map.entry("businessPhones", Set.of("eq", "startsWith")),
          Map.entry("userPrincipalName", Set.of("eq", "in", "startsWith")),
          Map.entry("mail", Set.of("eq", "in", "startsWith")),
          Map.entry("givenName", Set.of("eq", "in", "startsWith")),
          Map.entry("surname", Set.of("eq", "in", "startsWith")),
          Map.entry("displayName", Set.of("eq", "in", "startsWith")),
          Map.entry("jobTitle", Set.of("eq", "in", "startsWith")),
          Map.entry("department", Set.of("eq", "in", "startsWith")),
          Map.entry("employeeId", Set.of("eq", "in", "startsWith")),
          Map.entry("otherMails", Set.of("eq", "in", "startsWith")),
          Map.entry("proxyAddresses", Set.of("eq", "startsWith")),
          Map.entry("city", Set.of("eq", "in", "startsWith")),
          Map.entry("country", Set.of("eq", "in", "startsWith")));

  /** Properties Graph filters only in advanced queries. */
  private static final Set<String> USER_ADVANCED =
      Set.of(
          "companyName",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "onPremisesSamAccountName",
          "onPremisesExtensionAttributes");

  private FilterSupport() {}

  /**
   * Throws {@link ODataEval.Unsupported} (400 {@code Request_UnsupportedQuery}) when Graph would
   * refuse the operator on a user property in a request without advanced query parameters.
   */
  static void checkUser(String property, String operator, boolean advanced) {
    Set<String> served = USER_DEFAULT.get(property);
    boolean modelled = served != null || USER_ADVANCED.contains(property);
    if (!modelled || advanced || served != null && served.contains(operator)) {
      return; // a property the fake does not model is not restricted
    }
    if (USER_ADVANCED.contains(property)) {
      throw new ODataEval.Unsupported(
          "Operator '"
              + operator
              + "' is not supported because the required parameters might be missing. Try adding"
              + " $count=true query parameter and ConsistencyLevel:eventual header. Refer to"
              + " https://aka.ms/graph-docs/advanced-queries for more information",
          false);
    }
    throw new ODataEval.Unsupported(
        "Unsupported or invalid query filter clause specified for property '"
            + property
            + "' of resource 'User'.",
        false);
  }
}
