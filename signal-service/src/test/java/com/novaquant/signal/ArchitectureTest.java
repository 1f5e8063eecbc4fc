package com.novaquant.signal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of the service, stated as rules. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.novaquant.signal");

    @Test
    void domainImportsNoAdapterAndNoFramework() {
        noClasses().that().resideInAPackage("..signal.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..signal.adapter..", "..signal.application..", "org.springframework..", "org.apache.kafka..",
                        "io.micrometer..", "reactor..", "tools.jackson..", "com.fasterxml..", "com.novaquant.support..",
                        "org.slf4j..")
                .check(CLASSES);
    }

    @Test
    void applicationImportsNoAdapter() {
        noClasses().that().resideInAPackage("..signal.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..signal.adapter..", "org.apache.kafka..",
                        "com.novaquant.support..")
                .check(CLASSES);
    }
}
