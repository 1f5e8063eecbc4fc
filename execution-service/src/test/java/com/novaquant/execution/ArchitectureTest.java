package com.novaquant.execution;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.novaquant.execution");

    @Test
    void domainImportsNoAdapterAndNoFramework() {
        noClasses().that().resideInAPackage("..execution.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..execution.adapter..", "..execution.application..",
                        "org.springframework..", "org.apache.kafka..", "com.novaquant.binance..", "com.novaquant.support..",
                        "java.net.http..", "reactor..", "io.micrometer..", "java.sql..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void applicationDoesNotSpeakBinanceHttpOrSql() {
        noClasses().that().resideInAPackage("..execution.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..execution.adapter..", "com.novaquant.binance..",
                        "java.sql..", "org.springframework.jdbc..", "org.springframework.web..")
                .check(classes);
    }

    /** Events, alerts and the kill switch's view reach application code through its own ports, never Kafka. */
    @Test
    void applicationTalksToKafkaOnlyThroughItsPorts() {
        noClasses().that().resideInAPackage("..execution.application..")
                .should().dependOnClassesThat().resideInAnyPackage("com.novaquant.support..", "org.apache.kafka..",
                        "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void theImportedClassesIncludeTheDomainAndTheApplication() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.novaquant.execution.domain")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.novaquant.execution.application")).isTrue();
    }

    @Test
    void onlyTheBinanceAdapterUsesTheBinanceClient() {
        noClasses().that().resideOutsideOfPackage("..execution.adapter.binance..")
                .should().dependOnClassesThat().resideInAPackage("com.novaquant.binance..")
                .check(classes);
    }
}
