package org.roster.web.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.roster.domain.sync.EntryOutcome;
import org.roster.domain.sync.RunCounts;

/**
 * A run's counts: entries read, and how many entries had each outcome ({@code imported}: created).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunCountsResponse(
    long read,
    int imported,
    int updated,
    int unchanged,
    int disabled,
    int reactivated,
    int deleted,
    int blocked,
    int released,
    int conflicts,
    int skipped,
    int failed) {

  public static RunCountsResponse from(RunCounts counts) {
    return new RunCountsResponse(
        counts.entriesRead(),
        counts.get(EntryOutcome.CREATED),
        counts.get(EntryOutcome.UPDATED),
        counts.get(EntryOutcome.UNCHANGED),
        counts.get(EntryOutcome.DISABLED),
        counts.get(EntryOutcome.REACTIVATED),
        counts.get(EntryOutcome.DELETED),
        counts.get(EntryOutcome.BLOCKED),
        counts.get(EntryOutcome.RELEASED),
        counts.get(EntryOutcome.CONFLICT),
        counts.get(EntryOutcome.SKIPPED),
        counts.get(EntryOutcome.FAILED));
  }
}
