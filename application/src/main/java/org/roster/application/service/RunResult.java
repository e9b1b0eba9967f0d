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
 * @param pool the licence pool after the committed run; null when nothing was applied
 */
record RunResult(RunStatus status, RunCounts counts, String message, boolean applied,
    org.roster.domain.licence.LicencePool pool) {}
