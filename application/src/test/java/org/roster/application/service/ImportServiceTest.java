package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.application.fake.FakeIncrementalSource;
import org.roster.application.port.in.ImportCommand;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.out.ProfileState;
import org.roster.application.port.out.RoleAssignment;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.User;
import org.roster.domain.identity.UserStatus;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.domain.sync.DeletionThreshold;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunEntry;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncPolicy;
import org.roster.domain.sync.SyncRun;

/** Selective import (seeds/002 "Import users & groups") through {@link ImportService} and the engine. */
class ImportServiceTest {
  private static final String ADMIN = "admin:ida";
  private final EngineFixture f = new EngineFixture(Policies.open());
  private final FakeIncrementalSource directory = new FakeIncrementalSource();
  private final ImportService service;
  private final Role seller = role("Seller");
  private final Role reviewer = role("Reviewer");

  ImportServiceTest() {
    f.connector.incremental = directory;
    service = new ImportService(f.stores.profiles, f.stores.roles, f.stores.imports,
        new ConnectorRegistry(List.of(f.connector)), f.runs);
    directory.all.group("g1", "Sales").user("u1", "ann", "g1").user("u2", "bob").user("u3", "cid");
  }

  private Role role(String name) {
    Role r = Role.unbound(UUID.randomUUID(), name, RoleKind.FUNCTIONAL, null);
    f.stores.roles.save(r);
    return r;
  }

  private SyncRun importing(List<String> ids, Boolean enable, Set<UUID> roles) {
    f.clock.tick();
    SyncRun queued = service.importSelected(new ImportCommand(f.profile.id(), ids, enable, roles, ADMIN));
    return f.stores.runs.find(queued.id()).orElseThrow();
  }

  private Set<RoleAssignment> assignments(String externalId) {
    return Set.copyOf(f.stores.roles.assignmentsOf(f.user(externalId).id()));
  }

