package org.roster.domain.role;

/** Organizational roles form a tree (organisation → department); functional roles are flat. */
public enum RoleKind {
  ORGANIZATIONAL,
  FUNCTIONAL
}
