package org.roster.domain.sync;

/** How a run reads and whether it applies. */
public enum RunMode {
  /** Read the whole source; entries absent from it are deleted. */
  FULL,
  /** Read changes since the saved watermark (sources that support it). */
  INCREMENTAL,
  /** Compute and report the plan of a full run; apply nothing. */
  DRY_RUN;

  /** The API's spelling: full, incremental, dry-run. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static RunMode fromWire(String value) {
    for (RunMode m : values()) {
      if (m.wireName().equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'mode' must be one of full, incremental, dry-run; not '" + value + "'");
  }
}
