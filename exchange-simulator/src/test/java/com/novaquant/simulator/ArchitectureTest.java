package com.novaquant.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.novaquant.simulator");

    @Test
    void domainImportsNoFrameworkAndNoAdapter() {
        noClasses().that().resideInAPackage("..simulator.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                        "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..",
                        "..simulator.adapter..", "..simulator.admin..",
                        "..simulator.application..", "..simulator.config..")
                .check(CLASSES);
    }

    @Test
    void applicationDoesNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..simulator.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..simulator.adapter..", "..simulator.admin..",
                        "org.springframework..")
                .check(CLASSES);
    }
}
