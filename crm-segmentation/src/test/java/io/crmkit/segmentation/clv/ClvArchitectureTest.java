package io.crmkit.segmentation.clv;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The lifetime-value package is pure computation: plain Java, crm-core's model and commons-math. */
@AnalyzeClasses(packages = "io.crmkit.segmentation.clv", importOptions = ImportOption.DoNotIncludeTests.class)
class ClvArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnlyOnTheJdkCrmCoreAndCommonsMath = classes()
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.crmkit.core..",
          "io.crmkit.segmentation.clv..", "org.apache.commons.math3..", "org.joda.money..")
      .because("the models need no store, database or framework: a store is read through crm-core's ports");

  @ArchTest
  static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
