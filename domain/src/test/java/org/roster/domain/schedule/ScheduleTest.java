package org.roster.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every kind of schedule: its next instant, month ends, leap years and both DST changes. */
class ScheduleTest {
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static LocalTime time(String hhmm) {
    return LocalTime.parse(hhmm);
  }

  /** The first {@code n} instants of a schedule after {@code from}. */
  static List<Instant> first(int n, Schedule schedule, String from) {
    List<Instant> out = new ArrayList<>();
    Instant after = at(from);
    for (int i = 0; i < n; i++) {
      after = schedule.next(after);
      out.add(after);
    }
    return out;
  }

  @Nested
  class EveryHoursKind {
    @Test
    void runsOnTheHoursCountedFromMidnightAtTheMinute() {
      EveryHours every6 = new EveryHours(6, 15, UTC);
      assertThat(first(5, every6, "2025-01-10T05:00:00Z"))
          .containsExactly(
              at("2025-01-10T06:15:00Z"),
              at("2025-01-10T12:15:00Z"),
              at("2025-01-10T18:15:00Z"),
              at("2025-01-11T00:15:00Z"),
              at("2025-01-11T06:15:00Z"));
    }

    @Test
    void anIntervalThatDoesNotDivideTheDayRestartsAtMidnight() {
      assertThat(first(6, new EveryHours(5, 0, UTC), "2025-01-10T00:00:00Z"))
          .containsExactly(
              at("2025-01-10T05:00:00Z"),
              at("2025-01-10T10:00:00Z"),
              at("2025-01-10T15:00:00Z"),
              at("2025-01-10T20:00:00Z"),
              at("2025-01-11T00:00:00Z"),
              at("2025-01-11T05:00:00Z"));
      assertThat(first(2, new EveryHours(24, 30, UTC), "2025-01-10T00:30:00Z"))
          .containsExactly(at("2025-01-11T00:30:00Z"), at("2025-01-12T00:30:00Z"));
    }

    @Test
    void followsTheZonesWallClock() {
      // Kolkata is UTC+05:30: every 12 hours at :00 is 00:00 and 12:00 there
      ZoneId kolkata = ZoneId.of("Asia/Kolkata");
      assertThat(first(2, new EveryHours(12, 0, kolkata), "2025-01-10T00:00:00Z"))
          .containsExactly(at("2025-01-10T06:30:00Z"), at("2025-01-10T18:30:00Z"));
    }

    @Test
    void hourlyRunsOnceForTheSkippedAndOnceForTheRepeatedHour() {
      EveryHours hourly = new EveryHours(1, 0, BERLIN);
      // 30 March 2025: 02:00 CET jumps to 03:00 CEST; 02:00 and 03:00 are the same instant
      assertThat(first(3, hourly, "2025-03-29T23:30:00Z"))
          .containsExactly(
              at("2025-03-30T00:00:00Z"), // 01:00 CET
              at("2025-03-30T01:00:00Z"), // 02:00 does not exist: 03:00 CEST, once
              at("2025-03-30T02:00:00Z")); // 04:00 CEST
      // 26 October 2025: 03:00 CEST falls back to 02:00 CET; 02:00 is run at its first occurrence
      assertThat(first(3, hourly, "2025-10-25T23:30:00Z"))
          .containsExactly(
              at("2025-10-26T00:00:00Z"), // 02:00 CEST
              at("2025-10-26T02:00:00Z"), // 03:00 CET (02:00 CET, the repeat, is not run)
              at("2025-10-26T03:00:00Z")); // 04:00 CET
    }

    @Test
    void refusesHoursAndMinutesOutOfRange() {
      assertThatThrownBy(() -> new EveryHours(0, 0, UTC))
          .hasMessage("'hours' must be between 1 and 24, not 0");
      assertThatThrownBy(() -> new EveryHours(25, 0, UTC)).hasMessageStartingWith("'hours'");
      assertThatThrownBy(() -> new EveryHours(1, 60, UTC))
          .hasMessage("'minute' must be between 0 and 59, not 60");
      assertThatThrownBy(() -> new EveryHours(1, 0, null)).hasMessage("'zone' must not be null");
    }
  }

