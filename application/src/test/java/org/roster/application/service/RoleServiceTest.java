package org.roster.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roster.application.port.in.ConflictException;
import org.roster.application.port.in.InvalidRequestException;
import org.roster.application.port.in.NotFoundException;
import org.roster.application.port.in.RoleDetails;
import org.roster.application.port.in.SaveRoleCommand;
import org.roster.application.port.out.PageRequest;
import org.roster.application.port.out.RoleAssignment;
import org.roster.domain.audit.AuditCategory;
import org.roster.domain.audit.AuditEvent;
import org.roster.domain.identity.Group;
import org.roster.domain.identity.User;
import org.roster.domain.role.Role;
import org.roster.domain.role.RoleKind;

/** The role tree and group bindings (DESIGN rule 12) through {@link RoleService}. */
class RoleServiceTest {
  private static final String ADMIN = "admin:alice";
  private final EngineFixture f = new EngineFixture(Policies.open());
  private final RoleService service = new RoleService(f.stores.db, f.stores.roles,
      f.stores.groups, f.stores.exclusions, f.stores.audit, f.clock);

  private Role org(String name, Role parent) {
    return service.create(new SaveRoleCommand(name, RoleKind.ORGANIZATIONAL,
        parent == null ? null : parent.id()), ADMIN);
  }

  private static InvalidRequestException invalid(Runnable r) {
    return (InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(r::run);
  }

  @Test
  void buildsTheOrganisationTreeAndShowsARoleWithItsPlaceInIt() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    Role emea = org("EMEA", sales);
    Role apac = org("APAC", sales);

    RoleDetails details = service.get(sales.id());

    assertThat(details.path()).containsExactly(corp);
    assertThat(details.children()).containsExactly(apac, emea);
    assertThat(service.get(emea.id()).path()).containsExactly(corp, sales);
    AuditEvent created = f.stores.audit.all().stream()
        .filter(e -> e.objectId().equals(emea.id())).findFirst().orElseThrow();
    assertThat(created.actor()).isEqualTo(ADMIN);
    assertThat(created.runId()).isNull();
    assertThat(created.category()).isEqualTo(AuditCategory.ROLE);
    assertThat(created.after()).containsEntry("name", "EMEA").containsEntry("parent", "Corp / Sales");
  }

  @Test
  void aMoveUnderItsOwnDescendantIsRefusedAsACycle() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    Role emea = org("EMEA", sales);

    InvalidRequestException e = invalid(() ->
        service.update(corp.id(), new SaveRoleCommand("Corp", null, emea.id()), ADMIN));

