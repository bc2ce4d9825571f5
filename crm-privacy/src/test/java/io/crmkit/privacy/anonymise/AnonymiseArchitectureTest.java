package io.crmkit.privacy.anonymise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Anonymisation is pure functions over plain tables: it needs no store, no customer model and no
 * other privacy feature, so a delimited file can be anonymised without a {@code Crm} at all.
 */
@AnalyzeClasses(packages = "io.crmkit.privacy.anonymise", importOptions = ImportOption.DoNotIncludeTests.class)
class AnonymiseArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheJdkAndCoreGuards = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.crmkit.core.common..", "io.crmkit.privacy.anonymise..")
      .because("anonymisation works on plain tables and uses only crm-core's guard clauses and exceptions");
}
