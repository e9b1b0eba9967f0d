package org.roster.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The five cron fields, their syntax, the day rule and the error messages. */
class CronExpressionTest {

  static LocalDateTime t(String local) {
    return LocalDateTime.parse(local);
  }

  /** The next {@code n} matches after {@code from}. */
  static List<LocalDateTime> next(String expression, String from, int n) {
    CronExpression cron = CronExpression.parse(expression);
    List<LocalDateTime> out = new ArrayList<>();
    LocalDateTime after = t(from);
    for (int i = 0; i < n; i++) {
      after = cron.nextAfter(after);
      out.add(after);
    }
    return out;
  }

  @Test
  void everyMinuteIsTheNextWholeMinute() {
    assertThat(next("* * * * *", "2025-01-10T10:15:30", 2))
        .containsExactly(t("2025-01-10T10:16"), t("2025-01-10T10:17"));
    assertThat(next("* * * * *", "2025-12-31T23:59", 1)).containsExactly(t("2026-01-01T00:00"));
  }

  @Test
  void valuesListsRangesAndSteps() {
    assertThat(next("30 2 * * *", "2025-01-10T02:30", 1)).containsExactly(t("2025-01-11T02:30"));
    assertThat(next("0 8,12,18 * * *", "2025-01-10T09:00", 3))
        .containsExactly(t("2025-01-10T12:00"), t("2025-01-10T18:00"), t("2025-01-11T08:00"));
    assertThat(next("*/20 * * * *", "2025-01-10T10:00", 3))
        .containsExactly(t("2025-01-10T10:20"), t("2025-01-10T10:40"), t("2025-01-10T11:00"));
    assertThat(next("10-50/20 * * * *", "2025-01-10T10:00", 4))
        .containsExactly(
            t("2025-01-10T10:10"), t("2025-01-10T10:30"), t("2025-01-10T10:50"), t("2025-01-10T11:10"));
    assertThat(next("5/15 * * * *", "2025-01-10T10:00", 5))
        .containsExactly(
            t("2025-01-10T10:05"),
            t("2025-01-10T10:20"),
            t("2025-01-10T10:35"),
            t("2025-01-10T10:50"),
            t("2025-01-10T11:05"));
    assertThat(next("0 9-17/4 * * *", "2025-01-10T00:00", 4))
        .containsExactly(
            t("2025-01-10T09:00"), t("2025-01-10T13:00"), t("2025-01-10T17:00"), t("2025-01-11T09:00"));
  }

  @Test
  void workingDaysByName() {
    // Friday 17 January 2025 after 17:00: Monday 09:00
    assertThat(next("0 9-17 * * MON-FRI", "2025-01-17T17:00", 2))
        .containsExactly(t("2025-01-20T09:00"), t("2025-01-20T10:00"));
  }

  @Test
  void monthAndDayNamesIgnoreCaseAndMixWithNumbers() {
    assertThat(next("0 0 1 jan,Jul *", "2025-01-01T00:00", 2))
        .containsExactly(t("2025-07-01T00:00"), t("2026-01-01T00:00"));
    assertThat(next("0 0 * 2-mar * ", "2025-01-01T00:00", 1)).containsExactly(t("2025-02-01T00:00"));
    assertThat(next("0 12 * * sat,1", "2025-01-10T00:00", 2)) // Friday 10 January
        .containsExactly(t("2025-01-11T12:00"), t("2025-01-13T12:00"));
  }

  @Test
  void sundayIsZeroAndSeven() {
    // Sunday 12 January 2025
    assertThat(next("0 6 * * 0", "2025-01-10T00:00", 1)).containsExactly(t("2025-01-12T06:00"));
    assertThat(next("0 6 * * 7", "2025-01-10T00:00", 1)).containsExactly(t("2025-01-12T06:00"));
    assertThat(next("0 6 * * 5-7", "2025-01-10T07:00", 2))
        .containsExactly(t("2025-01-11T06:00"), t("2025-01-12T06:00"));
  }

  @Test
  void bothDayFieldsRestrictedMatchEitherOne() {
    // the 13th or any Friday: Friday 17 Jan, then Friday 24, Friday 31, Thursday 13 Feb
    List<LocalDate> days =
        next("0 0 13 * FRI", "2025-01-14T00:00", 4).stream().map(LocalDateTime::toLocalDate).toList();
    assertThat(days)
        .containsExactly(
            LocalDate.parse("2025-01-17"),
            LocalDate.parse("2025-01-24"),
            LocalDate.parse("2025-01-31"),
            LocalDate.parse("2025-02-07"));
    assertThat(next("0 0 13 * FRI", "2025-02-07T00:00", 1)).containsExactly(t("2025-02-13T00:00"));
  }

  @Test
  void aDayFieldStartingWithAStarLeavesTheOtherToDecideWithAnd() {
    // day-of-month */2 (odd days) and Monday: both must match, as in Vixie cron
    List<LocalDate> days =
        next("0 0 */2 * MON", "2025-01-01T00:00", 3).stream().map(LocalDateTime::toLocalDate).toList();
    assertThat(days)
        .containsExactly(
            LocalDate.parse("2025-01-13"), LocalDate.parse("2025-01-27"), LocalDate.parse("2025-02-03"));
    assertThat(next("0 0 15 * *", "2025-01-16T00:00", 1)).containsExactly(t("2025-02-15T00:00"));
  }

