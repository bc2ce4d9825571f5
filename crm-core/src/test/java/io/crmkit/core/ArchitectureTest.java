package io.crmkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.validation.ConstraintValidator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

@AnalyzeClasses(packages = "io.crmkit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreIsPureJava = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("crm-core must run without a database; storage lives in adapters");

  @ArchTest
  static final ArchRule coreKnowsNoAdapterOrUpperModule = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.crmkit.jdbc..", "io.crmkit.segmentation..", "io.crmkit.privacy..", "io.crmkit.testkit..")
      .because("modules depend on crm-core, never the other way (docs/ARCHITECTURE.md)");

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching("io.crmkit.core.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheFacadeAndStoresKnowTheInMemoryAdapters = noClasses()
      .that().resideOutsideOfPackages("io.crmkit.core", "io.crmkit.core.memory")
      .should().dependOnClassesThat().resideInAPackage("io.crmkit.core.memory")
      .because("features talk to ports; only the facade picks the in-memory default");

  @ArchTest
  static final ArchRule valueTypesAreImmutable = classes()
      .that().resideInAnyPackage("io.crmkit.core.customer", "io.crmkit.core.activity", "io.crmkit.core.event")
      .and().areNotInterfaces()
      .and(isNotABuilder())
      .should(haveOnlyFinalFields());

  @ArchTest
  static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest
  static final ArchRule exceptionsBelongToTheCrmExceptionFamily = classes()
      .that().areAssignableTo(RuntimeException.class).and().resideInAPackage("io.crmkit.core..")
      .should().beAssignableTo(io.crmkit.core.common.CrmException.class);

  @ArchTest
  static final ArchRule constraintValidatorsArePublicAndNestedInTheirConstraint = classes()
      .that().implement(ConstraintValidator.class)
      .should().bePublic()
      .andShould(beNestedInTheConstraintTheyCheck())
      .because("Hibernate Validator instantiates validators by reflection, so they are public, and nested in"
          + " their annotation they add no top-level type to the API (docs/ARCHITECTURE.md)");

  /** The class is a member of the annotation it validates: {@code ConstraintValidator<A, T>}'s A. */
  private static ArchCondition<JavaClass> beNestedInTheConstraintTheyCheck() {
    return new ArchCondition<>("be nested in the constraint annotation they check") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        Class<?> validator = javaClass.reflect();
        Class<?> constraint = null;
        for (Type type : validator.getGenericInterfaces()) {
          if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ConstraintValidator.class
              && parameterized.getActualTypeArguments()[0] instanceof Class<?> annotation) {
            constraint = annotation;
          }
        }
        if (constraint == null || validator.getEnclosingClass() != constraint) {
          events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is not nested in "
              + (constraint == null ? "the annotation it checks" : constraint.getName())));
        }
      }
    };
  }

  private static DescribedPredicate<JavaClass> isNotABuilder() {
    return DescribedPredicate.describe("are not builders", javaClass ->
        !javaClass.getSimpleName().equals("Builder") && !javaClass.getSimpleName().equals("InitShim")
            && !javaClass.getSimpleName().equals("Json"));
  }

  /**
   * Every instance field is final. Immutables' construction-time {@code initShim} is the one
   * exception: it is cleared before the constructor returns.
   */
  private static ArchCondition<JavaClass> haveOnlyFinalFields() {
    return new ArchCondition<>("have only final instance fields") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaField field : javaClass.getFields()) {
          boolean exempt = field.getModifiers().contains(JavaModifier.STATIC) || field.getName().equals("initShim");
          if (!exempt && !field.getModifiers().contains(JavaModifier.FINAL)) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is not final"));
          }
        }
      }
    };
  }
}
