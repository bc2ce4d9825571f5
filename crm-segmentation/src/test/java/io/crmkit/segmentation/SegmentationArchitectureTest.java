package io.crmkit.segmentation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * crm-segmentation's boundaries: it builds on crm-core's ports only, so that any store (in memory,
 * JDBC, a user's own) serves it, and its feature packages stay free of cycles.
 */
@AnalyzeClasses(packages = "io.crmkit.segmentation", importOptions = ImportOption.DoNotIncludeTests.class)
class SegmentationArchitectureTest {

  @ArchTest
  static final ArchRule noDatabaseAccess = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.sql..", "javax.sql..", "io.crmkit.jdbc..")
      .because("a store is reached through crm-core's ports; the JDBC adapters live in crm-jdbc-adapter");

  @ArchTest
  static final ArchRule noOtherCrmkitModule = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.crmkit.privacy..", "io.crmkit.examples..", "io.crmkit.testkit..")
      .because("crm-segmentation depends on crm-core only");

  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("io.crmkit.segmentation.(*)..").should().beFreeOfCycles();
}
