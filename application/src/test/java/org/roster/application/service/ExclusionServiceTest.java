package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.ExcludedObject;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.ManageExclusionsUseCase.Added;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.out.PageRequest;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.SyncRun;

/** DESIGN rule 10 through {@link ExclusionService}: what admins exclude, a sync never overwrites. */
class ExclusionServiceTest {
  private static final String ADMIN = "admin:sam";
  private final EngineFixture f = new EngineFixture(Policies.open());
  private final ExclusionService service = new ExclusionService(f.stores.db, f.stores.exclusions,
      f.stores.users, f.stores.groups, f.stores.roles, f.stores.audit, f.clock);

  @Test
  void anExcludedUserIsNotOverwrittenByTheNextRunUntilIncludedAgain() {
    f.source().user("u1", "ann", true, Map.of("title", "Clerk"));
    f.run();
    UUID ann = f.user("u1").id();

    Added added = service.add("user", ann, ADMIN);
    f.source().user("u1", "ann", true, Map.of("title", "Manager"));
    SyncRun skipped = f.run();

    assertThat(added.created()).isTrue();
    assertThat(added.excluded().name()).isEqualTo("ann");
    assertThat(added.excluded().exclusion().createdBy()).isEqualTo(ADMIN);
    assertThat(f.user("u1").attribute("title")).isEqualTo("Clerk");
    assertThat(skipped.counts().get(EntryOutcome.SKIPPED)).isEqualTo(1);
    AuditEvent e = f.stores.db.audit.stream().filter(x -> x.actor().equals(ADMIN)).findFirst().orElseThrow();
    assertThat(e.category()).isEqualTo(AuditCategory.USER);
    assertThat(e.action()).isEqualTo("excluded from sync");

    service.remove("USER", ann, ADMIN);
    f.run();
    assertThat(f.user("u1").attribute("title")).isEqualTo("Manager");
  }

  @Test
  void excludingTwiceChangesNothingAndUnknownObjectsAreNotFound() {
    f.source().group("g1", "Sales");
    f.run();
    UUID sales = f.stores.groups.findByProfile(f.profile.id()).get(0).id();
    Added first = service.add("GROUP", sales, ADMIN);
    f.clock.tick();

    Added again = service.add("group", sales, "admin:other");

    assertThat(again.created()).isFalse();
    assertThat(again.excluded().exclusion()).isEqualTo(first.excluded().exclusion());
    assertThat(f.stores.db.audit.stream().filter(x -> x.category() == AuditCategory.GROUP
        && x.action().equals("excluded from sync"))).hasSize(1);
    assertThatThrownBy(() -> service.add("ROLE", UUID.randomUUID(), ADMIN))
        .isInstanceOf(NotFoundException.class).hasMessageStartingWith("role ");
    assertThatThrownBy(() -> service.add("USER", sales, ADMIN)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.remove("USER", sales, ADMIN)).isInstanceOf(NotFoundException.class);
    assertThat(((InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(
        () -> service.add("TEAM", sales, ADMIN))).field()).isEqualTo("objectType");
  }

  @Test
  void listsNewestFirstWithNamesAndByType() {
    f.source().group("g1", "Sales").user("u1", "ann");
    f.run();
    Role approver = Role.unbound(UUID.randomUUID(), "Approver", RoleKind.FUNCTIONAL, null);
    f.stores.roles.save(approver);
    service.add("USER", f.user("u1").id(), ADMIN);
    service.add("GROUP", f.stores.groups.findByProfile(f.profile.id()).get(0).id(), ADMIN);
    service.add("ROLE", approver.id(), ADMIN);
    f.stores.roles.delete(approver.id());

    List<ExcludedObject> all = service.list(null, PageRequest.first(10)).items();

    assertThat(all).extracting(x -> x.exclusion().objectType()).containsExactly("ROLE", "GROUP", "USER");
    assertThat(all).extracting(ExcludedObject::name).containsExactly(null, "Sales", "ann");
    assertThat(service.list("group", PageRequest.first(10)).items()).extracting(ExcludedObject::name)
        .containsExactly("Sales");
    assertThat(service.get("user", f.user("u1").id()).name()).isEqualTo("ann");
    assertThatThrownBy(() -> service.get("ROLE", UUID.randomUUID())).isInstanceOf(NotFoundException.class);
  }
}