  @Test
  void leapDayOnlyComesEveryFourYearsButNotIn2100() {
    assertThat(next("0 0 29 2 *", "2025-03-01T00:00", 2))
        .containsExactly(t("2028-02-29T00:00"), t("2032-02-29T00:00"));
    assertThat(next("0 0 29 2 *", "2096-03-01T00:00", 1)).containsExactly(t("2104-02-29T00:00"));
  }

  @Test
  void theLastDayTheMonthHas() {
    assertThat(next("0 0 31 * *", "2025-01-31T00:00", 2))
        .containsExactly(t("2025-03-31T00:00"), t("2025-05-31T00:00"));
  }

  @Test
  void shorthands() {
    assertThat(next("@hourly", "2025-01-10T10:15", 1)).containsExactly(t("2025-01-10T11:00"));
    assertThat(next("@daily", "2025-01-10T10:15", 1)).containsExactly(t("2025-01-11T00:00"));
    assertThat(next("@MIDNIGHT", "2025-01-10T10:15", 1)).containsExactly(t("2025-01-11T00:00"));
    assertThat(next("@weekly", "2025-01-10T10:15", 1)).containsExactly(t("2025-01-12T00:00"));
    assertThat(next("@monthly", "2025-01-10T10:15", 1)).containsExactly(t("2025-02-01T00:00"));
    assertThat(next("@yearly", "2025-01-10T10:15", 1)).containsExactly(t("2026-01-01T00:00"));
    assertThat(next("@annually", "2025-01-10T10:15", 1)).containsExactly(t("2026-01-01T00:00"));
  }

  @Test
  void textKeepsWhatWasWrittenWithWhitespaceCollapsed() {
    CronExpression cron = CronExpression.parse("  0   2 * *\tMON ");
    assertThat(cron).hasToString("0 2 * * MON").isEqualTo(CronExpression.parse("0 2 * * MON"));
    assertThat(cron.hashCode()).isEqualTo(CronExpression.parse("0 2 * * MON").hashCode());
    assertThat(cron).isNotEqualTo(CronExpression.parse("0 2 * * 1"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "61 * * * *    | 'expression' has a bad minute field '61': 61 is out of range 0-59",
        "* 24 * * *    | 'expression' has a bad hour field '24': 24 is out of range 0-23",
        "* * 0 * *     | 'expression' has a bad day-of-month field '0': 0 is out of range 1-31",
        "* * 32 * *    | 'expression' has a bad day-of-month field '32': 32 is out of range 1-31",
        "* * * 13 *    | 'expression' has a bad month field '13': 13 is out of range 1-12",
        "* * * FOO *   | 'expression' has a bad month field 'FOO': 'FOO' is not a number or a name such as JAN",
        "* * * * 8     | 'expression' has a bad day-of-week field '8': 8 is out of range 0-7",
        "* * * * MOX   | 'expression' has a bad day-of-week field 'MOX': 'MOX' is not a number or a name such as SUN",
        "* * * * FRI-MON | 'expression' has a bad day-of-week field 'FRI-MON': the range FRI-MON runs backwards",
        "*/0 * * * *   | 'expression' has a bad minute field '*/0': a step must be at least 1",
        "*/x * * * *   | 'expression' has a bad minute field '*/x': the step 'x' is not a number",
        "1,,2 * * * *  | 'expression' has a bad minute field '1,,2': an empty list item",
        "5-1 * * * *   | 'expression' has a bad minute field '5-1': the range 5-1 runs backwards",
        "? * * * *     | 'expression' has a bad minute field '?': '?' is not a number",
        "0 L * * *     | 'expression' has a bad hour field 'L': 'L' is not a number",
        "* * * *       | 'expression' must have 5 fields (minute hour day-of-month month day-of-week), not 4",
        "0 * * * * *   | 'expression' must have 5 fields (minute hour day-of-month month day-of-week), not 6",
        "@reboot       | 'expression' '@reboot' is not a known shorthand; use @hourly, @daily, @midnight, @weekly, @monthly, @yearly or @annually",
        "0 0 31 2 *    | 'expression' never runs: no month it allows has a day of month it asks for ('31' in '2')",
        "0 0 30,31 FEB * | 'expression' never runs: no month it allows has a day of month it asks for ('30,31' in 'FEB')",
      })
  void aBadExpressionIsRefusedNamingTheCronField(String expression, String message) {
    assertThatThrownBy(() -> CronExpression.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aBlankExpressionIsRefused() {
    assertThatThrownBy(() -> CronExpression.parse(" ")).hasMessage("'expression' must not be blank");
    assertThatThrownBy(() -> CronExpression.parse(null)).hasMessage("'expression' must not be blank");
  }

  @Test
  void theDayOfWeekRuleStillAllowsAnImpossibleDayOfMonth() {
    // 31 February never comes, but every Monday of February does
    assertThat(next("0 0 31 2 MON", "2025-01-01T00:00", 1)).containsExactly(t("2025-02-03T00:00"));
  }
}
