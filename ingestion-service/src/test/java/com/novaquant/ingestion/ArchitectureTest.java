package com.novaquant.ingestion;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.novaquant.ingestion");

    @Test
    void domainImportsNoAdapterAndNoFramework() {
        noClasses().that().resideInAPackage("..ingestion.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingestion.adapter..", "..ingestion.application..",
                        "..ingestion.config..", "org.springframework..", "org.apache.kafka..", "reactor..", "io.netty..",
                        "io.micrometer..", "com.novaquant.binance..")
                .check(CLASSES);
    }

    @Test
    void applicationDoesNotSpeakBinanceKafkaOrHttp() {
        noClasses().that().resideInAPackage("..ingestion.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingestion.adapter..", "org.springframework..",
                        "org.apache.kafka..", "reactor..", "io.netty..", "com.novaquant.binance..")
                .check(CLASSES);
    }
}
