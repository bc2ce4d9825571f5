package io.crmkit.privacy.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Access builds on crm-core's facade and ports and on the catalogue, masking and audit log (and
 * hands people's requests to erasure and the rights export), never on an adapter: the same facade
 * runs on memory and JDBC, and the features it delegates to do not depend on it, so there is no cycle.
 */
@AnalyzeClasses(packages = "io.crmkit.privacy.access", importOptions = ImportOption.DoNotIncludeTests.class)
class AccessArchitectureTest {

  @ArchTest
  static final ArchRule onlyPortsModelAndPrivacyFeatures = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.crmkit.core", "io.crmkit.core.common..", "io.crmkit.core.customer..",
          "io.crmkit.core.activity..", "io.crmkit.core.store..", "io.crmkit.core.dedup.merge..",
          "io.crmkit.privacy", "io.crmkit.privacy.access..", "io.crmkit.privacy.catalog..",
          "io.crmkit.privacy.mask..", "io.crmkit.privacy.audit..", "io.crmkit.privacy.erasure..",
          "io.crmkit.privacy.rights..")
      .because("the protected facade works on any store through crm-core's ports, never an adapter");
}
