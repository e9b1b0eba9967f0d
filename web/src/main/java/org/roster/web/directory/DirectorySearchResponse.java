package org.roster.web.directory;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The hits of a directory search, at most {@code limit} of them. */
@Serdeable
public record DirectorySearchResponse(List<DirectoryHitResponse> items, int limit) {}
