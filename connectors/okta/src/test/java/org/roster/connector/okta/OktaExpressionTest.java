package org.roster.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.roster.connector.okta.OktaExpression.Target;

/** RFC 4515 filters become Okta search expressions. */
class OktaExpressionTest {
  private static String users(String filter) {
    return OktaExpression.translate("usersFilter", filter, Target.USER).search();
  }

  @Test
  void equalityStartsWithAndRanges() {
    assertThat(users("(department=Sales)")).isEqualTo("profile.department eq \"Sales\"");
    assertThat(users("(profile.lastName=Smi*)")).isEqualTo("profile.lastName sw \"Smi\"");
    assertThat(users("(lastUpdated>=2024-01-01T00:00:00.000Z)"))
        .isEqualTo("lastUpdated ge \"2024-01-01T00:00:00.000Z\"");
    assertThat(users("(created<=2024-01-01T00:00:00.000Z)"))
        .isEqualTo("created le \"2024-01-01T00:00:00.000Z\"");
    assertThat(users("(employeeNumber=*)")).isEqualTo("profile.employeeNumber pr");
    assertThat(users("(type.id=oty1)")).isEqualTo("type.id eq \"oty1\"");
  }

  @Test
  void andOrNestWithParentheses() {
    assertThat(users("(&(status=ACTIVE)(|(department=Sales)(department=Support)))"))
        .isEqualTo(
            "status eq \"ACTIVE\" and (profile.department eq \"Sales\" or profile.department eq"
                + " \"Support\")");
    assertThat(users("(|(&(a=1)(b=2))(c=3))"))
        .isEqualTo("(profile.a eq \"1\" and profile.b eq \"2\") or profile.c eq \"3\"");
    assertThat(users("(&(status=ACTIVE))")).isEqualTo("status eq \"ACTIVE\"");
  }

  @Test
  void valuesAreQuotedAndEscaped() {
    assertThat(users("(title=say \\22hi\\22 \\5c o/)"))
        .isEqualTo("profile.title eq \"say \\\"hi\\\" \\\\ o/\"");
  }

  @Test
  void theAttributesTestedAreKnown() {
    OktaExpression e =
        OktaExpression.translate("groupsFilter", "(&(type=APP_GROUP)(name=A*))", Target.GROUP);
    assertThat(e.attributes()).containsExactlyInAnyOrder("type", "profile.name");
    assertThat(e.ldapFilter()).isEqualTo("(&(type=APP_GROUP)(name=A*))");
    assertThat(e.search()).isEqualTo("type eq \"APP_GROUP\" and profile.name sw \"A\"");
  }
}
