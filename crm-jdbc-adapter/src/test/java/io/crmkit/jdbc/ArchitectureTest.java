package io.crmkit.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.HashSet;
import java.util.Set;

@AnalyzeClasses(packages = "io.crmkit.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** The entry points that take the host's DataSource or Connection. */
  private static final Set<String> ENTRY_POINTS = Set.of("create", "joining");
  /** The one internal class {@code io.crmkit.jdbc} names: the factory of every adapter. */
  private static final String FACTORY = "JdbcAdapters";

  @ArchTest
  static final ArchRule noJavaSqlTypeInThePublicApiButTheEntryPoints = methods()
      .that().arePublic()
      .and().areDeclaredInClassesThat().resideInAPackage("io.crmkit.jdbc")
      .and().areDeclaredInClassesThat().arePublic()
      .should(new ArchCondition<JavaMethod>("not use java.sql or javax.sql types in their signature") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
          boolean sql = method.getRawReturnType().getPackageName().startsWith("java.sql")
              || method.getRawParameterTypes().stream().anyMatch(t -> t.getPackageName().startsWith("java.sql")
                  || (t.getPackageName().startsWith("javax.sql") && !ENTRY_POINTS.contains(method.getName())));
          boolean allowed = ENTRY_POINTS.contains(method.getName());
          if (sql && !allowed) {
            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes a JDBC type"));
          }
        }
      });

  @ArchTest
  static final ArchRule onlyTheDialectAndCopyClassesKnowThePostgresDriver = noClasses()
      .that().doNotHaveSimpleName("PostgresCopy")
      .should().dependOnClassesThat().resideInAPackage("org.postgresql..");

  @ArchTest
  static final ArchRule noPackageCycles = SlicesRuleDefinition.slices()
      .matching("io.crmkit.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theInternalPackageDoesNotDependOnThePublicApi = noClasses()
      .that().resideInAPackage("io.crmkit.jdbc.internal")
      .should().dependOnClassesThat(DescribedPredicate.describe("are in io.crmkit.jdbc",
          (JavaClass c) -> c.getPackageName().equals("io.crmkit.jdbc")));

  @ArchTest
  static final ArchRule internalClassesArePackagePrivate = classes()
      .that().resideInAPackage("io.crmkit.jdbc.internal")
      .and().areTopLevelClasses()
      .and(DescribedPredicate.describe("are not the factory " + FACTORY,
          (JavaClass c) -> !c.getSimpleName().equals(FACTORY)))
      .should().notBePublic()
      .because("an adapter or helper is created through JdbcAdapters, so the internal package shows no more"
          + " than the public API needs");

  @ArchTest
  static final ArchRule noInternalTypeInAPublicSignature = members()
      .that().areDeclaredInClassesThat().arePublic()
      .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
      .and(DescribedPredicate.describe("are public or protected",
          (JavaMember m) -> m.getModifiers().contains(JavaModifier.PUBLIC)
              || m.getModifiers().contains(JavaModifier.PROTECTED)))
      .should(new ArchCondition<JavaMember>("not name an internal type in their signature") {
        @Override
        public void check(JavaMember member, ConditionEvents events) {
          Set<JavaClass> types = new HashSet<>();
          if (member instanceof JavaField field) {
            types.add(field.getRawType());
          } else if (member instanceof JavaCodeUnit code) {
            types.add(code.getRawReturnType());
            types.addAll(code.getRawParameterTypes());
          }
          types.stream().filter(type -> type.getPackageName().contains(".internal"))
              .forEach(type -> events.add(SimpleConditionEvent.violated(member,
                  member.getFullName() + " names the internal type " + type.getName())));
        }
      })
      .because("internal packages are not API: users must be able to ignore them (docs/ARCHITECTURE.md)");
}
