package org.roster;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the Roster server: {@code java -jar roster.jar [serve|demo] [--key=value ...]}. {@code
 * serve} (the default) runs the server; {@code demo} also sets up a CSV drop folder with sample
 * people and runs its first sync (see {@link DemoSetup}). With {@code ROSTER_DB_URL} set, the
 * server uses that database instead of the embedded H2 file.
 */
public final class Application {
  static final String DB_URL_ENV = "ROSTER_DB_URL";

  private Application() {}

  public static void main(String[] args) {
    String mode = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0].toLowerCase(Locale.ROOT);
    if (!mode.equals("serve") && !mode.equals("demo")) {
      System.err.println("usage: roster [serve|demo] [--key=value ...]");
      System.exit(2);
    }
    String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
    Micronaut.build(rest)
        .mainClass(Application.class)
        .banner(false)
        .properties(properties(mode, System.getenv(DB_URL_ENV)))
        .start();
  }

  /** What the command line and the environment add to application.yml. */
  static Map<String, Object> properties(String mode, String dbUrl) {
    Map<String, Object> p = new HashMap<>();
    p.put(DemoSetup.ENABLED, mode.equals("demo"));
    if (dbUrl != null && !dbUrl.isBlank()) {
      p.put("datasources.default.url", dbUrl.strip());
    }
    return p;
  }
}
