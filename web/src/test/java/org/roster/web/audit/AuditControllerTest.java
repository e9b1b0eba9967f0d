package org.roster.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roster.web.error.ProblemResponseProcessor.SERVER_ERROR_DETAIL;

import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.web.ApiClient.Reply;
import org.roster.web.ApiTestSupport;
import org.roster.web.fake.InMemoryAudit;

@MicronautTest
class AuditControllerTest extends ApiTestSupport {
  private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000001");

  /** A value that needs every kind of CSV quoting: both delimiters, a quote, a line break. */
  private static final String AWKWARD = "Smith, J.; \"JJ\"\nsecond line";

  @Inject InMemoryAudit audit;
  private AuditEvent created;
  private AuditEvent renamed;
  private AuditEvent seat;

  @BeforeEach
  void seed() {
    audit.clear();
    created =
        event(
            "2024-05-01T10:00:00Z",
            RUN,
            AuditCategory.USER,
            "created",
            "alice",
            Map.of(),
            Map.of("status", "ACTIVE", "email", "alice@example.org"),
            "");
    renamed =
        event(
            "2024-05-02T23:30:00Z",
            RUN,
            AuditCategory.USER,
            "renamed",
            AWKWARD,
            Map.of("login", "jsmith"),
            Map.of("login", "j.smith"),
            "title: Clerk → \"Manager\"");
    seat =
        event(
            "2024-05-03T00:00:00Z",
            null,
            AuditCategory.SEAT,
            "seat granted",
            "bob",
            Map.of(),
            Map.of(),
            "pool had 3 free");
    audit.add(created);
    audit.add(renamed);
    audit.add(seat);
  }

  private static AuditEvent event(
      String at,
      UUID runId,
      AuditCategory category,
      String action,
      String objectName,
      Map<String, String> before,
      Map<String, String> after,
      String detail) {
    return new AuditEvent(
        UUID.randomUUID(),
        Instant.parse(at),
        runId,
        runId == null ? "admin:people" : "profile:HR file",
        category,
        action,
        UUID.randomUUID(),
        objectName,
        before,
        after,
        detail);
  }

