package dev.docklab.shell;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shell's package map (ARCHITECTURE.md), checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses shell;

  @BeforeAll
  static void importShell() {
    shell = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.docklab.shell");
  }

  @Test
  void noPackageCycle() {
    slices().matching("dev.docklab.(**)").should().beFreeOfCycles().check(shell);
  }

  @Test
  void theShellUsesOnlyTheEnginesApi() {
    noClasses().that().resideInAPackage("dev.docklab.shell..").should().dependOnClassesThat(
        resideInAPackage("dev.docklab.engine..").and(not(resideInAPackage("dev.docklab.engine.api.."))))
        .check(shell);
  }
}