  @Nested
  class DailyKind {
    @Test
    void runsEveryDayAtTheTimeAndNeverTwiceForTheSameInstant() {
      Daily daily = new Daily(time("02:30"), UTC);
      assertThat(daily.next(at("2025-01-10T01:00:00Z"))).isEqualTo(at("2025-01-10T02:30:00Z"));
      assertThat(daily.next(at("2025-01-10T02:30:00Z"))).isEqualTo(at("2025-01-11T02:30:00Z"));
      assertThat(daily.next(at("2025-01-10T02:29:59.999Z"))).isEqualTo(at("2025-01-10T02:30:00Z"));
    }

    @Test
    void aTimeInTheSpringForwardGapRunsAtTheFirstInstantAfterIt() {
      Daily daily = new Daily(time("02:30"), BERLIN);
      assertThat(first(3, daily, "2025-03-28T12:00:00Z"))
          .containsExactly(
              at("2025-03-29T01:30:00Z"), // 02:30 CET
              at("2025-03-30T01:00:00Z"), // 02:30 does not exist: 03:00 CEST, the end of the gap
              at("2025-03-31T00:30:00Z")); // 02:30 CEST
    }

    @Test
    void aTimeThatOccursTwiceInTheFallBackRunsOnceAtItsFirstOccurrence() {
      Daily daily = new Daily(time("02:30"), BERLIN);
      assertThat(first(3, daily, "2025-10-25T12:00:00Z"))
          .containsExactly(
              at("2025-10-26T00:30:00Z"), // 02:30 CEST, the first of the two
              at("2025-10-27T01:30:00Z"), // 02:30 CET the next day; not 01:30Z on the 26th
              at("2025-10-28T01:30:00Z"));
      // asked from between the two occurrences, it does not run the second one
      assertThat(daily.next(at("2025-10-26T01:00:00Z"))).isEqualTo(at("2025-10-27T01:30:00Z"));
    }

    @Test
    void americanChangesToo() {
      Daily daily = new Daily(time("02:15"), NEW_YORK);
      // 9 March 2025: 02:00 EST jumps to 03:00 EDT
      assertThat(daily.next(at("2025-03-09T05:00:00Z"))).isEqualTo(at("2025-03-09T07:00:00Z"));
      // 2 November 2025: 02:00 EDT falls back to 01:00 EST; 02:15 exists once, in EST
      assertThat(daily.next(at("2025-11-02T04:00:00Z"))).isEqualTo(at("2025-11-02T07:15:00Z"));
    }

    @Test
    void aHalfHourChangeMovesAGapTimeToTheHalfHour() {
      // Lord Howe Island moves its clock by 30 minutes: 02:00 becomes 02:30 on 5 October 2025
      Daily daily = new Daily(time("02:15"), ZoneId.of("Australia/Lord_Howe"));
      assertThat(daily.next(at("2025-10-04T12:00:00Z"))).isEqualTo(at("2025-10-04T15:30:00Z"));
    }

    @Test
    void overTwoYearsItRunsOncePerDayWhateverTheChanges() {
      Daily daily = new Daily(time("02:30"), BERLIN);
      Set<LocalDate> days = new HashSet<>();
      Instant after = at("2024-01-01T00:00:00Z");
      int runs = 0;
      while (after.isBefore(at("2026-01-01T00:00:00Z"))) {
        Instant next = daily.next(after);
        assertThat(next).isAfter(after);
        after = next;
        runs++;
        days.add(LocalDate.ofInstant(next, BERLIN));
      }
      assertThat(runs).isEqualTo(366 + 365 + 1);
      assertThat(days).hasSize(runs);
    }

    @Test
    void refusesATimeWithSeconds() {
      assertThatThrownBy(() -> new Daily(time("02:30:10"), UTC))
          .hasMessage("'time' must be a time to the minute (HH:mm), not 02:30:10");
      assertThatThrownBy(() -> new Daily(null, UTC)).hasMessage("'time' must not be null");
    }
  }

  @Nested
  class WeeklyKind {
    @Test
    void runsOnTheDayOfTheWeekAtTheTime() {
      Weekly weekly = new Weekly(DayOfWeek.MONDAY, time("09:00"), BERLIN);
      // Sunday 12 January 2025
      assertThat(weekly.next(at("2025-01-12T10:00:00Z"))).isEqualTo(at("2025-01-13T08:00:00Z"));
      // Monday after the time: the next Monday
      assertThat(weekly.next(at("2025-01-13T08:00:00Z"))).isEqualTo(at("2025-01-20T08:00:00Z"));
      // Monday before the time: today
      assertThat(weekly.next(at("2025-01-13T07:59:00Z"))).isEqualTo(at("2025-01-13T08:00:00Z"));
      // across the spring change the wall clock stays at 09:00
      assertThat(weekly.next(at("2025-03-28T00:00:00Z"))).isEqualTo(at("2025-03-31T07:00:00Z"));
    }

