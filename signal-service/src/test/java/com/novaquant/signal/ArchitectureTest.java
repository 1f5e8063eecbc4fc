package com.novaquant.signal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of the service, stated as rules. The decision rules themselves live in the strategy module. */
class ArchitectureTest {

    /** The module's own compiled classes only: scanning the whole classpath is slow and adds nothing. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Path.of("target", "classes"));

    @Test
    void theImportedClassesIncludeTheApplication() {
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("com.novaquant.signal.application")).isTrue();
    }

    @Test
    void applicationImportsNoAdapter() {
        noClasses().that().resideInAPackage("..signal.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..signal.adapter..", "org.apache.kafka..",
                        "com.novaquant.support..")
                .check(CLASSES);
    }
}
