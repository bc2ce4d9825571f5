package io.crmkit.privacy.mask;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The catalogue and masking are pure functions over crm-core's model: no store, no other privacy
 * feature, so every other feature (access, export, erasure) can build on them without a cycle.
 */
@AnalyzeClasses(packages = {"io.crmkit.privacy.catalog", "io.crmkit.privacy.mask"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class MaskingArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheModelAndTheCatalogue = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.crmkit.core.customer..", "io.crmkit.core.common..",
          "io.crmkit.privacy.catalog..", "io.crmkit.privacy.mask..", "com.google.i18n.phonenumbers..")
      .because("masking needs the model and the catalogue only; stores and other features build on it");

  @ArchTest
  static final ArchRule catalogueKnowsNothingOfMasking = noClasses().that()
      .resideInAPackage("io.crmkit.privacy.catalog..").should().dependOnClassesThat()
      .resideInAPackage("io.crmkit.privacy.mask..")
      .because("the catalogue serves every privacy feature, masking among them");
}
