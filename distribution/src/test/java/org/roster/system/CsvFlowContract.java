package org.roster.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.NodeId;
import org.roster.application.port.out.RunStore;
import org.roster.domain.sync.RunMode;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;
import org.roster.system.People.Person;

/**
 * The whole server, booted as {@code roster serve} boots it, driven only through its HTTP API and a
 * CSV drop folder: first import, a run stopped by the deletion threshold and confirmed, bad rows,
 * a dry run, and runs cut off by a crash. One subclass per database.
 */
abstract class CsvFlowContract {
  @TempDir Path dataDir;
  private TestDatabase database;
  private RosterServer server;
  private Api api;
  private Runs runs;
  private Path inbox;

  /** A fresh, empty database for one test. */
  abstract TestDatabase database(Path dataDir);

  @BeforeEach
  void boot() {
    database = database(dataDir);
    server = RosterServer.start(dataDir, database);
    api = server.api();
    runs = new Runs(api);
    inbox = dataDir.resolve("inbox");
  }

  @AfterEach
  void shutDown() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      database.close();
    }
  }

  @Test
  void csvDropFolderFlow() throws IOException {
    api.get("/health").expect(200);
    String profileId = createProfile("people", 1);

    // 1. The first file creates everyone.
    List<Person> first = People.range(1, 40);
    drop("people-1.csv", first);
    Map<String, Object> run1 = runs.awaitFileRun(profileId, "people-1.csv");
    assertThat(run1).as("%s", run1).containsEntry("status", "SUCCEEDED").containsEntry("trigger", "FILE");
    assertThat(Runs.counts(run1)).containsEntry("imported", 40).containsEntry("failed", 0);
    Map<String, Object> user1 = runs.userByLogin("user001");
    assertThat(user1).containsEntry("status", "ACTIVE").containsEntry("externalId", "P001");
    String id1 = (String) user1.get("id");
    assertThat(runs.groupNames(id1)).containsExactly("Engineering");
    assertThat(runs.groupNames(runs.idOf("user010"))).containsExactlyInAnyOrder("Support", "Managers");
    assertThat(inbox.resolve("processed/people-1.csv")).isRegularFile();
    assertThat(inbox.resolve("processed/people-1.csv.report.txt")).isRegularFile();
    assertThat(inbox.resolve("people-1.csv")).doesNotExist();
    String id2 = runs.idOf("user002");
    String id3 = runs.idOf("user003");
    String id4 = runs.idOf("user004");
    String id31 = runs.idOf("user031");
    String id40 = runs.idOf("user040");

    // 2. Two renamed, two disabled, ten removed: 12 > 10 % of 40, so the run stops unapplied.
    List<Person> second = People.range(1, 30);
    second = People.change(second, 1, p -> p.renamed("renamed001"));
    second = People.change(second, 2, p -> p.renamed("renamed002"));
    second = People.change(second, 3, Person::disabled);
    second = People.change(second, 4, Person::disabled);
    drop("people-2.csv", second);
    Map<String, Object> run2 = runs.awaitFileRun(profileId, "people-2.csv");
    assertThat(run2).as("%s", run2).containsEntry("status", "NEEDS_CONFIRMATION");
    assertThat((String) run2.get("error")).contains("threshold");
    assertThat(Runs.counts(run2)).containsEntry("disabled", 2).containsEntry("deleted", 10);
    assertThat(runs.user(id1)).containsEntry("login", "user001");
    assertThat(runs.user(id2)).containsEntry("login", "user002");
    assertThat(runs.user(id3)).containsEntry("status", "ACTIVE");
    assertThat(runs.user(id31)).containsEntry("status", "ACTIVE");
    assertThat(api.get("/api/v1/users?q=renamed").expect(200).items()).isEmpty();
    assertThat(inbox.resolve("people-2.csv")).as("waits in the inbox").isRegularFile();

    // 3. Confirmed, it applies exactly that.
    String run2Id = (String) run2.get("id");
    api.post("/api/v1/runs/" + run2Id + "/confirm", Map.of()).expect(202);
    Map<String, Object> confirmed = runs.awaitRun(run2Id);
    assertThat(confirmed).as("%s", confirmed).containsEntry("status", "SUCCEEDED")
        .containsEntry("confirmedBy", "admin:admin");
    assertThat(runs.user(id1)).containsEntry("login", "renamed001").containsEntry("status", "ACTIVE");
    assertThat(runs.user(id2)).containsEntry("login", "renamed002");
    assertThat(runs.user(id3)).containsEntry("status", "INACTIVE");
    assertThat(runs.user(id4)).containsEntry("status", "INACTIVE");
    assertThat(runs.user(id31)).containsEntry("status", "DELETED");
    assertThat(runs.user(id40)).containsEntry("status", "DELETED");
    assertThat(runs.idOf("renamed001")).isEqualTo(id1);
    assertThat(inbox.resolve("processed/people-2.csv")).isRegularFile();

    // 4. The audit log has the changes, exported as CSV with ';'.
    Api.Reply export = api.get("/api/v1/audit?format=csv&delimiter=;").expect(200);
    assertThat(export.contentType()).startsWith("text/csv");
    List<CSVRecord> audit = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader()
        .setSkipHeaderRecord(true).get().parse(new StringReader(export.body())).getRecords();
    assertThat(audit).anySatisfy(r -> assertThat(List.of(r.get("action"), r.get("objectName")))
        .containsExactly("renamed", "renamed001"));
    assertThat(audit).anySatisfy(r -> assertThat(List.of(r.get("action"), r.get("objectName")))
        .containsExactly("disabled", "user003"));
    assertThat(audit).anySatisfy(r -> assertThat(List.of(r.get("action"), r.get("objectName")))
        .containsExactly("deleted", "user031"));
    assertThat(audit).anySatisfy(r -> assertThat(r.get("action")).isEqualTo("run confirmed"));

    // 5. A bad row and a duplicate id fail alone; the rest applies; the report names their lines.
    List<Person> third = new java.util.ArrayList<>(People.change(second, 6, p -> p.withTitle("Chief Clerk")));
    third.add(People.person(41).withEmail("not-an-email"));
    third.add(People.person(42));
    third.add(People.person(5).withTitle("Duplicate"));
    int badEmailLine = third.size() - 3 + 2; // the header is line 1
    int duplicateLine = third.size() + 1;
    drop("people-3.csv", third);
    Map<String, Object> run3 = runs.awaitFileRun(profileId, "people-3.csv");
    assertThat(run3).as("%s", run3).containsEntry("status", "SUCCEEDED");
    assertThat(Runs.counts(run3)).containsEntry("failed", 2).containsEntry("imported", 1)
        .containsEntry("updated", 1).containsEntry("deleted", 0).containsEntry("disabled", 0);
    List<Map<String, Object>> report = runs.report(run3.get("id"));
    assertThat(report).filteredOn(e -> "FAILED".equals(e.get("outcome")))
        .extracting(e -> e.get("location"))
        .containsExactlyInAnyOrder("line " + badEmailLine, "line " + duplicateLine);
    assertThat(runs.userByLogin("user042")).containsEntry("status", "ACTIVE");
    assertThat(api.get("/api/v1/users?q=user041").expect(200).items()).isEmpty();
    assertThat(runs.attributes(runs.idOf("user006"))).containsEntry("title", "Chief Clerk");
    assertThat(runs.userByLogin("user005")).containsEntry("status", "ACTIVE");
    String report3 = Files.readString(inbox.resolve("processed/people-3.csv.report.txt"));
    assertThat(report3).contains("line " + badEmailLine).contains("line " + duplicateLine)
        .contains("invalid email").contains("duplicate");

    // 6. A dry run reports the plan and applies nothing.
    api.put("/api/v1/profiles/" + profileId, profileBody("people", 1, false)).expect(200);
    // the same rows, the last two left out, one renamed
    List<Person> fourth = People.change(third.subList(0, third.size() - 2), 7, p -> p.renamed("renamed007"));
    drop("people-4.csv", fourth);
    Files.setLastModifiedTime(inbox.resolve("people-4.csv"), FileTime.from(Instant.now().minusSeconds(30)));
    String id7 = runs.idOf("user007");
    String id42 = runs.idOf("user042");
    Map<String, Object> queued = api.post("/api/v1/profiles/" + profileId + "/runs", Map.of("mode", "dry-run"))
        .expect(202).map();
    Map<String, Object> dry = runs.awaitRun((String) queued.get("id"));
    assertThat(dry).as("%s", dry).containsEntry("status", "SUCCEEDED").containsEntry("mode", "dry-run");
    assertThat(Runs.counts(dry)).containsEntry("updated", 1).containsEntry("deleted", 1);
    assertThat(runs.user(id7)).containsEntry("login", "user007");
    assertThat(runs.user(id42)).containsEntry("status", "ACTIVE");
    assertThat(inbox.resolve("people-4.csv")).as("a dry run leaves the file").isRegularFile();

    // each file was taken exactly once: three file runs (one of them confirmed) and the dry run
    Map<String, Object> history = api.get("/api/v1/runs?size=100&profileId=" + profileId).expect(200).map();
    assertThat(history).containsEntry("total", 4);
  }

  @Test
  void runsCutOffByACrashAreAbortedAtTheNextStart() {
    String staleProfile = createProfile("crashed-elsewhere", 5);
    String ownProfile = createProfile("crashed-here", 5);
    RunStore store = server.bean(RunStore.class);
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
    SyncRun stale = running(staleProfile, longAgo);
    store.create(stale);
    assertThat(store.claim(stale.profileId(), stale.id(), "a-node-that-died:8080", longAgo,
        Duration.ofSeconds(60))).isTrue();
    SyncRun own = running(ownProfile, Instant.now());
    store.create(own);
    assertThat(store.claim(own.profileId(), own.id(), server.bean(NodeId.class).value(), Instant.now(),
        Duration.ofSeconds(60))).as("a live lease of this very node").isTrue();
    // a live node takes a run whose lease expired over within roster.runs.poll: it may be ABORTED
    assertThat(api.get("/api/v1/runs/" + stale.id()).expect(200).map().get("status"))
        .isIn("RUNNING", "ABORTED");

    server.close();
    server = RosterServer.start(dataDir, database);
    api = server.api();

    for (SyncRun cut : List.of(stale, own)) {
      Map<String, Object> run = api.get("/api/v1/runs/" + cut.id()).expect(200).map();
      assertThat(run).as("%s", run).containsEntry("status", "ABORTED");
      assertThat((String) run.get("error")).contains("cut off");
    }
    api.post("/api/v1/profiles/" + staleProfile + "/runs", Map.of("mode", "full")).expect(202);
  }

  private static SyncRun running(String profileId, Instant at) {
    return SyncRun.queued(UUID.randomUUID(), UUID.fromString(profileId), RunTrigger.MANUAL, RunMode.FULL,
        null, "admin:admin", at).started(at);
  }

  private String createProfile(String name, int quietSeconds) {
    Map<String, Object> created = api.post("/api/v1/profiles", profileBody(name, quietSeconds, true))
        .expect(201).map();
    return (String) created.get("id");
  }

  private Map<String, Object> profileBody(String name, int quietSeconds, boolean enabled) {
    return Map.of("name", name, "type", "csv", "enabled", enabled,
        "settings", Map.of("folder", dataDir.resolve(name.equals("people") ? "inbox" : name).toString(),
            "quietSeconds", quietSeconds));
  }

  /** Writes a file under a name the folder ignores, then moves it in at once. */
  private void drop(String name, List<Person> people) throws IOException {
    Files.createDirectories(inbox);
    Path tmp = inbox.resolve("." + name + ".tmp");
    Files.writeString(tmp, People.csv(people), StandardCharsets.UTF_8);
    Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }
}