    @Test
    void refusesAMissingDay() {
      assertThatThrownBy(() -> new Weekly(null, time("09:00"), UTC))
          .hasMessage("'dayOfWeek' must not be null");
    }
  }

  @Nested
  class MonthlyKind {
    @Test
    void aDayPastTheEndOfAMonthRunsOnItsLastDay() {
      Monthly monthly = new Monthly(31, time("03:00"), UTC);
      assertThat(first(5, monthly, "2025-01-01T00:00:00Z"))
          .containsExactly(
              at("2025-01-31T03:00:00Z"),
              at("2025-02-28T03:00:00Z"),
              at("2025-03-31T03:00:00Z"),
              at("2025-04-30T03:00:00Z"),
              at("2025-05-31T03:00:00Z"));
    }

    @Test
    void februaryOfALeapYearHasTwentyNineDays() {
      assertThat(new Monthly(30, time("03:00"), UTC).next(at("2024-02-01T00:00:00Z")))
          .isEqualTo(at("2024-02-29T03:00:00Z"));
      assertThat(new Monthly(29, time("03:00"), UTC).next(at("2025-02-01T00:00:00Z")))
          .isEqualTo(at("2025-02-28T03:00:00Z"));
      assertThat(new Monthly(29, time("03:00"), UTC).next(at("2028-02-01T00:00:00Z")))
          .isEqualTo(at("2028-02-29T03:00:00Z"));
      // 2100 is not a leap year
      assertThat(new Monthly(29, time("03:00"), UTC).next(at("2100-02-01T00:00:00Z")))
          .isEqualTo(at("2100-02-28T03:00:00Z"));
    }

    @Test
    void anEarlyDayRunsEveryMonthAndTheYearRollsOver() {
      assertThat(first(2, new Monthly(1, time("00:00"), BERLIN), "2025-12-15T00:00:00Z"))
          .containsExactly(at("2025-12-31T23:00:00Z"), at("2026-01-31T23:00:00Z"));
    }

    @Test
    void refusesADayOutOfRange() {
      assertThatThrownBy(() -> new Monthly(0, time("03:00"), UTC))
          .hasMessage("'dayOfMonth' must be between 1 and 31, not 0");
      assertThatThrownBy(() -> new Monthly(32, time("03:00"), UTC))
          .hasMessageStartingWith("'dayOfMonth'");
    }
  }

  @Nested
  class EveryDaysKind {
    @Test
    void runsOnTheStartDateAndEveryNDaysAfter() {
      EveryDays every3 = new EveryDays(3, time("04:00"), LocalDate.parse("2025-01-01"), UTC);
      assertThat(every3.next(at("2024-12-01T00:00:00Z"))).isEqualTo(at("2025-01-01T04:00:00Z"));
      assertThat(first(3, every3, "2025-01-01T04:00:00Z"))
          .containsExactly(
              at("2025-01-04T04:00:00Z"), at("2025-01-07T04:00:00Z"), at("2025-01-10T04:00:00Z"));
      assertThat(every3.next(at("2025-01-05T00:00:00Z"))).isEqualTo(at("2025-01-07T04:00:00Z"));
      assertThat(every3.next(at("2025-01-07T03:59:00Z"))).isEqualTo(at("2025-01-07T04:00:00Z"));
    }

    @Test
    void countsCalendarDaysAcrossALeapDayAndTheYearEnd() {
      EveryDays every2 = new EveryDays(2, time("12:00"), LocalDate.parse("2024-02-27"), UTC);
      assertThat(first(3, every2, "2024-02-27T13:00:00Z"))
          .containsExactly(
              at("2024-02-29T12:00:00Z"), at("2024-03-02T12:00:00Z"), at("2024-03-04T12:00:00Z"));
      EveryDays every10 = new EveryDays(10, time("12:00"), LocalDate.parse("2024-12-25"), UTC);
      assertThat(every10.next(at("2024-12-26T00:00:00Z"))).isEqualTo(at("2025-01-04T12:00:00Z"));
    }

