package org.roster.web.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunEntry;

/** One line of a run's per-entry report; see {@link RunEntry} for each field. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunEntryResponse(
    long seq,
    String kind,
    String externalId,
    String name,
    String location,
    EntryOutcome outcome,
    String detail) {

  public static RunEntryResponse from(RunEntry entry) {
    return new RunEntryResponse(
        entry.seq(),
        entry.kind(),
        entry.externalId(),
        entry.name(),
        entry.location(),
        entry.outcome(),
        entry.detail());
  }
}
