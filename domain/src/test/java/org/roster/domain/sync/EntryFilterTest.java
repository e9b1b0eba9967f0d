package org.roster.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 4515 filters, the one filter language of every source. */
class EntryFilterTest {
  private static final Map<String, String> ANN = Map.of(
      "login", "ann", "email", "Ann.Smith@Corp.com", "title", "Sales (EMEA) *lead*", "department", "Sales");

  private static boolean matches(String filter) {
    return EntryFilter.parse(filter, "includeRules").matches(ANN::get);
  }

  @Test
  void equalityIsCaseInsensitive() {
    assertThat(matches("(department=sales)")).isTrue();
    assertThat(matches("(department=Support)")).isFalse();
  }

  @Test
  void presenceAndAbsence() {
    assertThat(matches("(email=*)")).isTrue();
    assertThat(matches("(phone=*)")).isFalse();
    assertThat(matches("(!(phone=*))")).isTrue();
  }

  @Test
  void substrings() {
    assertThat(matches("(email=*@corp.com)")).isTrue();
    assertThat(matches("(email=ann*)")).isTrue();
    assertThat(matches("(email=a*smith*com)")).isTrue();
    assertThat(matches("(email=*@other.com)")).isFalse();
    assertThat(matches("(login=an*nn)")).isFalse(); // initial and final may not overlap
  }

  @Test
  void andOrNot() {
    assertThat(matches("(&(department=sales)(|(login=bob)(login=ann)))")).isTrue();
    assertThat(matches("(&(department=sales)(!(login=ann)))")).isFalse();
  }

  @Test
  void escapesStandForTheirBytes() {
    assertThat(matches("(title=Sales \\28EMEA\\29 \\2alead\\2a)")).isTrue();
    assertThat(matches("(title=*\\2alead\\2a)")).isTrue();
  }

  @Test
  void orderingComparesLexically() {
    assertThat(matches("(login>=am)")).isTrue();
    assertThat(matches("(login<=am)")).isFalse();
  }

  @Test
  void errorsNameTheSettingAndThePosition() {
    assertThatThrownBy(() -> EntryFilter.parse("(department=sales", "excludeRules"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'excludeRules'")
        .hasMessageContaining("unexpected end of filter");
    assertThatThrownBy(() -> EntryFilter.parse("department=sales", "includeRules"))
        .hasMessageContaining("at position 1: expected '('");
    assertThatThrownBy(() -> EntryFilter.parse("(title=a\\zz)", "includeRules"))
        .hasMessageContaining("invalid escape");
    assertThatThrownBy(() -> EntryFilter.parse("(&)", "includeRules"))
        .hasMessageContaining("needs at least one filter");
    assertThatThrownBy(() -> EntryFilter.parse("(a=b)(c=d)", "includeRules"))
        .hasMessageContaining("unexpected text after the filter");
  }
}