    @Test
    void withoutAStartDateEveryNodePicksTheSameDays() {
      EveryDays every3 = new EveryDays(3, time("04:00"), null, UTC);
      Instant first = every3.next(at("2025-01-01T00:00:00Z"));
      assertThat(new EveryDays(3, time("04:00"), null, UTC).next(at("2025-01-01T00:00:00Z")))
          .isEqualTo(first);
      // days counted from 1970-01-01: 2025-01-03 is day 20091 = 3 * 6697
      assertThat(LocalDate.parse("2025-01-03").toEpochDay()).isEqualTo(3 * 6697);
      assertThat(first).isEqualTo(at("2025-01-03T04:00:00Z"));
      assertThat(every3.next(first)).isEqualTo(at("2025-01-06T04:00:00Z"));
    }

    @Test
    void keepsTheWallClockTimeAcrossAChange() {
      EveryDays every2 = new EveryDays(2, time("02:30"), LocalDate.parse("2025-03-28"), BERLIN);
      assertThat(first(2, every2, "2025-03-27T00:00:00Z"))
          .containsExactly(at("2025-03-28T01:30:00Z"), at("2025-03-30T01:00:00Z"));
    }

    @Test
    void refusesAnIntervalOutOfRange() {
      assertThatThrownBy(() -> new EveryDays(0, time("04:00"), null, UTC))
          .hasMessage("'days' must be between 1 and 366, not 0");
    }
  }

  @Nested
  class CronKind {
    @Test
    void followsTheWallClockOfItsZone() {
      Cron cron = Cron.of("0 9 * * MON-FRI", BERLIN);
      // Friday 17 January 2025, 10:00 in Berlin: next is Monday 09:00 CET
      assertThat(cron.next(at("2025-01-17T09:00:00Z"))).isEqualTo(at("2025-01-20T08:00:00Z"));
    }

    @Test
    void minutesInTheGapCollapseIntoOneRunAtItsEnd() {
      Cron every15 = Cron.of("*/15 * * * *", BERLIN);
      assertThat(first(3, every15, "2025-03-30T00:50:00Z"))
          .containsExactly(
              at("2025-03-30T01:00:00Z"), // 02:00 (in the gap) = 03:00 CEST
              at("2025-03-30T01:15:00Z"), // 03:15 CEST
              at("2025-03-30T01:30:00Z"));
    }

    @Test
    void minutesInTheOverlapRunOnceAtTheirFirstOccurrence() {
      Cron every30 = Cron.of("*/30 2 * * *", BERLIN);
      assertThat(first(3, every30, "2025-10-25T23:00:00Z"))
          .containsExactly(
              at("2025-10-26T00:00:00Z"), // 02:00 CEST
              at("2025-10-26T00:30:00Z"), // 02:30 CEST
              at("2025-10-27T01:00:00Z")); // 02:00 CET the next day: the repeated hour is skipped
    }

    @Test
    void refusesABadExpressionNamingTheExpression() {
      assertThatThrownBy(() -> Cron.of("0 25 * * *", UTC))
          .hasMessage("'expression' has a bad hour field '25': 25 is out of range 0-23");
    }
  }

  @Test
  void zonesAreReadByNameOrOffsetAndAnUnknownOneIsRefused() {
    assertThat(Schedule.zoneOf("Europe/Berlin")).isEqualTo(BERLIN);
    assertThat(Schedule.zoneOf(" UTC ")).isEqualTo(ZoneId.of("UTC"));
    assertThat(Schedule.zoneOf("+02:00")).isEqualTo(ZoneOffset.ofHours(2));
    assertThatThrownBy(() -> Schedule.zoneOf("Mars/Olympus"))
        .hasMessage("'zone' must be a time zone such as Europe/Berlin or UTC, not 'Mars/Olympus'");
    assertThatThrownBy(() -> Schedule.zoneOf(" ")).hasMessage("'zone' must not be blank");
  }

  @Test
  void eachKindHasItsApiName() {
    assertThat(
            List.of(
                new EveryHours(1, 0, UTC).kind(),
                new Daily(time("01:00"), UTC).kind(),
                new Weekly(DayOfWeek.MONDAY, time("01:00"), UTC).kind(),
                new Monthly(1, time("01:00"), UTC).kind(),
                new EveryDays(2, time("01:00"), null, UTC).kind(),
                Cron.of("@daily", UTC).kind()))
        .containsExactly("everyHours", "daily", "weekly", "monthly", "everyDays", "cron");
  }
}