    assertThat(e.field()).isEqualTo("parentId");
    assertThat(e.getMessage()).contains("its own ancestor");
    assertThat(f.stores.roles.find(corp.id()).orElseThrow().parentId()).isNull();
  }

  @Test
  void renamesAndMovesKeepingBindingsAndAuditsOnlyWhatChanged() {
    Role corp = org("Corp", null);
    Role other = org("Other", null);
    Role sales = org("Sales", corp);
    f.source().group("g1", "Sales staff");
    f.run();
    UUID group = groupId("g1");
    service.bind(sales.id(), List.of(group), ADMIN);

    Role moved = service.update(sales.id(), new SaveRoleCommand("Sales & Marketing", null, other.id()), ADMIN);

    assertThat(moved.parentId()).isEqualTo(other.id());
    assertThat(moved.boundGroupIds()).containsExactly(group);
    AuditEvent e = last();
    assertThat(e.action()).isEqualTo("renamed and moved");
    assertThat(e.before()).containsEntry("name", "Sales").containsEntry("parent", "Corp").doesNotContainKey("kind");
    assertThat(e.after()).containsEntry("name", "Sales & Marketing").containsEntry("parent", "Other");
    int events = f.stores.db.audit.size();
    service.update(sales.id(), new SaveRoleCommand("Sales & Marketing", RoleKind.ORGANIZATIONAL, other.id()), ADMIN);
    assertThat(f.stores.db.audit).as("no change, no event").hasSize(events);
  }

  @Test
  void theKindIsRequiredToCreateAndNeverChanges() {
    assertThat(invalid(() -> service.create(new SaveRoleCommand("X", null, null), ADMIN)).field())
        .isEqualTo("kind");
    Role approver = service.create(new SaveRoleCommand("Approver", RoleKind.FUNCTIONAL, null), ADMIN);
    assertThat(invalid(() -> service.update(approver.id(),
        new SaveRoleCommand("Approver", RoleKind.ORGANIZATIONAL, null), ADMIN)).field()).isEqualTo("kind");
  }

  @Test
  void functionalRolesAreFlatAndOnlyOrganizationalRolesAreParents() {
    Role corp = org("Corp", null);
    Role approver = service.create(new SaveRoleCommand("Approver", RoleKind.FUNCTIONAL, null), ADMIN);

    assertThatThrownBy(() -> service.create(new SaveRoleCommand("Signer", RoleKind.FUNCTIONAL, corp.id()), ADMIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'parentId'");
    assertThat(invalid(() -> service.create(new SaveRoleCommand("Dept", RoleKind.ORGANIZATIONAL, approver.id()), ADMIN))
        .getMessage()).contains("must be an organizational role");
    assertThat(invalid(() -> service.create(new SaveRoleCommand("Dept", RoleKind.ORGANIZATIONAL, UUID.randomUUID()), ADMIN))
        .getMessage()).contains("does not exist");
  }

  @Test
  void siblingsMayNotShareANameButCousinsMay() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    Role it = org("IT", corp);
    org("Support", sales);

    assertThatThrownBy(() -> org("sales", corp)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("'Sales' already exists");
    assertThat(org("Support", it).parentId()).isEqualTo(it.id());
    assertThatThrownBy(() -> service.update(it.id(), new SaveRoleCommand("SALES", null, corp.id()), ADMIN))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void listsPagedByNameWithKindTextAndParentFilters() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    org("Presales", corp);
    service.create(new SaveRoleCommand("Sales approver", RoleKind.FUNCTIONAL, null), ADMIN);

    assertThat(service.list(null, "SALES", null, PageRequest.first(10)).items())
        .extracting(Role::name).containsExactly("Presales", "Sales", "Sales approver");
    assertThat(service.list(RoleKind.FUNCTIONAL, null, null, PageRequest.first(10)).items())
        .extracting(Role::name).containsExactly("Sales approver");
    assertThat(service.list(null, null, corp.id(), PageRequest.first(10)).items())
        .extracting(Role::name).containsExactly("Presales", "Sales");
    var second = service.list(null, null, null, new PageRequest(1, 3));
    assertThat(second.items()).extracting(Role::name).containsExactly("Sales approver");
    assertThat(second.total()).isEqualTo(4);
    assertThat(sales.kind()).isEqualTo(RoleKind.ORGANIZATIONAL);
  }

  @Test
  void deleteIsRefusedWhileTheRoleHasChildrenOrHoldersAndSaysWhich() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    org("EMEA", sales);
    f.stores.roles.addAssignments(List.of(new RoleAssignment(UUID.randomUUID(), sales.id(), false)));

    assertThatThrownBy(() -> service.delete(sales.id(), false, ADMIN))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has 1 child role(s): 'EMEA'")
        .hasMessageContaining("held by 1 user(s)");
    assertThat(f.stores.roles.find(sales.id())).isPresent();
    assertThatThrownBy(() -> service.delete(UUID.randomUUID(), false, ADMIN))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aForcedDeleteMovesChildrenUpAndRemovesAssignmentsAndTheExclusion() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    Role emea = org("EMEA", sales);
    UUID holder = UUID.randomUUID();
    f.stores.roles.addAssignments(List.of(new RoleAssignment(holder, sales.id(), true)));
    f.stores.exclusions.add("ROLE", sales.id());

    service.delete(sales.id(), true, ADMIN);

    assertThat(f.stores.roles.find(sales.id())).isEmpty();
    assertThat(f.stores.roles.find(emea.id()).orElseThrow().parentId()).isEqualTo(corp.id());
    assertThat(f.stores.roles.assignmentsOf(holder)).isEmpty();
    assertThat(f.stores.exclusions.load().roles()).isEmpty();
    assertThat(last().action()).isEqualTo("deleted");
    assertThat(last().detail()).contains("1 child role(s) moved up, 1 assignment(s) removed");
  }

  @Test
  void aForcedDeleteIsRefusedWhenAChildWouldClashWithAnUncle() {
    Role corp = org("Corp", null);
    Role sales = org("Sales", corp);
    org("EMEA", corp);
    org("EMEA", sales);

    assertThatThrownBy(() -> service.delete(sales.id(), true, ADMIN))
        .isInstanceOf(ConflictException.class).hasMessageContaining("cannot move up");
    assertThat(f.stores.roles.find(sales.id())).isPresent();
  }

  @Test
  void aBindingGivesTheGroupsMembersTheRoleOnTheNextRunAndUnbindingTakesItAway() {
    f.source().group("g1", "Sales EU").group("g2", "Sales US")
        .user("u1", "ann", "g1").user("u2", "bob", "g2").user("u3", "cid");
    f.run();
    Role sales = org("Sales", null);

    Role bound = service.bind(sales.id(), List.of(groupId("g1"), groupId("g2"), groupId("g1")), ADMIN);
    f.run();

    assertThat(bound.boundGroupIds()).containsExactlyInAnyOrder(groupId("g1"), groupId("g2"));
    assertThat(rolesOf("u1")).containsExactly(sales.id());
    assertThat(rolesOf("u2")).containsExactly(sales.id());
    assertThat(rolesOf("u3")).isEmpty();
    assertThat(service.get(sales.id()).boundGroups()).extracting(Group::name)
        .containsExactly("Sales EU", "Sales US");
    assertThat(service.get(sales.id()).holders()).isEqualTo(2);
    AuditEvent e = last();
    assertThat(e.action()).isEqualTo("bound");
    assertThat(e.after()).containsEntry("groups", "Sales EU|Sales US");

    service.bind(sales.id(), List.of(groupId("g2")), ADMIN);
    f.run();

    assertThat(rolesOf("u1")).isEmpty();
    assertThat(rolesOf("u2")).containsExactly(sales.id());
  }

  @Test
  void onlyExistingLiveGroupsCanBeBound() {
    f.source().group("g1", "Sales").group("g2", "Gone");
    f.run();
    f.source().groups.removeIf(g -> g.externalId().equals("g2"));
    f.run();
    Role sales = org("Sales", null);
    UUID missing = UUID.randomUUID();

    InvalidRequestException unknown = invalid(() -> service.bind(sales.id(), List.of(groupId("g1"), missing), ADMIN));
    InvalidRequestException deleted = invalid(() -> service.bind(sales.id(), List.of(groupId("g2")), ADMIN));

    assertThat(unknown.field()).isEqualTo("groupIds");
    assertThat(unknown.getMessage()).contains(missing.toString());
    assertThat(deleted.getMessage()).contains("'Gone'").contains("deleted");
    assertThat(f.stores.roles.find(sales.id()).orElseThrow().bound()).isFalse();
  }

  private UUID groupId(String externalId) {
    return f.stores.groups.findByProfile(f.profile.id()).stream()
        .filter(g -> g.externalId().equals(externalId)).findFirst().orElseThrow().id();
  }

  private Set<UUID> rolesOf(String externalId) {
    User u = f.user(externalId);
    return f.stores.roles.syncedRoleIdsOf(List.of(u.id())).getOrDefault(u.id(), Set.of());
  }

  /** The admin's latest audit event. */
  private AuditEvent last() {
    List<AuditEvent> mine = f.stores.db.audit.stream().filter(e -> e.actor().equals(ADMIN)).toList();
    return mine.get(mine.size() - 1);
  }
}
