package org.roster.connector.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.roster.connector.api.InvalidSettingsException;

/** RFC 4515 filters become Graph $filter expressions, or are refused naming the part. */
class ODataFilterTest {

  private static String odata(String ldap) {
    return ODataFilter.translate("usersFilter", ldap).odata();
  }

  private static void refused(String ldap, String part, String why) {
    assertThatThrownBy(() -> odata(ldap))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class, e -> assertThat(e.field()).isEqualTo("usersFilter"))
        .hasMessageContaining(part)
        .hasMessageContaining(why);
  }

  @Test
  void equalityBooleansAndPrefixes() {
    assertThat(odata("(department=Sales)")).isEqualTo("department eq 'Sales'");
    assertThat(odata("(accountEnabled=TRUE)")).isEqualTo("accountEnabled eq true");
    assertThat(odata("(securityEnabled=FALSE)")).isEqualTo("securityEnabled eq false");
    assertThat(odata("(displayName=Sales*)")).isEqualTo("startswith(displayName,'Sales')");
    assertThat(odata("(displayName=TRUE*)")).isEqualTo("startswith(displayName,'TRUE')");
  }

  @Test
  void junctionsNestWithParentheses() {
    assertThat(odata("(&(securityEnabled=TRUE)(displayName=Sales*))"))
        .isEqualTo("securityEnabled eq true and startswith(displayName,'Sales')");
    assertThat(odata("(|(department=Sales)(&(department=IT)(jobTitle=Dev*)))"))
        .isEqualTo("department eq 'Sales' or (department eq 'IT' and startswith(jobTitle,'Dev'))");
    assertThat(odata("(&(department=Sales))")).isEqualTo("department eq 'Sales'");
  }

  @Test
  void quotesAndEscapes() {
    assertThat(odata("(companyName=O'Brien \\28UK\\29)"))
        .isEqualTo("companyName eq 'O''Brien (UK)'");
    assertThat(odata("(displayName=Équipe*)")).isEqualTo("startswith(displayName,'Équipe')");
  }

  @Test
  void collectionsUseAny() {
    assertThat(odata("(groupTypes=Unified)")).isEqualTo("groupTypes/any(c:c eq 'Unified')");
    assertThat(odata("(proxyAddresses=smtp:*)"))
        .isEqualTo("proxyAddresses/any(c:startswith(c,'smtp:'))");
  }

  @Test
  void userInputIsQuotedInComparisonsBuiltForIt() {
    assertThat(ODataFilter.startsWith("surname", "O'Brien')"))
        .isEqualTo("startswith(surname,'O''Brien'')')");
    assertThat(ODataFilter.equalTo("displayName", "it's")).isEqualTo("displayName eq 'it''s'");
    assertThat(ODataFilter.startsWith("otherMails", "o'b"))
        .isEqualTo("otherMails/any(c:startswith(c,'o''b'))");
  }

  @Test
  void propertiesAreCollected() {
    assertThat(
            ODataFilter.translate("groupsFilter", "(&(securityEnabled=TRUE)(displayName=S*))")
                .properties())
        .containsExactlyInAnyOrder("securityEnabled", "displayName");
  }

  @Test
  void whatGraphCannotEvaluateIsRefused() {
    refused("(!(department=Sales))", "(!(department=Sales))", "negation");
    refused("(mail=*)", "(mail=*)", "presence");
    refused("(employeeId>=100)", "(employeeId>=100)", "ordering");
    refused("(employeeId<=100)", "(employeeId<=100)", "ordering");
    refused("(displayName~=Sales)", "(displayName~=Sales)", "approximate");
    refused("(displayName=*Sales)", "(displayName=*Sales)", "trailing wildcard");
    refused("(displayName=Sa*es)", "(displayName=Sa*es)", "trailing wildcard");
    refused("(displayName=S*a*)", "(displayName=S*a*)", "trailing wildcard");
    refused("(&)", "(&)", "empty AND or OR");
    refused("(cn:caseExactMatch:=x)", "caseExactMatch", "extensible");
    refused("(1.2.3=x)", "'1.2.3' is not a Graph property", "");
    refused("(&(department=Sales)(!(jobTitle=x)))", "(!(jobTitle=x))", "negation");
  }
}
