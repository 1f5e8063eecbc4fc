package com.novaquant.strategy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carry rules are plain Java: the signal service, the universe scanner and the backtest all run them, so they
 * may use the JDK and the event records, nothing else (no framework, no logging, no I/O library).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theImportedClassesIncludeThePairRulesAndTheUniverse() {
        assertThat(CLASSES.containPackage("com.novaquant.strategy.pair")).isTrue();
        assertThat(CLASSES.containPackage("com.novaquant.strategy.universe")).isTrue();
    }

    @Test
    void theRulesDependOnTheJdkAndTheEventRecordsOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.novaquant.strategy..", "com.novaquant.events..")
                .check(CLASSES);
    }

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching("com.novaquant.strategy.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
