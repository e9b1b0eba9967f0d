package org.roster.application.service;

import org.roster.domain.sync.RunCounts;
import org.roster.domain.sync.RunStatus;

/**
 * How an engine pass ended.
 *
 * @param status SUCCEEDED, NEEDS_CONFIRMATION (nothing applied) or FAILED
 * @param counts the outcome counts
 * @param message for the admin: why it stopped or failed; null on success
 * @param applied true when the changes were committed
 */
record RunResult(RunStatus status, RunCounts counts, String message, boolean applied) {}
