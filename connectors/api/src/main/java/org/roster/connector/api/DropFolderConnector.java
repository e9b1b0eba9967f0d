package org.roster.connector.api;

import java.util.List;
import java.util.Optional;

/**
 * Optional capability of a {@link ConnectorFactory} whose source is a file dropped into a folder
 * (CSV). Each file is a full snapshot of the people it lists. Roster polls {@link #readyFiles},
 * runs one sync per file with a source from {@link #openFile}, then {@link #settle}s the file.
 */
public interface DropFolderConnector {

  /**
   * The files in the folder that match the pattern and are completely written (unchanged for the
   * settings' quiet period), oldest first. Reads the folder; never moves or opens a file. Creates
   * the folder and its {@code processed/} and {@code failed/} subfolders when missing.
   *
   * @throws SourceUnavailableException when the folder cannot be read
   */
  List<DroppedFile> readyFiles(ConnectorSettings settings);

  /**
   * The most recently processed file, for a manual run when nothing new was dropped: it is the
   * current snapshot of the directory.
   */
  Optional<DroppedFile> lastProcessed(ConnectorSettings settings);

  /** A source that reads exactly this file. */
  DirectorySource openFile(ConnectorSettings settings, DroppedFile file, SourceContext context);

  /**
   * Moves a file taken from the folder into {@code processed/} (applied) or {@code failed/}
   * (rejected) and writes {@code report} beside it as {@code <name>.report.txt}. A file that
   * already lies in {@code processed/} is left there. Never overwrites an earlier file of the same
   * name: the moved file gets a timestamp suffix.
   *
   * @return where the file now lies
   */
  DroppedFile settle(ConnectorSettings settings, DroppedFile file, boolean applied, String report);
}
