package org.roster;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roster.application.port.in.AdminAccessUseCase;
import org.roster.application.service.AdminAccessService;
import org.roster.application.service.ProfileService;
import org.roster.application.service.RunSyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once at start-up, in order: runs cut off by a crash are aborted (while the context
 * starts: {@link RunScheduler} is created with it, and with it {@link RunSyncService}), then the
 * profiles' secrets are proven to open with this server's key (plain-text ones of an older version
 * are sealed), then the bootstrap admin is made sure of, and once the HTTP server listens, the demo is set up (demo
 * mode) and a banner with the address and the admin login is printed; a generated admin password
 * is shown in it, once.
 */
@Singleton
public class Startup {
  private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
  private final AdminAccessUseCase admins;
  private final ProfileService profiles;
  private final DemoSetup demo;
  private final DataDirectory dataDir;
  private final Optional<String> configuredPassword;
  private final PrintStream out;
  private Optional<String> generatedPassword = Optional.empty();

  public Startup(AdminAccessUseCase admins, ProfileService profiles, DemoSetup demo,
      DataDirectory dataDir, @Value("${roster.admin.password:}") String configuredPassword) {
    this.admins = admins;
    this.profiles = profiles;
    this.demo = demo;
    this.dataDir = dataDir;
    this.configuredPassword = Optional.of(configuredPassword).filter(p -> !p.isBlank());
    this.out = System.out;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    int sealed = profiles.sealStoredSecrets();
    if (sealed > 0) {
      LOG.info("Sealed the plain-text secrets of {} profile(s) with the secret key", sealed);
    }
    generatedPassword = admins.ensureBootstrapAdmin(configuredPassword);
  }

  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    String url = event.getSource().getURL().toString();
    List<String> lines = new ArrayList<>();
    lines.add("Roster is running at " + url + "  (data: " + dataDir.path() + ")");
    lines.add("admin login: " + AdminAccessService.BOOTSTRAP_LOGIN);
    generatedPassword.ifPresent(p -> lines.add("admin password: " + p + " (shown once)"));
    if (configuredPassword.isPresent()) {
      lines.add("admin password: as configured (ROSTER_ADMIN_PASSWORD)");
    } else if (generatedPassword.isEmpty()) {
      lines.add("admin password: as generated at the first start (set ROSTER_ADMIN_PASSWORD to reset it)");
    }
    generatedPassword = Optional.empty();
    if (demo.enabled()) {
      lines.addAll(demo.setUp(url));
    }
    box(lines);
  }

  private void box(List<String> lines) {
    int width = lines.stream().mapToInt(String::length).max().orElse(0);
    String rule = "+" + "-".repeat(width + 2) + "+";
    StringBuilder b = new StringBuilder().append('\n').append(rule).append('\n');
    for (String line : lines) {
      b.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
    }
    out.print(b.append(rule).append('\n'));
    out.flush();
  }
}
