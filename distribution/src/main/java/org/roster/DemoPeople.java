package org.roster;

/**
 * The demo's sample people, always the same: {@value #COUNT} rows in the CSV connector's default
 * header; every twelfth person is disabled, every seventh is also in the "Managers" group.
 */
final class DemoPeople {
  static final int COUNT = 50;
  static final String HEADER =
      "id,username,email,given_name,family_name,display_name,title,department,company,phone,status,groups";

  private static final String[] GIVEN = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace",
      "Hugo", "Ines", "Jonas"};
  private static final String[] FAMILY = {"Archer", "Baker", "Carter", "Dawson", "Ellis", "Fischer",
      "Garcia", "Hughes", "Ivanova", "Jensen"};
  private static final String[] DEPARTMENTS = {"Sales", "Engineering", "Finance", "Support", "Marketing"};
  private static final String[] TITLES = {"Associate", "Specialist", "Analyst", "Lead", "Consultant"};

  private DemoPeople() {}

  static String csv() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < COUNT; i++) {
      String given = GIVEN[i % 10];
      String family = FAMILY[(i % 10 + i / 10) % 10];
      String login = (given + "." + family).toLowerCase(java.util.Locale.ROOT);
      String department = DEPARTMENTS[i % DEPARTMENTS.length];
      String groups = i % 7 == 3 ? department + "|Managers" : department;
      String status = i % 12 == 5 ? "disabled" : "active";
      b.append(String.join(",",
          "E" + (1001 + i),
          login,
          login + "@example.org",
          given,
          family,
          given + " " + family,
          department + " " + TITLES[(i / 5) % TITLES.length],
          department,
          "Example Corp",
          String.format("+44 20 7946 %04d", 100 + i),
          status,
          groups)).append('\n');
    }
    return b.toString();
  }
}
