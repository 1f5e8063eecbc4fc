package com.novaquant.alert;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.novaquant.alert");

    @Test
    void domainImportsNoAdapterAndNoFramework() {
        noClasses().that().resideInAPackage("..alert.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..alert.adapter..", "..alert.application..",
                        "org.springframework..", "org.apache.kafka..", "reactor..", "io.netty..", "tools.jackson..",
                        "io.micrometer..", "com.novaquant.support..")
                .check(classes);
    }

    @Test
    void applicationDoesNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..alert.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..alert.adapter..", "org.springframework..",
                        "reactor..", "io.netty..")
                .check(classes);
    }
}
