/**
 * The CSV connector: a profile's people arrive as CSV files dropped into a folder, each file a full
 * snapshot. {@link org.roster.connector.csv.CsvConnectorFactory} is the entry point; {@link
 * org.roster.connector.csv.CsvSettings} documents the settings.
 */
package org.roster.connector.csv;
