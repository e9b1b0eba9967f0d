package org.roster.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.connector.api.EntryKind;
import org.roster.connector.api.SourceGroup;
import org.roster.connector.api.SourceUser;
import org.roster.connector.testkit.RecordingSink;

/** Reading well-formed files: the default header, custom mappings, charsets and CSV quirks. */
class CsvReadingTest {

  @TempDir Path root;

  private TestDropFolder drop() {
    return new TestDropFolder(root);
  }

  @Test
  void aRowOfTheDefaultHeaderGivesEveryField() {
    RecordingSink sink =
        drop()
            .users(
                TestDropFolder.HEADER
                    + "\n"
                    + "u1, alice ,alice@example.org,Alice,Archer,Alice Archer,Engineer,R&D,ACME,+41"
                    + " 1,Active,Engineering | Staff\n");

    SourceUser alice = sink.users().get(0);
    assertThat(alice.externalId()).isEqualTo("u1");
    assertThat(alice.login()).isEqualTo("alice");
    assertThat(alice.location()).as("a row's stored location is its key, not its line").isEqualTo("id=u1");
    assertThat(alice.enabled()).isTrue();
    assertThat(alice.groupIds()).containsExactlyInAnyOrder("Engineering", "Staff");
    assertThat(alice.attributes())
        .containsOnly(
            Map.entry("email", "alice@example.org"),
            Map.entry("givenName", "Alice"),
            Map.entry("familyName", "Archer"),
            Map.entry("displayName", "Alice Archer"),
            Map.entry("title", "Engineer"),
            Map.entry("department", "R&D"),
            Map.entry("company", "ACME"),
            Map.entry("phone", "+41 1"));
    assertThat(sink.rejections()).isEmpty();
  }

  @Test
  void onlyTheMatchAndLoginColumnsAreRequiredByTheDefaultMappingAndEmptyCellsClearValues() {
    RecordingSink sink = drop().users("Username,ID,Email\nbob,u2,\n");

    SourceUser bob = sink.users().get(0);
    assertThat(bob.externalId()).isEqualTo("u2");
    assertThat(bob.attributes()).containsOnly(Map.entry("email", ""));
    assertThat(bob.groupIds()).isEmpty();
    assertThat(bob.enabled()).isTrue();
  }

  @Test
  void statusIsMatchedIgnoringCaseAndEmptyMeansActive() {
    RecordingSink sink =
        drop().users("id,username,status\nu1,a,DISABLED\nu2,b,\nu3,c,active\nu4,d, Disabled \n");

    assertThat(sink.users())
        .extracting(SourceUser::enabled)
        .containsExactly(false, true, true, false);
  }

