package com.novaquant.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each rule on two made-up modules: {@code com.novaquant.tidy} laid out as the rules ask, and
 * {@code com.novaquant.tangled} (with a carry rule in {@code com.novaquant.strategy.sample}) breaking each rule once.
 */
class ArchitectureRulesTest {

    private static final JavaClasses TIDY = new ClassFileImporter().importPackages("com.novaquant.tidy");
    private static final JavaClasses TANGLED = new ClassFileImporter()
            .importPackages("com.novaquant.tangled", "com.novaquant.strategy.sample");

    @Test
    void aModuleLaidOutByTheRulesPassesEveryRule() throws IllegalAccessException {
        List<ArchRule> everyRule = new ArrayList<>();
        for (Field field : ArchitectureRules.class.getDeclaredFields()) {
            if (field.getType() == ArchRule.class) {
                everyRule.add((ArchRule) field.get(null));
            }
        }

        assertThat(everyRule).contains(ArchitectureRules.packagesAreFreeOfCycles, ArchitectureRules.theModuleIsImported);
        assertThat(TIDY.containPackage("com.novaquant.tidy.adapter.binance")).isTrue();
        for (ArchRule rule : everyRule) {
            assertThat(rule.evaluate(TIDY).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    @Test
    void anEmptyImportFailsInsteadOfPassingEveryRule() {
        JavaClasses nothing = new ClassFileImporter().importPackages("com.novaquant.nosuchmodule");

        assertThatThrownBy(() -> ArchitectureRules.theModuleIsImported.check(nothing))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void aModuleIsItsProductionClasses() {
        JavaClasses module = new ClassFileImporter().importLocations(new ModuleClasses().get(ArchitectureRulesTest.class));

        assertThat(module.contain(ArchitectureRules.class)).isTrue();
        assertThat(module.contain(ArchitectureRulesTest.class)).isFalse();
    }

    static Stream<Arguments> eachRuleNamesWhatBreaksItInTheTangledModule() {
        return Stream.of(
                arguments(named("the domain may not use JDBC", ArchitectureRules.domainUsesNoOuterLayerAndNoFramework),
                        List.of("com.novaquant.tangled.domain.Basis", "java.sql.Timestamp")),
                arguments(named("application code may not reach into an adapter",
                                ArchitectureRules.applicationUsesNoAdapterAndNoTransport),
                        List.of("com.novaquant.tangled.application.CarryDesk",
                                "com.novaquant.tangled.adapter.web.DeskController")),
                arguments(named("an adapter may not use one of another technology",
                                ArchitectureRules.adaptersOfDifferentTechnologiesDoNotUseEachOther),
                        List.of("com.novaquant.tangled.adapter.web.DeskController",
                                "com.novaquant.tangled.adapter.kafka.DeskListener")),
                arguments(named("only the Binance adapter may use the Binance libraries",
                                ArchitectureRules.onlyTheBinanceAdapterUsesTheBinanceLibraries),
                        List.of("com.novaquant.tangled.adapter.kafka.DeskListener",
                                "com.novaquant.binance.sample.BinanceClient")),
                arguments(named("a carry rule may use the JDK and the event records only",
                                ArchitectureRules.plainJavaLibrariesUseTheJdkAndTheEventRecordsOnly),
                        List.of("com.novaquant.strategy.sample.TangledRule", "com.novaquant.tangled.domain.Basis")),
                arguments(named("a cycle through three packages is found", ArchitectureRules.packagesAreFreeOfCycles),
                        List.of("tangled.application", "tangled.adapter.web", "tangled.adapter.kafka")));
    }

    @ParameterizedTest
    @MethodSource
    void eachRuleNamesWhatBreaksItInTheTangledModule(ArchRule rule, List<String> named) {
        EvaluationResult result = rule.evaluate(TANGLED);

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(named);
    }
}
