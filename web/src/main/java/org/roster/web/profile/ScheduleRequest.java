package org.roster.web.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.domain.schedule.Cron;
import org.roster.domain.schedule.Daily;
import org.roster.domain.schedule.EveryDays;
import org.roster.domain.schedule.EveryHours;
import org.roster.domain.schedule.Monthly;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.schedule.Schedule;
import org.roster.domain.schedule.ScheduleMode;
import org.roster.domain.schedule.Weekly;
import org.roster.web.json.StrictInteger;
import org.roster.web.json.StrictString;

/**
 * A profile's schedule as a client writes it: a {@code type} and that type's fields, a {@code zone}
 * (default UTC) and how scheduled runs read ({@code mode}, {@code fullReconcileHours}). A field
 * that another type uses is refused, so that a typo does not silently leave a default in place.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScheduleRequest(
    @Schema(
            description = "the kind of schedule; it decides which other fields apply",
            allowableValues = {"everyHours", "daily", "weekly", "monthly", "everyDays", "cron"})
        @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String type,
    @Schema(description = "IANA time zone of the wall clock; default UTC", example = "Europe/Berlin")
        @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String zone,
    @Schema(description = "everyHours: 1-24, counted from midnight") @Nullable
        @Serdeable.Deserializable(using = StrictInteger.class)
        Integer hours,
    @Schema(description = "everyHours: minute past the hour, 0-59; default 0") @Nullable
        @Serdeable.Deserializable(using = StrictInteger.class)
        Integer minute,
    @Schema(description = "daily, weekly, monthly, everyDays: HH:mm", example = "02:30") @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String time,
    @Schema(description = "weekly: MONDAY ... SUNDAY (or MON ... SUN)") @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String dayOfWeek,
    @Schema(description = "monthly: 1-31; past a month's end it runs on the last day") @Nullable
        @Serdeable.Deserializable(using = StrictInteger.class)
        Integer dayOfMonth,
    @Schema(description = "everyDays: 1-366") @Nullable
        @Serdeable.Deserializable(using = StrictInteger.class)
        Integer days,
    @Schema(description = "everyDays: the first day, YYYY-MM-DD; default: days counted from 1970-01-01")
        @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String startDate,
    @Schema(
            description = "cron: minute hour day-of-month month day-of-week",
            example = "0 2 * * MON-FRI")
        @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String expression,
    @Schema(description = "how scheduled runs read; default incremental",
            allowableValues = {"incremental", "full"})
        @Nullable
        @Serdeable.Deserializable(using = StrictString.class)
        String mode,
    @Schema(description = "incremental: a scheduled run is full when the last full run is this"
            + " many hours old; 1-8784, default 24")
        @Nullable
        @Serdeable.Deserializable(using = StrictInteger.class)
        Integer fullReconcileHours) {

  private static final String PREFIX = "schedule";
  private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");
  /** The fields each type takes besides zone, mode and fullReconcileHours. */
  private static final Map<String, Set<String>> FIELDS = fields();

  private static Map<String, Set<String>> fields() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("everyHours", Set.of("hours", "minute"));
    m.put("daily", Set.of("time"));
    m.put("weekly", Set.of("dayOfWeek", "time"));
    m.put("monthly", Set.of("dayOfMonth", "time"));
    m.put("everyDays", Set.of("days", "time", "startDate"));
    m.put("cron", Set.of("expression"));
    return m;
  }

  /** The domain schedule, or a 400 naming the field at fault ({@code schedule.time}). */
  ProfileSchedule toSchedule() {
    String kind = kind();
    given().forEach((field, value) -> {
      if (value != null && !FIELDS.get(kind).contains(field)) {
        throw bad(field, "does not apply to type " + kind + " (it takes "
            + String.join(", ", FIELDS.get(kind).stream().sorted().toList()) + ")");
      }
    });
    ZoneId z =
        zone == null ? ZoneId.of("UTC") : PolicyRequest.named(PREFIX, () -> Schedule.zoneOf(zone));
    Schedule timing = PolicyRequest.named(PREFIX, () -> switch (kind) {
      case "everyHours" ->
          new EveryHours(required("hours", hours), Objects.requireNonNullElse(minute, 0), z);
      case "daily" -> new Daily(timeOfDay(), z);
      case "weekly" -> new Weekly(day(), timeOfDay(), z);
      case "monthly" -> new Monthly(required("dayOfMonth", dayOfMonth), timeOfDay(), z);
      case "everyDays" -> new EveryDays(required("days", days), timeOfDay(), date(), z);
      default -> Cron.of(required("expression", expression), z);
    });
    ScheduleMode m = mode == null ? ScheduleMode.INCREMENTAL
        : PolicyRequest.named(PREFIX, () -> ScheduleMode.fromWire(mode));
    int reconcile = Objects.requireNonNullElse(
        fullReconcileHours, ProfileSchedule.DEFAULT_FULL_RECONCILE_HOURS);
    return PolicyRequest.named(PREFIX, () -> new ProfileSchedule(timing, m, reconcile));
  }

  private String kind() {
    if (type == null) {
      throw bad("type", "is required: one of " + String.join(", ", FIELDS.keySet()));
    }
    return FIELDS.keySet().stream().filter(k -> k.equalsIgnoreCase(type.strip())).findFirst()
        .orElseThrow(() -> bad("type", "must be one of " + String.join(", ", FIELDS.keySet())
            + ", not '" + type + "'"));
  }

  private Map<String, Object> given() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hours", hours);
    m.put("minute", minute);
    m.put("time", time);
    m.put("dayOfWeek", dayOfWeek);
    m.put("dayOfMonth", dayOfMonth);
    m.put("days", days);
    m.put("startDate", startDate);
    m.put("expression", expression);
    return m;
  }

  private LocalTime timeOfDay() {
    String t = required("time", time).strip();
    if (!TIME.matcher(t).matches()) {
      throw bad("time", "must be a time of day HH:mm such as 02:30, not '" + time + "'");
    }
    return LocalTime.parse(t.length() == 4 ? "0" + t : t);
  }

  private DayOfWeek day() {
    String d = required("dayOfWeek", dayOfWeek).strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(d) || day.name().substring(0, 3).equals(d)) {
        return day;
      }
    }
    throw bad("dayOfWeek", "must be a day such as MONDAY or MON, not '" + dayOfWeek + "'");
  }

  private LocalDate date() {
    if (startDate == null) {
      return null;
    }
    try {
      return LocalDate.parse(startDate.strip());
    } catch (DateTimeException e) {
      throw bad("startDate", "must be a date YYYY-MM-DD, not '" + startDate + "'");
    }
  }

  private <T> T required(String field, T value) {
    if (value == null) {
      throw bad(field, "is required for type " + kind());
    }
    return value;
  }

  private static InvalidRequestException bad(String field, String what) {
    String path = PREFIX + "." + field;
    return new InvalidRequestException(path, "'" + path + "' " + what);
  }
}
