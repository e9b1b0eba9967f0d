package org.roster.domain.audit;

/** What an audit event is about; the log is searchable by it. */
public enum AuditCategory {
  USER,
  GROUP,
  ROLE,
  MEMBERSHIP,
  SEAT,
  RUN,
  PROFILE,
  SECURITY
}