  @Test
  void importsOnlyTheSelectedEntriesAndGivesTheNewUsersTheRoles() {
    SyncRun run = importing(List.of("u1", "u3", "u1"), true, Set.of(seller.id()));

    assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.trigger()).isEqualTo(RunTrigger.IMPORT);
    assertThat(run.requestedBy()).isEqualTo(ADMIN);
    assertThat(run.counts().get(EntryOutcome.CREATED)).isEqualTo(2);
    assertThat(f.stores.db.users.values()).extracting(User::login).containsExactlyInAnyOrder("ann", "cid");
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(f.user("u1").seat()).isTrue();
    assertThat(f.stores.users.groupIdsOf(List.of(f.user("u1").id()))).hasSize(1);
    assertThat(assignments("u1")).containsExactly(new RoleAssignment(f.user("u1").id(), seller.id(), false));
    assertThat(assignments("u3")).containsExactly(new RoleAssignment(f.user("u3").id(), seller.id(), false));
    assertThat(directory.reread).containsExactly("u1", "u3");
    assertThat(f.stores.audit.all()).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("roles assigned");
      assertThat(e.after()).containsEntry("roles", "Seller");
      assertThat(e.detail()).contains(ADMIN);
    });
    assertThat(f.stores.profiles.state(f.profile.id())).as("the watermark stays").isEqualTo(ProfileState.empty(f.profile.id()));
  }

  @Test
  void aUserImportedBeforeIsUpdatedButKeepsItsRoleAssignments() {
    importing(List.of("u1"), true, Set.of(seller.id()));
    directory.all.user("u1", "ann", true, Map.of("email", "ann@new.example"), "g1");

    SyncRun again = importing(List.of("u1"), true, Set.of(reviewer.id()));

    assertThat(again.counts().get(EntryOutcome.UPDATED)).isEqualTo(1);
    assertThat(f.user("u1").attribute("email")).isEqualTo("ann@new.example");
    assertThat(assignments("u1")).extracting(RoleAssignment::roleId).containsExactly(seller.id());
  }

  @Test
  void withEnableOffNewUsersAreInactiveUntilAnAdminActivatesThem() {
    importing(List.of("u1"), false, Set.of());
    assertThat(f.user("u1").status()).isEqualTo(UserStatus.INACTIVE);
    assertThat(f.user("u1").inactiveReason()).isEqualTo(InactiveReason.NOT_ENABLED_ON_IMPORT);
    assertThat(f.user("u1").seat()).isFalse();

    f.policy(Policies.notEnabledAfterImport());
    importing(List.of("u2"), null, Set.of());
    assertThat(f.user("u2").status()).as("left out: the profile's setting").isEqualTo(UserStatus.INACTIVE);
  }

  @Test
  void anImportDeletesNoOneAndReportsEntriesItDidNotFind() {
    importing(List.of("u1", "u2"), true, Set.of());
    directory.all.remove("u2");

    SyncRun run = importing(List.of("u1", "u9"), true, Set.of());

    assertThat(f.user("u2").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(run.counts().get(EntryOutcome.DELETED)).isZero();
    assertThat(f.report(run)).filteredOn(e -> "u9".equals(e.externalId())).singleElement()
        .satisfies(e -> {
          assertThat(e.outcome()).isEqualTo(EntryOutcome.SKIPPED);
          assertThat(e.detail()).contains("not found in the directory");
        });
  }

  @Test
  void aSelectedUserOutsideTheSynchronizedGroupsIsImportedAndBoundRolesApply() {
    f.policy(new SyncPolicy(true, true, false, true, true, Set.of("Sales"), List.of(), List.of(),
        DeletionThreshold.DEFAULT));
    f.run(); // a full run: ann (in Sales) only
    UUID sales = f.stores.groups.findByProfile(f.profile.id()).get(0).id();
    f.stores.roles.save(seller.boundTo(Set.of(sales)));
    assertThat(f.stores.db.users).hasSize(1);

    SyncRun run = importing(List.of("u2"), true, Set.of());

    assertThat(run.counts().get(EntryOutcome.CREATED)).isEqualTo(1);
    assertThat(f.user("u2").status()).isEqualTo(UserStatus.ACTIVE);
    directory.all.user("u4", "dan", "g1");
    importing(List.of("u4"), true, Set.of());
    assertThat(f.stores.roles.syncedRoleIdsOf(List.of(f.user("u4").id())).get(f.user("u4").id()))
        .containsExactly(seller.id());
  }

  @Test
  void aDirectoryThatCannotReadEntriesByIdFailsTheRunAndAppliesNothing() {
    f.connector.incremental = null;
    f.source().user("u1", "ann");

    SyncRun run = importing(List.of("u1"), true, Set.of());

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).contains("cannot read selected entries");
    assertThat(f.stores.db.users).isEmpty();
  }

  @Test
  void theRequestIsCheckedBeforeAnythingIsQueued() {
    assertThatThrownBy(() -> importing(List.of("u1"), true, Set.of(UUID.randomUUID())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("roleIds"));
    assertThatThrownBy(() -> service.importSelected(
        new ImportCommand(UUID.randomUUID(), List.of("u1"), true, Set.of(), ADMIN)))
        .isInstanceOf(NotFoundException.class);
    assertThat(field(() -> new ImportCommand(f.profile.id(), List.of(), true, Set.of(), ADMIN))).isEqualTo("externalIds");
    assertThat(field(() -> new ImportCommand(f.profile.id(), List.of("u1", " "), true, Set.of(), ADMIN)))
        .isEqualTo("externalIds[1]");
    assertThat(field(() -> new ImportCommand(f.profile.id(),
        java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "u" + i).toList(), true, Set.of(), ADMIN)))
        .isEqualTo("externalIds");
    assertThat(f.stores.runs.runs).isEmpty();
    assertThat(f.stores.imports.selections).isEmpty();
  }

  @Test
  void theSelectionIsKeptWithTheRun() {
    SyncRun run = importing(List.of("u3", "u1"), false, Set.of(seller.id()));

    var selection = f.stores.imports.find(run.id()).orElseThrow();
    assertThat(selection.externalIds()).containsExactly("u3", "u1");
    assertThat(selection.enableUsers()).isFalse();
    assertThat(selection.roleIds()).containsExactly(seller.id());
    List<RunEntry> report = f.report(run);
    assertThat(report).extracting(RunEntry::externalId).contains("u3", "u1");
  }

  @Test
  void aProfileFedByFilesIsRefused() {
    org.roster.domain.sync.Profile files = new org.roster.domain.sync.Profile(UUID.randomUUID(), "hr",
        "files", Map.of(), Policies.open(), true, f.clock.instant(), f.clock.instant());
    f.stores.profiles.save(files);
    ImportService withFiles = new ImportService(f.stores.profiles, f.stores.roles, f.stores.imports,
        new ConnectorRegistry(List.of(f.connector, new FilesConnector())), f.runs);

    assertThatThrownBy(() -> withFiles.importSelected(new ImportCommand(files.id(), List.of("E1"), true, Set.of(), ADMIN)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reads whole files")
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("profile"));
  }

  /** A connector fed by dropped files, as the CSV one is. */
  private static final class FilesConnector implements org.roster.connector.api.ConnectorFactory,
      org.roster.connector.api.DropFolderConnector {
    public String type() {
      return "files";
    }

    public Set<String> secretSettings() {
      return Set.of();
    }

    public org.roster.connector.api.ConnectorSettings validate(org.roster.connector.api.RawSettings raw) {
      return new org.roster.connector.api.ConnectorSettings() {};
    }

    public org.roster.connector.api.DirectorySource open(org.roster.connector.api.ConnectorSettings s,
        org.roster.connector.api.SourceContext c) {
      throw new AssertionError("an import of a file-fed profile must be refused before a source is opened");
    }

    public List<org.roster.connector.api.DroppedFile> readyFiles(org.roster.connector.api.ConnectorSettings s) {
      return List.of();
    }

    public java.util.Optional<org.roster.connector.api.DroppedFile> lastProcessed(
        org.roster.connector.api.ConnectorSettings s) {
      return java.util.Optional.empty();
    }

    public org.roster.connector.api.DirectorySource openFile(org.roster.connector.api.ConnectorSettings s,
        org.roster.connector.api.DroppedFile file, org.roster.connector.api.SourceContext c) {
      throw new AssertionError("an import of a file-fed profile must be refused before a file is opened");
    }

    public org.roster.connector.api.DroppedFile settle(org.roster.connector.api.ConnectorSettings s,
        org.roster.connector.api.DroppedFile file, boolean applied, String report) {
      return file;
    }
  }

  private static String field(Runnable r) {
    return ((InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(r::run)).field();
  }
}
