package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.domain.schedule.Cron;
import org.roster.domain.schedule.Daily;
import org.roster.domain.schedule.EveryDays;
import org.roster.domain.schedule.EveryHours;
import org.roster.domain.schedule.Monthly;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.schedule.Schedule;
import org.roster.domain.schedule.Weekly;

/**
 * A profile's schedule as the API shows it: the fields of its type only, as {@link
 * ScheduleRequest} takes them, with the defaults filled in.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleResponse(
    String type,
    String zone,
    @Nullable Integer hours,
    @Nullable Integer minute,
    @Nullable String time,
    @Nullable String dayOfWeek,
    @Nullable Integer dayOfMonth,
    @Nullable Integer days,
    @Nullable String startDate,
    @Nullable String expression,
    String mode,
    int fullReconcileHours) {

  public static ScheduleResponse from(ProfileSchedule s) {
    Schedule t = s.timing();
    Integer hours = null;
    Integer minute = null;
    String time = null;
    String dayOfWeek = null;
    Integer dayOfMonth = null;
    Integer days = null;
    String startDate = null;
    String expression = null;
    if (t instanceof EveryHours e) {
      hours = e.hours();
      minute = e.minute();
    } else if (t instanceof Daily d) {
      time = d.time().toString();
    } else if (t instanceof Weekly w) {
      dayOfWeek = w.dayOfWeek().name();
      time = w.time().toString();
    } else if (t instanceof Monthly m) {
      dayOfMonth = m.dayOfMonth();
      time = m.time().toString();
    } else if (t instanceof EveryDays e) {
      days = e.days();
      time = e.time().toString();
      startDate = e.startDate() == null ? null : e.startDate().toString();
    } else if (t instanceof Cron c) {
      expression = c.expression().toString();
    }
    return new ScheduleResponse(t.kind(), t.zone().getId(), hours, minute, time, dayOfWeek,
        dayOfMonth, days, startDate, expression, s.mode().wireName(), s.fullReconcileHours());
  }
}
