package org.roster.web.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.roster.domain.sync.RunStatus;
import org.roster.domain.sync.RunTrigger;
import org.roster.domain.sync.SyncRun;

/**
 * A run as its history shows it; see {@link SyncRun} for each field. {@code mode} is spelled as
 * requests spell it (full, incremental, dry-run).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResponse(
    UUID id,
    UUID profileId,
    RunStatus status,
    RunTrigger trigger,
    String mode,
    Instant requestedAt,
    Instant startedAt,
    Instant endedAt,
    RunCountsResponse counts,
    String summary,
    String error,
    String source,
    String requestedBy,
    String confirmedBy,
    Integer confirmedDestructive) {

  public static RunResponse from(SyncRun run) {
    return new RunResponse(
        run.id(),
        run.profileId(),
        run.status(),
        run.trigger(),
        run.mode().wireName(),
        run.requestedAt(),
        run.startedAt(),
        run.endedAt(),
        RunCountsResponse.from(run.counts()),
        run.summary(),
        run.error(),
        run.source(),
        run.requestedBy(),
        run.confirmedBy(),
        run.confirmedDestructive());
  }
}
