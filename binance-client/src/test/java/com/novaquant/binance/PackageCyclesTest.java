package com.novaquant.binance;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The client's packages depend on each other one way only: {@code terms} at the bottom, {@code rest} on top. The
 * module's own compiled classes are read from {@code target/classes}, so that no test class and no other jar counts.
 */
class PackageCyclesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theImportedClassesIncludeEveryPackage() {
        for (String name : new String[]{"auth", "filters", "limits", "outcome", "rest", "terms"}) {
            assertThat(CLASSES.containPackage("com.novaquant.binance." + name)).as(name).isTrue();
        }
    }

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching("com.novaquant.binance.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
