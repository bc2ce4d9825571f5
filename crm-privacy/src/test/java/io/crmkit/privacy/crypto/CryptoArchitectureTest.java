package io.crmkit.privacy.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Field encryption needs crm-core's protection port and guards and Tink only: no store, no
 * customer model and no other privacy feature, so stores and the JDBC adapter can use it freely.
 */
@AnalyzeClasses(packages = "io.crmkit.privacy.crypto", importOptions = ImportOption.DoNotIncludeTests.class)
class CryptoArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheProtectionPortAndTink = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.crmkit.core.protection..", "io.crmkit.core.common..",
          "io.crmkit.privacy.crypto..", "com.google.crypto.tink..")
      .because("encryption is a leaf: stores and other features build on it");
}
