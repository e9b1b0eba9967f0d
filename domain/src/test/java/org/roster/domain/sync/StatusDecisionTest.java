package org.roster.domain.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.roster.domain.identity.InactiveReason;
import org.roster.domain.identity.UserStatus;

/** DESIGN rules 3, 6 and 7 as one function. */
class StatusDecisionTest {
  private static final SyncPolicy OPEN = SyncPolicy.defaults(false);
  private static final SyncPolicy GROUPS_ONLY = new SyncPolicy(true, true, true, true, true,
      java.util.Set.of(), java.util.List.of(), java.util.List.of(), DeletionThreshold.DEFAULT);

  @Test
  void rule3_newEnabledUserIsActive_newDisabledIsInactive() {
    assertThat(StatusDecision.decide(null, null, false, true, true, OPEN).status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(StatusDecision.decide(null, null, false, false, true, OPEN).reason())
        .isEqualTo(InactiveReason.DISABLED_IN_SOURCE);
  }

  @Test
  void rule6_disabledDeactivatesAndEnabledReactivates() {
    assertThat(StatusDecision.decide(UserStatus.ACTIVE, null, false, false, true, OPEN).status())
        .isEqualTo(UserStatus.INACTIVE);
    assertThat(StatusDecision.decide(UserStatus.INACTIVE, InactiveReason.DISABLED_IN_SOURCE, false, true, true, OPEN).status())
        .isEqualTo(UserStatus.ACTIVE);
  }

  @Test
  void rule6_onlyAnAdminLiftsAnAdminsDeactivation() {
    assertThat(StatusDecision.decide(UserStatus.INACTIVE, InactiveReason.BY_ADMIN, false, true, true, OPEN).status())
        .isEqualTo(UserStatus.INACTIVE);
    assertThat(StatusDecision.decide(UserStatus.INACTIVE, InactiveReason.NOT_ENABLED_ON_IMPORT, false, true, true, OPEN).status())
        .isEqualTo(UserStatus.INACTIVE);
  }

  @Test
  void rule7_groupsOnlyDeactivatesOutOfGroupsAndBringsBack() {
    StatusDecision out = StatusDecision.decide(UserStatus.ACTIVE, null, false, true, false, GROUPS_ONLY);
    assertThat(out.reason()).isEqualTo(InactiveReason.OUT_OF_GROUPS);
    assertThat(StatusDecision.decide(UserStatus.INACTIVE, InactiveReason.OUT_OF_GROUPS, false, true, true, GROUPS_ONLY).status())
        .isEqualTo(UserStatus.ACTIVE);
    assertThat(StatusDecision.decide(UserStatus.ACTIVE, null, false, true, false, OPEN).status())
        .as("without groups-only, leaving the groups changes nothing").isEqualTo(UserStatus.ACTIVE);
  }

  @Test
  void rule8_protectedUsersAreNotDeactivated() {
    StatusDecision d = StatusDecision.decide(UserStatus.ACTIVE, null, true, false, true, OPEN);
    assertThat(d.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(d.protectedKept()).isTrue();
  }

  @Test
  void rule11_blockedUsersKeepWaitingForASeat() {
    assertThat(StatusDecision.decide(UserStatus.BLOCKED, null, false, true, true, OPEN).status())
        .isEqualTo(UserStatus.BLOCKED);
  }
}
