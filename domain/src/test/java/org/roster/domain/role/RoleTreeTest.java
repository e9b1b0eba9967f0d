package org.roster.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN rule 12: organizational roles form a tree, functional roles are flat. */
class RoleTreeTest {
  private final Role org = org("Organisation", null);
  private final Role sales = org("Sales", org.id());
  private final Role emea = org("EMEA", sales.id());
  private final Role approver = Role.unbound(UUID.randomUUID(), "Approver", RoleKind.FUNCTIONAL, null);
  private final RoleTree tree = new RoleTree(List.of(org, sales, emea, approver));

  private static Role org(String name, UUID parent) {
    return Role.unbound(UUID.randomUUID(), name, RoleKind.ORGANIZATIONAL, parent);
  }

  @Test
  void aMoveUnderItsOwnDescendantIsACycle() {
    assertThat(tree.problemWith(org.movedUnder(emea.id()))).contains("a role cannot be its own ancestor");
    assertThat(tree.problemWith(org.movedUnder(sales.id()))).isPresent();
    assertThat(tree.problemWith(emea.movedUnder(org.id()))).isEmpty();
  }

  @Test
  void aParentMustExistAndBeOrganizational() {
    UUID missing = UUID.randomUUID();
    assertThat(tree.problemWith(emea.movedUnder(missing))).contains("parent role " + missing + " does not exist");
    assertThat(tree.problemWith(emea.movedUnder(approver.id())))
        .contains("the parent of a role must be an organizational role");
  }

  @Test
  void functionalRolesAreFlatAndNoRoleIsItsOwnParent() {
    assertThatThrownBy(() -> Role.unbound(UUID.randomUUID(), "F", RoleKind.FUNCTIONAL, org.id()))
        .hasMessageStartingWith("'parentId'");
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> Role.unbound(id, "Self", RoleKind.ORGANIZATIONAL, id))
        .hasMessageStartingWith("'parentId'");
    assertThatThrownBy(() -> Role.unbound(id, " ", RoleKind.ORGANIZATIONAL, null))
        .hasMessageStartingWith("'name'");
  }

  @Test
  void walksChildrenAndAncestors() {
    assertThat(tree.children(null)).containsExactly(approver, org);
    assertThat(tree.children(org.id())).containsExactly(sales);
    assertThat(tree.ancestors(emea.id())).containsExactly(org, sales);
    assertThat(tree.ancestors(org.id())).isEmpty();
    assertThat(tree.ancestors(UUID.randomUUID())).isEmpty();
    assertThat(tree.path(emea.id())).containsExactly(org, sales, emea);
    assertThat(tree.path(UUID.randomUUID())).isEmpty();
  }

  @Test
  void siblingsOfOneKindMayNotShareANameIgnoringCase() {
    Role otherSales = org("SALES", org.id());
    Role salesElsewhere = org("Sales", emea.id());
    Role functionalSales = Role.unbound(UUID.randomUUID(), "sales", RoleKind.FUNCTIONAL, null);

    assertThat(tree.siblingNamed(otherSales)).contains(sales);
    assertThat(tree.siblingNamed(sales.renamed("sales"))).as("itself is no sibling").isEmpty();
    assertThat(tree.siblingNamed(salesElsewhere)).isEmpty();
    assertThat(tree.siblingNamed(functionalSales)).isEmpty();
    assertThat(new RoleTree(List.of(org, functionalSales)).siblingNamed(
        Role.unbound(UUID.randomUUID(), "Sales", RoleKind.FUNCTIONAL, null))).contains(functionalSales);
  }

  @Test
  void bindingsAreASetOfGroups() {
    UUID g = UUID.randomUUID();
    Role bound = approver.boundTo(Set.of(g));
    assertThat(bound.bound()).isTrue();
    assertThat(bound.boundGroupIds()).containsExactly(g);
    assertThat(bound.boundTo(Set.of()).bound()).isFalse();
  }
}
