package io.crmkit.privacy.pseudonym;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Pseudonymisation is the JDK's cryptography over crm-core's ids and the anonymiser's tables, so
 * any export can use it; export and the store depend on it, never the other way.
 */
@AnalyzeClasses(packages = "io.crmkit.privacy.pseudonym", importOptions = ImportOption.DoNotIncludeTests.class)
class PseudonymArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheJdkCoreIdsAndTables = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "javax.crypto..", "io.crmkit.core.common..", "io.crmkit.core.customer..",
          "io.crmkit.privacy.anonymise..", "io.crmkit.privacy.pseudonym..")
      .because("tokens and keys need the JDK's HMAC and AES-GCM, ids and tables only; no store or export");
}
