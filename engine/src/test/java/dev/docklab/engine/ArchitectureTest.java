package dev.docklab.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's package map (ARCHITECTURE.md), checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.docklab.engine");
  }

  @Test
  void noPackageCycle() {
    slices().matching("dev.docklab.(**)").should().beFreeOfCycles().check(engine);
  }

  @Test
  void theApiUsesNothingOfTheEngineBehindIt() {
    classes().that().resideInAPackage("dev.docklab.engine.api..").should().onlyDependOnClassesThat()
        .resideInAnyPackage("dev.docklab.engine.api..", "java..", "com.fasterxml.jackson.annotation..")
        .check(engine);
  }

  @Test
  void onlyTheEngineHubUsesTheServices() {
    noClasses().that().resideOutsideOfPackages("dev.docklab.engine", "dev.docklab.engine.service..")
        .should().dependOnClassesThat().resideInAPackage("dev.docklab.engine.service..").check(engine);
  }

  @Test
  void nothingInsideUsesTheHub() {
    noClasses().that().resideOutsideOfPackage("dev.docklab.engine").should().dependOnClassesThat()
        .resideInAPackage("dev.docklab.engine").check(engine);
  }

  @Test
  void theEngineNeverPrintsNorExits() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class).check(engine);
  }
}