  @Test
  void aCustomMappingSemicolonsAndIso88591AreReadAsConfigured() {
    TestDropFolder drop = drop();
    Path file =
        drop.drop(
            "export.csv",
            " Personalnummer ;BENUTZER;Nachname;Abteilung;Aktiv;Gruppen\n"
                + "4711;jmueller;Müller;Einkauf;ja;Einkauf,Zürich\n"
                + "4712;fkoenig;König;Verkauf;nein;\n",
            StandardCharsets.ISO_8859_1);
    CsvSettings settings =
        drop.settings(
            "delimiter", ";",
            "encoding", "ISO-8859-1",
            "matchColumn", "personalnummer",
            "mapping",
                Map.of(
                    "Benutzer", "login",
                    "Nachname", "familyName",
                    "Abteilung", "department",
                    "Aktiv", "status",
                    "Gruppen", "groups"),
            "statusActive", "ja",
            "statusDisabled", "nein",
            "multiValueSeparator", ",");

    RecordingSink users = drop.read(EntryKind.USER, file, settings);
    RecordingSink groups = drop.read(EntryKind.GROUP, file, settings);

    assertThat(users.rejections()).isEmpty();
    SourceUser mueller = users.usersByLogin().get("jmueller");
    assertThat(mueller.externalId()).isEqualTo("4711");
    assertThat(mueller.attributes())
        .containsOnly(Map.entry("familyName", "Müller"), Map.entry("department", "Einkauf"));
    assertThat(mueller.groupIds()).containsExactlyInAnyOrder("Einkauf", "Zürich");
    assertThat(users.usersByLogin().get("fkoenig").enabled()).isFalse();
    assertThat(groups.groups()).extracting(SourceGroup::name).containsExactly("Einkauf", "Zürich");
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() {
    RecordingSink sink = drop().users("\uFEFFid,username,given_name\nu1,zoe,Zoë\n");

    assertThat(sink.users()).extracting(SourceUser::externalId).containsExactly("u1");
    assertThat(sink.users().get(0).attribute("givenName")).isEqualTo("Zoë");
  }

  @Test
  void quotedLineBreaksCrlfBlankAndTrailingLinesKeepLineNumbersPhysical() {
    RecordingSink sink =
        drop()
            .users(
                "id,username,title,email\r\n"
                    + "u1,a,\"Head of\r\nEverything\",a@example.org\r\n"
                    + "\r\n"
                    + "u2,b,\"two\nmore \"\"lines\"\"\nhere\",b@example.org\r\n"
                    + ",,,\r\n"
                    + "u3,c,Clerk,not-an-email\r\n"
                    + "u4,d,Clerk,d@example.org\r\n"
                    + "\r\n");

    assertThat(sink.users())
        .extracting(SourceUser::location)
        .containsExactly("id=u1", "id=u2", "id=u4");
    assertThat(sink.users().get(0).attribute("title")).isEqualTo("Head of\r\nEverything");
    assertThat(sink.users().get(1).attribute("title")).isEqualTo("two\nmore \"lines\"\nhere");
    assertThat(sink.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo("line 9");
              assertThat(r.reason()).isEqualTo("invalid email 'not-an-email'");
            });
  }

  @Test
  void groupsAreEachReadOnceInTheOrderTheyFirstAppear() {
    TestDropFolder drop = drop();
    Path file =
        drop.drop(
            "people.csv",
            "id,username,groups\nu1,a,Sales\nu2,b, Staff || Sales |\nu3,c,\nu4,d,Staff|Équipe\n");

    RecordingSink groups = drop.read(EntryKind.GROUP, file, drop.settings());

    assertThat(groups.groups())
        .extracting(SourceGroup::externalId, SourceGroup::name, SourceGroup::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Sales", "Sales", "group Sales"),
            org.assertj.core.groups.Tuple.tuple("Staff", "Staff", "group Staff"),
            org.assertj.core.groups.Tuple.tuple("Équipe", "Équipe", "group Équipe"));
    assertThat(groups.groups()).allSatisfy(g -> assertThat(g.parentGroupIds()).isEmpty());
  }

  @Test
  void removingARowDoesNotMoveTheOthers() {
    RecordingSink before = drop().users("id,username\nu1,a\nu2,b\nu3,c\n");
    RecordingSink after = drop().users("id,username\nu2,b\nu3,c\n");

    // the engine would otherwise see every later row as changed and rewrite it
    assertThat(after.users()).containsExactlyElementsOf(before.users().subList(1, 3));
  }

  @Test
  void aGroupOfARejectedRowIsStillRead() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.csv", "id,username,email,groups\nu1,a,bad@,Auditors\n");

    assertThat(drop.read(EntryKind.USER, file, drop.settings()).rejections()).hasSize(1);
    assertThat(drop.read(EntryKind.GROUP, file, drop.settings()).groups())
        .extracting(SourceGroup::name)
        .containsExactly("Auditors");
  }

  @Test
  void tabDelimitedFilesAreRead() {
    TestDropFolder drop = drop();
    Path file = drop.drop("people.tsv", "id\tusername\nu1\tann\n");

    RecordingSink sink =
        drop.read(EntryKind.USER, file, drop.settings("delimiter", "tab", "filePattern", "*.tsv"));

    assertThat(sink.users()).extracting(SourceUser::login).containsExactly("ann");
  }
}
