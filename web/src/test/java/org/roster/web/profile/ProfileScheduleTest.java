package org.roster.web.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roster.domain.schedule.Daily;
import org.roster.domain.schedule.ScheduleMode;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryAdmins;
import org.roster.web.fake.InMemoryProfiles;

/**
 * The schedule in a profile's JSON: every kind with its defaults, the next run shown, replacing
 * and removing it, and every bad field answered 400 naming it. The fake's clock stands at {@link
 * InMemoryProfiles#NOW}, Wednesday 1 May 2024 08:00 UTC.
 */
@MicronautTest
class ProfileScheduleTest extends ApiTestSupport {
  @Inject InMemoryProfiles profiles;
  @Inject JsonMapper mapper;

  @BeforeEach
  void clear() {
    profiles.clear();
  }

  static String profile(String schedule) {
    return """
        {"name": "HR file", "type": "csv", "settings": {"folder": "/srv/drop"},
         "schedule": %s}""".formatted(schedule);
  }

  Reply create(String schedule) {
    return api().post("/api/v1/profiles", profile(schedule));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> schedule(Reply reply) {
    return (Map<String, Object>) reply.map().get("schedule");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{\"type\": \"everyHours\", \"hours\": 6}"
            + " | {\"type\":\"everyHours\",\"zone\":\"UTC\",\"hours\":6,\"minute\":0,\"mode\":\"incremental\",\"fullReconcileHours\":24}"
            + " | 2024-05-01T12:00:00Z",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"zone\": \"Europe/Berlin\"}"
            + " | {\"type\":\"daily\",\"zone\":\"Europe/Berlin\",\"time\":\"02:30\",\"mode\":\"incremental\",\"fullReconcileHours\":24}"
            + " | 2024-05-02T00:30:00Z",
        "{\"type\": \"WEEKLY\", \"dayOfWeek\": \"mon\", \"time\": \"9:00\", \"mode\": \"full\"}"
            + " | {\"type\":\"weekly\",\"zone\":\"UTC\",\"dayOfWeek\":\"MONDAY\",\"time\":\"09:00\",\"mode\":\"full\",\"fullReconcileHours\":24}"
            + " | 2024-05-06T09:00:00Z",
        "{\"type\": \"monthly\", \"dayOfMonth\": 31, \"time\": \"03:00\"}"
            + " | {\"type\":\"monthly\",\"zone\":\"UTC\",\"dayOfMonth\":31,\"time\":\"03:00\",\"mode\":\"incremental\",\"fullReconcileHours\":24}"
            + " | 2024-05-31T03:00:00Z",
        "{\"type\": \"everyDays\", \"days\": 3, \"time\": \"04:00\", \"startDate\": \"2024-05-02\","
            + " \"fullReconcileHours\": 72}"
            + " | {\"type\":\"everyDays\",\"zone\":\"UTC\",\"days\":3,\"time\":\"04:00\",\"startDate\":\"2024-05-02\",\"mode\":\"incremental\",\"fullReconcileHours\":72}"
            + " | 2024-05-02T04:00:00Z",
        "{\"type\": \"cron\", \"expression\": \"0 */4 * * MON-FRI\", \"zone\": \"America/New_York\"}"
            + " | {\"type\":\"cron\",\"zone\":\"America/New_York\",\"expression\":\"0 */4 * * MON-FRI\",\"mode\":\"incremental\",\"fullReconcileHours\":24}"
            + " | 2024-05-01T12:00:00Z",
      })
  void everyKindIsShownWithItsDefaultsAndTheNextRun(String request, String shown, String next)
      throws Exception {
    Reply created = create(request);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(schedule(created)).isEqualTo(mapper.readValue(shown, Map.class));
    assertThat(created.map()).containsEntry("nextRunAt", next);
    Reply read = api().get("/api/v1/profiles/" + created.map().get("id"));
    assertThat(schedule(read)).isEqualTo(schedule(created));
    assertThat(read.map()).containsEntry("nextRunAt", next);
  }

  @Test
  void theScheduleReachesTheUseCaseAsTheDomainValue() {
    Reply created = create("{\"type\": \"daily\", \"time\": \"02:30\", \"zone\": \"Europe/Berlin\","
        + " \"mode\": \"full\", \"fullReconcileHours\": 48}");

    var stored = profiles.stored(UUID.fromString((String) created.map().get("id"))).schedule();
    assertThat(stored.timing())
        .isEqualTo(new Daily(java.time.LocalTime.of(2, 30), java.time.ZoneId.of("Europe/Berlin")));
    assertThat(stored.mode()).isEqualTo(ScheduleMode.FULL);
    assertThat(stored.fullReconcileHours()).isEqualTo(48);
  }

  @Test
  void withoutAScheduleItRunsOnlyWhenAsked() {
    Reply created = api().post("/api/v1/profiles",
        "{\"name\": \"HR file\", \"type\": \"csv\", \"settings\": {\"folder\": \"/srv/drop\"}}");
    Reply nulled = api().post("/api/v1/profiles", profile("null").replace("HR file", "other"));

    for (Reply reply : new Reply[] {created, nulled}) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      Map<String, Object> body = reply.map();
      assertThat(body).containsKeys("schedule", "nextRunAt", "lastScheduledRunAt", "lastScheduledRunId");
      assertThat(body.get("schedule")).isNull();
      assertThat(body.get("nextRunAt")).isNull();
      assertThat(body.get("lastScheduledRunAt")).isNull();
    }
  }

