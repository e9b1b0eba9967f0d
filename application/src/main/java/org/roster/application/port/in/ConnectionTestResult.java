package org.roster.application.port.in;

/**
 * The outcome of a connection test.
 *
 * @param ok true when every step passed
 * @param message what passed, or what failed and why
 * @param millis how long the test took
 */
public record ConnectionTestResult(boolean ok, String message, long millis) {}
