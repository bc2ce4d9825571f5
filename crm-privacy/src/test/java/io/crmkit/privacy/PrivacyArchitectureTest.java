package io.crmkit.privacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * crm-privacy's boundaries: it builds on crm-core's ports only, so that any store (in memory,
 * JDBC, a user's own) can be protected; its features stay free of cycles; and only the in-memory
 * adapters know the in-memory store.
 */
@AnalyzeClasses(packages = "io.crmkit.privacy", importOptions = ImportOption.DoNotIncludeTests.class)
class PrivacyArchitectureTest {

  @ArchTest
  static final ArchRule noDatabaseAccess = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.sql..", "javax.sql..", "io.crmkit.jdbc..")
      .because("a store is reached through crm-core's ports; the JDBC adapters live in crm-jdbc-adapter");

  @ArchTest
  static final ArchRule noOtherCrmkitModule = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.crmkit.segmentation..", "io.crmkit.examples..", "io.crmkit.testkit..")
      .because("crm-privacy depends on crm-core only");

  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("io.crmkit.privacy.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheMemoryAdaptersKnowTheMemoryStore = noClasses()
      .that().resideOutsideOfPackage("io.crmkit.privacy.memory..")
      .should().dependOnClassesThat().resideInAnyPackage("io.crmkit.core.memory..", "io.crmkit.privacy.memory..")
      .because("features work on the ports, whatever adapter serves them");
}
