package org.roster.domain.sync;

import java.util.UUID;
import org.roster.domain.Require;

/**
 * One line of a run's per-entry report. Unchanged entries are counted, not reported.
 *
 * @param runId the run
 * @param seq the line's order in the report
 * @param kind "USER" or "GROUP"
 * @param externalId the source's id; null when the entry had none (an empty match key)
 * @param name the login or group name; null when unknown
 * @param location where it was read (DN, line)
 * @param outcome what happened
 * @param detail why, or what changed ("title: Clerk → Manager")
 */
public record RunEntry(
    UUID runId, long seq, String kind, String externalId, String name, String location,
    EntryOutcome outcome, String detail) {
  public RunEntry {
    Require.notNull(runId, "runId");
    Require.notBlank(kind, "kind");
    Require.notNull(outcome, "outcome");
    detail = detail == null ? "" : detail;
  }
}
