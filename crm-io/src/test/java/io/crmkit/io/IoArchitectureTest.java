package io.crmkit.io;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * crm-io's boundaries: files go in and out through the ports of {@link CrmStores}, so import,
 * export, backup and restore work the same on every store (in memory, JDBC, a user's own).
 */
@AnalyzeClasses(packages = "io.crmkit.io", importOptions = ImportOption.DoNotIncludeTests.class)
class IoArchitectureTest {

  @ArchTest
  static final ArchRule noDatabaseAccess = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.sql..", "javax.sql..", "io.crmkit.jdbc..")
      .because("a store is reached through its ports; the JDBC adapters live in crm-jdbc-adapter");

  @ArchTest
  static final ArchRule noApplicationCode = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.crmkit.examples..", "io.crmkit.testkit..", "picocli..")
      .because("crm-io is a library: the command line builds on it, never the other way round");

  @ArchTest
  static final ArchRule noCyclesBetweenFeatures = slices().matching("io.crmkit.io.(*)..").should().beFreeOfCycles();
}
