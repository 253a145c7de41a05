package dev.docklab.lessons;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lessons' package map (ARCHITECTURE.md), checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses lessons;

  @BeforeAll
  static void importLessons() {
    lessons = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.docklab.lessons");
  }

  @Test
  void noPackageCycle() {
    slices().matching("dev.docklab.(**)").should().beFreeOfCycles().check(lessons);
  }

  @Test
  void theLessonsUseOnlyTheEnginesApi() {
    noClasses().that().resideInAPackage("dev.docklab.lessons..").should().dependOnClassesThat(
        resideInAPackage("dev.docklab.engine..").and(not(resideInAPackage("dev.docklab.engine.api.."))))
        .check(lessons);
  }

  @Test
  void theLessonsKnowNothingOfTheShell() {
    noClasses().that().resideInAPackage("dev.docklab.lessons..").should().dependOnClassesThat()
        .resideInAPackage("dev.docklab.shell..").check(lessons);
  }

  @Test
  void theLessonsNeverPrintNorExit() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class).check(lessons);
  }
}