  @Test
  void aDisabledProfileKeepsItsScheduleButHasNoNextRun() {
    Reply created = api().post("/api/v1/profiles",
        "{\"name\": \"HR\", \"type\": \"csv\", \"settings\": {\"folder\": \"/in\"}, \"enabled\": false,"
            + " \"schedule\": {\"type\": \"daily\", \"time\": \"02:30\"}}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(schedule(created)).containsEntry("type", "daily");
    assertThat(created.map().get("nextRunAt")).isNull();
  }

  @Test
  void replacingAProfileReplacesOrRemovesItsSchedule() {
    String id = (String) create("{\"type\": \"daily\", \"time\": \"02:30\"}").map().get("id");

    Reply hourly = api().put("/api/v1/profiles/" + id,
        profile("{\"type\": \"everyHours\", \"hours\": 1, \"minute\": 15}"));
    assertThat(hourly.status()).as(hourly.toString()).isEqualTo(200);
    assertThat(schedule(hourly)).containsEntry("type", "everyHours").containsEntry("minute", 15)
        .doesNotContainKey("time");
    assertThat(hourly.map()).containsEntry("nextRunAt", "2024-05-01T08:15:00Z");

    Reply none = api().put("/api/v1/profiles/" + id,
        "{\"name\": \"HR file\", \"type\": \"csv\", \"settings\": {\"folder\": \"/srv/drop\"}}");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.map().get("schedule")).as("left out: runs only when asked").isNull();
    assertThat(none.map().get("nextRunAt")).isNull();
  }

