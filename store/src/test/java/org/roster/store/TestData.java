package org.roster.store;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.schedule.Cron;
import org.roster.domain.schedule.Daily;
import org.roster.domain.schedule.EveryDays;
import org.roster.domain.schedule.EveryHours;
import org.roster.domain.schedule.Monthly;
import org.roster.domain.schedule.ProfileSchedule;
import org.roster.domain.schedule.ScheduleMode;
import org.roster.domain.schedule.Weekly;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.Profile;
import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncPolicy;
import org.roster.domain.sync.SyncRun;

/** Readable fixtures for the store tests; instants are whole microseconds, as stored. */
final class TestData {
  static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

  /** Values that break naive SQL or JSON: quotes, backslashes, control and non-BMP characters. */
  static final String TRICKY = "Zoë \"Q\" O'Brien \\ ; -- %_ \n\t — 日本 😀";

  /**
   * Values a bulk write must carry exactly: COPY text's delimiters, escapes and NULL marker, CSV's
   * quotes and commas, the empty string (not NULL), blanks, and characters beyond the BMP.
   */
  static final List<String> BULK_TRICKY =
      List.of(
          "tab\there",
          "line\nbreak",
          "cr\rlf\r\n",
          "back\\slash",
          "trailing\\",
          "\\N",
          "\\.",
          "end\n\\.\n",
          "\\t not a tab",
          "\"double\" 'single'",
          "comma, semicolon;",
          "",
          " ",
          "Zoë 日本 😀 𝄞",
          TRICKY);

  /** Instants a bulk write must carry exactly, around both epochs and without a fraction. */
  static final List<Instant> BULK_INSTANTS =
      List.of(
          T0,
          Instant.parse("2000-01-01T00:00:00Z"),
          Instant.parse("1999-12-31T23:59:59.999999Z"),
          Instant.parse("1969-07-20T20:17:40Z"),
          Instant.parse("2025-06-30T23:59:00Z"),
          Instant.parse("2262-04-11T23:47:16.854775Z"));

  private TestData() {}

  /** The {@code i}-th of {@code values}, round and round. */
  static <T> T nth(List<T> values, int i) {
    return values.get(i % values.size());
  }

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static User user(UUID profileId, String login) {
    return new User(
        UUID.randomUUID(),
        profileId,
        "ext-" + login,
        login,
        UserStatus.ACTIVE,
        null,
        Map.of("email", login + "@example.org", "displayName", "User " + login),
        "cn=" + login,
        true,
        false,
        null,
        "hash-" + login,
        T0,
        T0);
  }

  static User local(String login) {
    return User.local(UUID.randomUUID(), login, Map.of(), T0);
  }

  static Group group(UUID profileId, String name, UUID... parents) {
    return new Group(
        UUID.randomUUID(), profileId, "g-" + name, name, "cn=" + name, false, Set.of(parents), T0);
  }

  static Profile profile(String name) {
    SyncPolicy policy =
        new SyncPolicy(
            false,
            false,
            true,
            true,
            false,
            Set.of("Staff", "Ops"),
            List.of("(mail=*)"),
            List.of("(title=Intern*)", "(!(o=ACME))"),
            new DeletionThreshold(7, 42));
    Map<String, Object> settings =
        Map.of(
            "url",
            "ldaps://dc1.example.org:636",
            "bindPassword",
            TRICKY,
            "pageSize",
            500,
            "referrals",
            false,
            "baseDns",
            List.of("ou=People,dc=example,dc=org", "ou=Staff,dc=example,dc=org"),
            "mapping",
            Map.of("login", "sAMAccountName", "displayName", "displayName"));
    return new Profile(UUID.randomUUID(), name, "ldap", settings, policy, true, T0, at(1));
  }

  /** One schedule of every kind, in zones with and without DST, each mode. */
  static final List<ProfileSchedule> SCHEDULES =
      List.of(
          new ProfileSchedule(
              new EveryHours(6, 15, ZoneId.of("Asia/Kolkata")), ScheduleMode.INCREMENTAL, 12),
          new ProfileSchedule(
              new Daily(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin")), ScheduleMode.FULL, 24),
          ProfileSchedule.of(
              new Weekly(DayOfWeek.SUNDAY, LocalTime.of(23, 59), ZoneId.of("America/New_York"))),
          ProfileSchedule.of(new Monthly(31, LocalTime.of(0, 0), ZoneOffset.UTC)),
          ProfileSchedule.of(
              new EveryDays(3, LocalTime.of(4, 5), LocalDate.parse("2025-02-28"), ZoneOffset.UTC)),
          ProfileSchedule.of(new EveryDays(2, LocalTime.of(4, 5), null, ZoneOffset.ofHours(2))),
          new ProfileSchedule(
              Cron.of("*/15 9-17 1,15 * MON-FRI", ZoneId.of("Australia/Lord_Howe")),
              ScheduleMode.INCREMENTAL,
              8784));

  static Profile profile(String name, ProfileSchedule schedule) {
    Profile p = profile(name);
    return new Profile(
        p.id(),
        p.name(),
        p.type(),
        p.settings(),
        p.policy(),
        p.enabled(),
        p.createdAt(),
        p.updatedAt(),
        schedule);
  }

  static SyncRun run(UUID profileId, Instant requestedAt) {
    return SyncRun.queued(
        UUID.randomUUID(),
        profileId,
        RunTrigger.MANUAL,
        RunMode.FULL,
        "ldap://dc1",
        "admin:alice",
        requestedAt);
  }

  static SyncRun running(UUID profileId, Instant at) {
    return run(profileId, at).started(at);
  }

  static SyncRun finished(UUID profileId, Instant at) {
    RunCounts counts =
        RunCounts.of(
            Map.of(EntryOutcome.CREATED, 3, EntryOutcome.FAILED, 1, EntryOutcome.UNCHANGED, 0),
            1234567890123L);
    return new SyncRun(
        UUID.randomUUID(),
        profileId,
        RunTrigger.FILE,
        RunMode.DRY_RUN,
        RunStatus.SUCCEEDED,
        at,
        at.plusSeconds(1),
        at.plus(Duration.ofMinutes(3)),
        counts,
        "source said " + TRICKY,
        counts.summary(),
        "people.csv",
        "schedule",
        "admin:bob",
        17);
  }

  static AuditEvent event(Instant at, AuditCategory category, String objectName, UUID runId) {
    return new AuditEvent(
        UUID.randomUUID(),
        at,
        runId,
        "profile:Corp AD",
        category,
        "updated",
        UUID.randomUUID(),
        objectName,
        Map.of("title", "Clerk"),
        Map.of("title", TRICKY),
        "why");
  }
}
