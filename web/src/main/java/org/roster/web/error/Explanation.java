package org.roster.web.error;

import io.micronaut.core.annotation.Nullable;

/** What a problem says went wrong: a sentence, and the request field at fault when known. */
record Explanation(String detail, @Nullable String field) {}