  @Test
  void theListShowsEachProfilesNextRun() {
    create("{\"type\": \"daily\", \"time\": \"02:30\"}");
    api().post("/api/v1/profiles", profile("null").replace("HR file", "manual"));

    Reply list = api().get("/api/v1/profiles");

    assertThat(list.items()).extracting(p -> p.get("name"), p -> p.get("nextRunAt"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HR file", "2024-05-02T02:30:00Z"),
            org.assertj.core.groups.Tuple.tuple("manual", null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{\"time\": \"02:30\"}                                   | schedule.type      | is required",
        "{\"type\": \"hourly\"}                                  | schedule.type      | must be one of everyHours, daily, weekly, monthly, everyDays, cron",
        "{\"type\": 3}                                           | schedule.type      | must be a string",
        "{\"type\": \"daily\"}                                   | schedule.time      | is required for type daily",
        "{\"type\": \"daily\", \"time\": \"25:00\"}              | schedule.time      | must be a time of day HH:mm",
        "{\"type\": \"daily\", \"time\": \"02:30:15\"}           | schedule.time      | must be a time of day HH:mm",
        "{\"type\": \"daily\", \"time\": 230}                    | schedule.time      | must be a string",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"zone\": \"Mars/Olympus\"} | schedule.zone | must be a time zone",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"hours\": 2} | schedule.hours     | does not apply to type daily (it takes time)",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"expression\": \"* * * * *\"} | schedule.expression | does not apply to type daily",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"every\": 2} | schedule.every     | is not a known property",
        "{\"type\": \"everyHours\"}                              | schedule.hours     | is required for type everyHours",
        "{\"type\": \"everyHours\", \"hours\": 0}                | schedule.hours     | must be between 1 and 24, not 0",
        "{\"type\": \"everyHours\", \"hours\": \"6\"}            | schedule.hours     | must be a whole number",
        "{\"type\": \"everyHours\", \"hours\": 1.5}              | schedule.hours     | must be a whole number",
        "{\"type\": \"everyHours\", \"hours\": 1, \"minute\": 60} | schedule.minute    | must be between 0 and 59",
        "{\"type\": \"weekly\", \"time\": \"09:00\"}             | schedule.dayOfWeek | is required for type weekly",
        "{\"type\": \"weekly\", \"dayOfWeek\": \"Funday\", \"time\": \"09:00\"} | schedule.dayOfWeek | must be a day such as MONDAY or MON",
        "{\"type\": \"monthly\", \"dayOfMonth\": 32, \"time\": \"09:00\"} | schedule.dayOfMonth | must be between 1 and 31",
        "{\"type\": \"everyDays\", \"days\": 0, \"time\": \"09:00\"} | schedule.days   | must be between 1 and 366",
        "{\"type\": \"everyDays\", \"days\": 2, \"time\": \"09:00\", \"startDate\": \"2024-13-01\"} | schedule.startDate | must be a date YYYY-MM-DD",
        "{\"type\": \"cron\"}                                    | schedule.expression | is required for type cron",
        "{\"type\": \"cron\", \"expression\": \"0 0 * * FOO\"}   | schedule.expression | has a bad day-of-week field 'FOO'",
        "{\"type\": \"cron\", \"expression\": \"0 0 * *\"}       | schedule.expression | must have 5 fields",
        "{\"type\": \"cron\", \"expression\": \"0 0 30 2 *\"}    | schedule.expression | never runs",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"mode\": \"dry-run\"} | schedule.mode | must be full or incremental",
        "{\"type\": \"daily\", \"time\": \"02:30\", \"fullReconcileHours\": 0} | schedule.fullReconcileHours | must be between 1 and 8784",
        "42                                                      | schedule           | must be an object",
        "[]                                                      | schedule           | must be an object",
      })
  void aBadScheduleIsABadRequestNamingTheField(String schedule, String field, String says) {
    Reply reply = create(schedule);

    String detail = assertBadRequest(reply, field);
    assertThat(detail).startsWith("'" + field + "'").contains(says);
    assertThat(profiles.list()).isEmpty();
  }

  @Test
  void aBadScheduleOnReplaceChangesNothing() {
    String id = (String) create("{\"type\": \"daily\", \"time\": \"02:30\"}").map().get("id");

    Reply reply = api().put("/api/v1/profiles/" + id, profile("{\"type\": \"daily\", \"time\": \"2pm\"}"));

    assertBadRequest(reply, "schedule.time");
    assertThat(schedule(api().get("/api/v1/profiles/" + id))).containsEntry("time", "02:30");
  }

  @Test
  void onlySysAndSyncAdminsMaySetASchedule() {
    String body = profile("{\"type\": \"daily\", \"time\": \"02:30\"}");
    assertProblem(api().anonymous().post("/api/v1/profiles", body), 401);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).post("/api/v1/profiles", body), 403);
    assertThat(profiles.list()).isEmpty();

    Reply bySync = api().as(InMemoryAdmins.SYNC).post("/api/v1/profiles", body);
    assertThat(bySync.status()).as(bySync.toString()).isEqualTo(201);
    String id = (String) bySync.map().get("id");
    assertProblem(api().as(InMemoryAdmins.PEOPLE).put("/api/v1/profiles/" + id, profile("null")), 403);
    assertProblem(api().as(InMemoryAdmins.PEOPLE).get("/api/v1/profiles/" + id), 403);
    assertThat(schedule(api().get("/api/v1/profiles/" + id))).containsEntry("time", "02:30");
  }
}
