package dev.docklab.daemon;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daemon's place in the package map (ARCHITECTURE.md): over the engine's api only, so any engine serves. */
class ArchitectureTest {
  private static JavaClasses daemon;

  @BeforeAll
  static void importDaemon() {
    daemon = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.docklab.daemon");
  }

  @Test
  void noPackageCycle() {
    slices().matching("dev.docklab.(**)").should().beFreeOfCycles().check(daemon);
  }

  @Test
  void theDaemonUsesOnlyTheEnginesApi() {
    noClasses().that().resideInAPackage("dev.docklab.daemon..").should().dependOnClassesThat(
        resideInAPackage("dev.docklab.engine..").and(not(resideInAPackage("dev.docklab.engine.api.."))))
        .check(daemon);
  }

  @Test
  void theDaemonKnowsNothingOfTheShellOrTheLessons() {
    noClasses().that().resideInAPackage("dev.docklab.daemon..").should().dependOnClassesThat(
        resideInAPackage("dev.docklab.shell..").or(resideInAPackage("dev.docklab.lessons.."))).check(daemon);
  }
}
