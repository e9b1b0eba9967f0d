package org.roster.application.port.out;

import java.util.Optional;
import java.util.UUID;

/**
 * The selections of IMPORT runs, kept with the run history (the run reads its selection when it
 * starts, and a node taking the run over reads it from here too). Joins the caller's transaction.
 */
public interface ImportStore {

  void save(ImportSelection selection);

  /** The selection of an IMPORT run; empty for any other run. */
  Optional<ImportSelection> find(UUID runId);
}
