package org.roster.store;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roster.domain.schedule.Cron;
import org.roster.domain.schedule.CronExpression;
import org.roster.domain.schedule.Daily;
import org.roster.domain.schedule.EveryDays;
import org.roster.domain.schedule.EveryHours;
import org.roster.domain.schedule.Monthly;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.schedule.Schedule;
import org.roster.domain.schedule.ScheduleMode;
import org.roster.domain.schedule.Weekly;

/**
 * A {@link ProfileSchedule} as the JSON text of {@code profile.schedule}, field by field: {@code
 * {"type":"daily","time":"02:30","zone":"Europe/Berlin","mode":"INCREMENTAL",
 * "fullReconcileHours":24}}. Null stays null (no schedule).
 */
@Singleton
final class ScheduleCodec {
  private final JsonCodec json;

  ScheduleCodec(JsonCodec json) {
    this.json = json;
  }

  String encode(ProfileSchedule s) {
    if (s == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    Schedule t = s.timing();
    m.put("type", t.kind());
    m.put("zone", t.zone().getId());
    if (t instanceof EveryHours e) {
      m.put("hours", e.hours());
      m.put("minute", e.minute());
    } else if (t instanceof Daily d) {
      m.put("time", d.time().toString());
    } else if (t instanceof Weekly w) {
      m.put("dayOfWeek", w.dayOfWeek().name());
      m.put("time", w.time().toString());
    } else if (t instanceof Monthly mo) {
      m.put("dayOfMonth", mo.dayOfMonth());
      m.put("time", mo.time().toString());
    } else if (t instanceof EveryDays e) {
      m.put("days", e.days());
      m.put("time", e.time().toString());
      if (e.startDate() != null) {
        m.put("startDate", e.startDate().toString());
      }
    } else if (t instanceof Cron c) {
      m.put("expression", c.expression().toString());
    }
    m.put("mode", s.mode().name());
    m.put("fullReconcileHours", s.fullReconcileHours());
    return json.write(m);
  }

  ProfileSchedule decode(String stored) {
    if (stored == null) {
      return null;
    }
    Map<String, Object> m = json.objectMap(stored);
    ZoneId zone = ZoneId.of((String) m.get("zone"));
    Schedule timing = switch ((String) m.get("type")) {
      case "everyHours" -> new EveryHours(number(m, "hours"), number(m, "minute"), zone);
      case "daily" -> new Daily(time(m), zone);
      case "weekly" -> new Weekly(DayOfWeek.valueOf((String) m.get("dayOfWeek")), time(m), zone);
      case "monthly" -> new Monthly(number(m, "dayOfMonth"), time(m), zone);
      case "everyDays" -> new EveryDays(number(m, "days"), time(m),
          m.get("startDate") instanceof String d ? LocalDate.parse(d) : null, zone);
      case "cron" -> new Cron(CronExpression.parse((String) m.get("expression")), zone);
      default -> throw new IllegalStateException("unknown stored schedule type " + m.get("type"));
    };
    return new ProfileSchedule(timing, ScheduleMode.valueOf((String) m.get("mode")),
        number(m, "fullReconcileHours"));
  }

  private static int number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).intValue();
  }

  private static LocalTime time(Map<String, Object> m) {
    return LocalTime.parse((String) m.get("time"));
  }
}
