package org.roster.connector.api;

/**
 * A connector's validated settings. Implementations are records whose {@code toString()} never
 * prints a secret.
 */
public interface ConnectorSettings {}