  @Test
  void listsEventsNewestFirst() {
    Reply page = api().get("/api/v1/audit");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.map())
        .containsEntry("total", 3)
        .containsEntry("page", 0)
        .containsEntry("size", 50);
    assertThat(page.items())
        .extracting(e -> e.get("action"))
        .containsExactly("seat granted", "renamed", "created");
    assertThat(page.items().get(1))
        .containsEntry("id", renamed.id().toString())
        .containsEntry("at", "2024-05-02T23:30:00Z")
        .containsEntry("runId", RUN.toString())
        .containsEntry("actor", "profile:HR file")
        .containsEntry("category", "USER")
        .containsEntry("objectId", renamed.objectId().toString())
        .containsEntry("objectName", AWKWARD)
        .containsEntry("before", Map.of("login", "jsmith"))
        .containsEntry("after", Map.of("login", "j.smith"));
  }

  @Test
  void aDateToIncludesThatWholeDayInUtc() {
    Reply page = api().get("/api/v1/audit?to=2024-05-02");

    assertThat(page.items()).extracting(e -> e.get("action")).containsExactly("renamed", "created");
    assertThat(audit.lastQuery().to()).isEqualTo(Instant.parse("2024-05-03T00:00:00Z"));
  }

  @Test
  void fromAndToTakeInstantsWithAnOffset() {
    Reply page =
        api().get("/api/v1/audit?from=2024-05-02T12:00:00Z&to=2024-05-03T02:00:00%2B02:00");

    assertThat(page.items()).extracting(e -> e.get("action")).containsExactly("renamed");
    assertThat(audit.lastQuery().from()).isEqualTo(Instant.parse("2024-05-02T12:00:00Z"));
    assertThat(audit.lastQuery().to()).isEqualTo(Instant.parse("2024-05-03T00:00:00Z"));
  }

  @Test
  void filtersByCategoryUserAndRun() {
    assertThat(api().get("/api/v1/audit?category=seat").items())
        .extracting(e -> e.get("action"))
        .containsExactly("seat granted");
    assertThat(api().get("/api/v1/audit?user=ALICE").items())
        .extracting(e -> e.get("action"))
        .containsExactly("created");
    assertThat(api().get("/api/v1/audit?runId=" + RUN).items())
        .extracting(e -> e.get("action"))
        .containsExactly("renamed", "created");
  }

  @Test
  void badParametersAreBadRequestsNamingThem() {
    assertThat(assertBadRequest(api().get("/api/v1/audit?from=yesterday"), "from"))
        .contains("ISO-8601");
    assertBadRequest(api().get("/api/v1/audit?to=2024-13-01"), "to");
    assertBadRequest(api().get("/api/v1/audit?from=2024-05-03&to=2024-05-01"), "to");
    assertBadRequest(api().get("/api/v1/audit?category=weather"), "category");
    assertBadRequest(api().get("/api/v1/audit?runId=run-7"), "runId");
    assertBadRequest(api().get("/api/v1/audit?format=xml"), "format");
    assertBadRequest(api().get("/api/v1/audit?format=csv&delimiter=%7C"), "delimiter");
    assertBadRequest(api().get("/api/v1/audit?size=1001"), "size");
  }

  @Test
  void exportsCsvWithCommasOldestFirst() throws IOException {
    Reply csv = api().get("/api/v1/audit?format=csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("attachment").contains("audit.csv");
    assertThat(csv.body())
        .startsWith("at,runId,actor,category,action,objectId,objectName,before,after,detail\r\n");
    List<CSVRecord> rows = parse(csv.body(), ',');
    assertThat(rows)
        .extracting(r -> r.get("action"))
        .containsExactly("created", "renamed", "seat granted");
    assertRow(rows.get(0), created, "", "email=alice@example.org; status=ACTIVE");
    assertRow(rows.get(1), renamed, "login=jsmith", "login=j.smith");
    assertThat(rows.get(2).get("runId")).isEmpty();
  }

  @Test
  void exportsCsvWithSemicolons() throws IOException {
    Reply csv = api().get("/api/v1/audit?format=csv&delimiter=%3B");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body())
        .startsWith("at;runId;actor;category;action;objectId;objectName;before;after;detail\r\n");
    List<CSVRecord> rows = parse(csv.body(), ';');
    assertThat(rows).hasSize(3);
    assertRow(rows.get(0), created, "", "email=alice@example.org; status=ACTIVE");
    assertRow(rows.get(1), renamed, "login=jsmith", "login=j.smith");
  }

  @Test
  void theSemicolonMayBeSentUnencoded() throws IOException {
    Reply csv = api().get("/api/v1/audit?format=csv&delimiter=;&category=seat");

    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.body()).startsWith("at;runId;");
    assertThat(parse(csv.body(), ';'))
        .extracting(r -> r.get("action"))
        .containsExactly("seat granted");
  }

  @Test
  void quotesValuesHoldingTheDelimiterAQuoteOrALineBreak() {
    String comma = api().get("/api/v1/audit?format=csv&category=user").body();
    String semicolon = api().get("/api/v1/audit?format=csv&delimiter=%3B&category=user").body();

    String quoted = "\"Smith, J.; \"\"JJ\"\"\nsecond line\"";
    assertThat(comma)
        .contains("," + quoted + ",")
        .contains(",\"title: Clerk → \"\"Manager\"\"\"\r\n");
    assertThat(semicolon).contains(";" + quoted + ";");
    // A value holding '; ' but no ',' is quoted only when ';' is the delimiter.
    assertThat(comma).contains(",alice,,email=alice@example.org; status=ACTIVE,\r\n");
    assertThat(semicolon).contains(";alice;;\"email=alice@example.org; status=ACTIVE\";\r\n");
  }

  @Test
  void theExportKeepsTheFilters() throws IOException {
    Reply csv = api().get("/api/v1/audit?format=csv&category=SEAT&from=2024-05-01");

    assertThat(parse(csv.body(), ','))
        .extracting(r -> r.get("action"))
        .containsExactly("seat granted");
    assertThat(audit.lastQuery().category()).isEqualTo(AuditCategory.SEAT);
    assertThat(audit.lastQuery().from()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
  }

  @Test
  void streamsALargeExportInFull() throws IOException {
    audit.clear();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      audit.add(
          new AuditEvent(
              UUID.randomUUID(),
              start.plusSeconds(i),
              RUN,
              "profile:HR file",
              AuditCategory.USER,
              "updated",
              UUID.randomUUID(),
              "user" + i,
              Map.of("title", "Clerk"),
              Map.of("title", "Manager"),
              "title: Clerk → Manager"));
    }

    Reply csv = api().get("/api/v1/audit?format=csv");

    List<CSVRecord> rows = parse(csv.body(), ',');
    assertThat(rows).hasSize(20_000);
    assertThat(rows.get(0).get("objectName")).isEqualTo("user0");
    assertThat(rows.get(19_999).get("objectName")).isEqualTo("user19999");
  }

  @Test
  void anExportThatFailsBeforeItBeginsIsAServerErrorProblem() {
    audit.failExportsAfter(0);

    Reply failed = api().get("/api/v1/audit?format=csv");

    assertThat(assertProblem(failed, 500)).containsEntry("detail", SERVER_ERROR_DETAIL);
    assertThat(failed.body()).doesNotContain("audit store");
  }

  @Test
  void anExportThatFailsMidwayIsCutOffNotEndedCleanly() {
    for (int i = 0; i < 20_000; i++) {
      audit.add(
          new AuditEvent(
              UUID.randomUUID(),
              Instant.parse("2024-06-01T00:00:00Z").plusSeconds(i),
              null,
              "admin:people",
              AuditCategory.USER,
              "updated",
              UUID.randomUUID(),
              "user" + i,
              Map.of(),
              Map.of(),
              ""));
    }
    audit.failExportsAfter(15_000);

    assertThatThrownBy(() -> api().get("/api/v1/audit?format=csv"))
        .isInstanceOf(HttpClientException.class);
  }

  private static List<CSVRecord> parse(String text, char delimiter) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    return format.parse(new StringReader(text)).getRecords();
  }

  private static void assertRow(CSVRecord row, AuditEvent event, String before, String after) {
    assertThat(row.get("at")).isEqualTo(event.at().toString());
    assertThat(row.get("runId")).isEqualTo(event.runId().toString());
    assertThat(row.get("actor")).isEqualTo(event.actor());
    assertThat(row.get("category")).isEqualTo(event.category().name());
    assertThat(row.get("action")).isEqualTo(event.action());
    assertThat(row.get("objectId")).isEqualTo(event.objectId().toString());
    assertThat(row.get("objectName")).isEqualTo(event.objectName());
    assertThat(row.get("before")).isEqualTo(before);
    assertThat(row.get("after")).isEqualTo(after);
    assertThat(row.get("detail")).isEqualTo(event.detail());
  }
}
