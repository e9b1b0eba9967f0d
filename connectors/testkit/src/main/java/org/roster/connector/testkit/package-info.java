/**
 * The contract every directory connector passes: {@link
 * org.roster.connector.testkit.DirectorySourceContract} for all sources, {@link
 * org.roster.connector.testkit.IncrementalSourceContract} for incremental ones, a neutral fixture
 * ({@link org.roster.connector.testkit.TestDirectory}) and a {@link
 * org.roster.connector.testkit.RecordingSink} that tests of connectors and of the engine reuse.
 */
package org.roster.connector.testkit;
