package org.roster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hexagon's walls: dependencies point inwards (DESIGN.md, "Architecture"). */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.roster");
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.roster.domain", "org.roster.application", "org.roster.connector.api",
      "org.roster.connector.csv", "org.roster.connector.ldap", "org.roster.store", "org.roster.web"})
  void everyModuleIsImported(String pkg) {
    assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
        .as("classes of " + pkg + " on the test class path").isTrue();
  }

  @Test
  void domainIsPlainJava() {
    noClasses().that().resideInAPackage("org.roster.domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.micronaut..", "jakarta..", "org.roster.application..", "org.roster.connector..", "java.sql..")
        .check(classes);
  }

  @Test
  void applicationKnowsNoFrameworkAndNoAdapter() {
    noClasses().that().resideInAPackage("org.roster.application..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.micronaut..", "org.roster.store..", "org.roster.web..")
        .check(classes);
  }

  @Test
  void connectorsDependOnTheirApiOnly() {
    noClasses().that().resideInAPackage("org.roster.connector..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.roster.application..", "org.roster.store..", "org.roster.web..", "org.roster.domain..")
        .check(classes);
  }

  @Test
  void storeKnowsNoWeb() {
    noClasses().that().resideInAPackage("org.roster.store..")
        .should().dependOnClassesThat().resideInAPackage("org.roster.web..")
        .check(classes);
  }

  @Test
  void webKnowsNoStore() {
    noClasses().that().resideInAPackage("org.roster.web..")
        .should().dependOnClassesThat().resideInAPackage("org.roster.store..")
        .check(classes);
  }
}
