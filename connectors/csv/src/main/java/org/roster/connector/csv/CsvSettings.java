package org.roster.connector.csv;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;
import org.roster.connector.api.ConnectorSettings;
import org.roster.connector.api.InvalidSettingsException;
import org.roster.connector.api.RawSettings;

/**
 * A CSV profile's validated settings. None is a secret.
 *
 * @param folder the drop folder (setting {@code folder}, required)
 * @param filePattern glob of the file names to take, case-insensitive ({@code filePattern}, default
 *     {@code *.csv})
 * @param delimiter the field delimiter ({@code delimiter}: one character such as {@code ,} {@code
 *     ;} {@code |}, or {@code tab}; default {@code ,})
 * @param encoding the files' charset ({@code encoding}, default UTF-8; a UTF-8 BOM is skipped)
 * @param quietPeriod how long a file must stay unchanged to be ready ({@code quietSeconds}, default
 *     5)
 * @param mapping columns to fields ({@code matchColumn}, default {@code id}, and {@code mapping},
 *     see {@link ColumnMapping})
 * @param multiValueSeparator separates the groups in the groups column ({@code
 *     multiValueSeparator}, default {@code |})
 * @param statusActive the status of an enabled user ({@code statusActive}, default {@code active};
 *     compared case-insensitively; an empty status is active too)
 * @param statusDisabled the status of a disabled user ({@code statusDisabled}, default {@code
 *     disabled})
 * @param keepFiles how many files {@code processed/} and {@code failed/} each keep, with their
 *     reports; older ones are deleted when a run settles its file ({@code keepFiles}, default 100;
 *     0 keeps every file)
 */
public record CsvSettings(
    Path folder,
    String filePattern,
    char delimiter,
    Charset encoding,
    Duration quietPeriod,
    ColumnMapping mapping,
    String multiValueSeparator,
    String statusActive,
    String statusDisabled,
    int keepFiles)
    implements ConnectorSettings {

  public static final String FOLDER = "folder";
  public static final String FILE_PATTERN = "filePattern";
  public static final String DELIMITER = "delimiter";
  public static final String ENCODING = "encoding";
  public static final String QUIET_SECONDS = "quietSeconds";
  public static final String MATCH_COLUMN = "matchColumn";
  public static final String MAPPING = "mapping";
  public static final String MULTI_VALUE_SEPARATOR = "multiValueSeparator";
  public static final String STATUS_ACTIVE = "statusActive";
  public static final String STATUS_DISABLED = "statusDisabled";
  public static final String KEEP_FILES = "keepFiles";

  public CsvSettings {
    Objects.requireNonNull(folder, "'folder' must not be null");
    Objects.requireNonNull(filePattern, "'filePattern' must not be null");
    Objects.requireNonNull(encoding, "'encoding' must not be null");
    Objects.requireNonNull(quietPeriod, "'quietPeriod' must not be null");
    Objects.requireNonNull(mapping, "'mapping' must not be null");
    Objects.requireNonNull(multiValueSeparator, "'multiValueSeparator' must not be null");
    Objects.requireNonNull(statusActive, "'statusActive' must not be null");
    Objects.requireNonNull(statusDisabled, "'statusDisabled' must not be null");
  }

  /**
   * Parses and validates the admin's settings without I/O.
   *
   * @throws InvalidSettingsException naming the first invalid setting
   */
  public static CsvSettings from(RawSettings raw) {
    Path folder = folder(raw.string(FOLDER));
    String pattern = filePattern(raw.string(FILE_PATTERN, "*.csv"));
    char delimiter = Delimiter.parse(raw.asMap().get(DELIMITER));
    Charset encoding = encoding(raw.string(ENCODING, "UTF-8"));
    int quietSeconds = raw.integer(QUIET_SECONDS, 5);
    if (quietSeconds < 0) {
      throw new InvalidSettingsException(QUIET_SECONDS, "must not be negative");
    }
    ColumnMapping mapping = ColumnMapping.from(raw);
    String separator = raw.string(MULTI_VALUE_SEPARATOR, "|");
    if (separator.indexOf('\n') >= 0 || separator.indexOf('\r') >= 0) {
      throw new InvalidSettingsException(MULTI_VALUE_SEPARATOR, "must not contain a line break");
    }
    String active = raw.string(STATUS_ACTIVE, "active").strip();
    String disabled = raw.string(STATUS_DISABLED, "disabled").strip();
    if (active.equalsIgnoreCase(disabled)) {
      throw new InvalidSettingsException(STATUS_DISABLED, "must differ from statusActive");
    }
    int keepFiles = raw.integer(KEEP_FILES, 100);
    if (keepFiles < 0) {
      throw new InvalidSettingsException(KEEP_FILES, "must not be negative (0 keeps every file)");
    }
    return new CsvSettings(
        folder,
        pattern,
        delimiter,
        encoding,
        Duration.ofSeconds(quietSeconds),
        mapping,
        separator,
        active,
        disabled,
        keepFiles);
  }

  private static Path folder(String value) {
    try {
      return Path.of(value).normalize();
    } catch (InvalidPathException e) {
      throw new InvalidSettingsException(FOLDER, "is not a valid path: " + e.getMessage());
    }
  }

  private static String filePattern(String value) {
    if (value.contains("/") || value.contains("\\")) {
      throw new InvalidSettingsException(FILE_PATTERN, "must match file names, not paths");
    }
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + value.toLowerCase(Locale.ROOT));
      return value;
    } catch (PatternSyntaxException e) {
      throw new InvalidSettingsException(
          FILE_PATTERN, "is not a valid glob: " + e.getDescription());
    }
  }

  private static Charset encoding(String value) {
    try {
      return Charset.forName(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException(ENCODING, "unknown charset '" + value + "'");
    }
  }
}
