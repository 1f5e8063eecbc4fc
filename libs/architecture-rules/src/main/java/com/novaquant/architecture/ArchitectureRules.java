package com.novaquant.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules of every module, kept in this one class. Each module runs all of them on its own production
 * classes ({@link ModuleClasses}) from a test class in its root package:
 * <pre>{@code
 * @AnalyzeClasses(locations = ModuleClasses.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
 * }
 * }</pre>
 * Each module checks itself, rather than one verification module checking them all, because that is simpler to keep:
 * a violation fails the build of the module that has it (under {@code -pl <module> -am} too, not only at the end of
 * the whole build), and a new module needs that one class instead of a place in a list of every module's jar and
 * packages kept elsewhere. The rules live in a module of their own that depends on ArchUnit alone, not in
 * test-support: test-support depends on events, which they check too.
 * <p>
 * A rule names a layer by its package directly under the module's: {@code domain}, {@code application},
 * {@code adapter.<technology>}, {@code config}, and the simulator's {@code admin}. A module without such a layer
 * passes that layer's rule, so a library is held to the rules that apply to its packages, and to the cycle rule.
 */
public final class ArchitectureRules {

    /** Every package of a module is a slice, so a cycle between two adapters or a package and its parent counts too. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.novaquant.(**)")
            .should().beFreeOfCycles()
            .because("a package cycle makes two packages one: neither can be understood, tested or moved alone");

    // Which package may use which: the layers, the adapters and the plain-Java libraries.

    /** The domain: every module's {@code domain} packages (the simulator's exchange model included). */
    private static final String[] DOMAIN = {"com.novaquant.*.domain.."};

    /** What the domain may not use: the layers around it, frameworks, transports, metrics and logging. */
    private static final String[] NOT_FOR_THE_DOMAIN = {
            "com.novaquant.*.application..", "com.novaquant.*.adapter..", "com.novaquant.*.admin..",
            "com.novaquant.*.config..", "com.novaquant.support..", "com.novaquant.binance..",
            "org.springframework..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
            "java.sql..", "javax.sql..", "java.net.http..", "reactor..", "io.netty..",
            "io.micrometer..", "org.slf4j.."};

    /**
     * What application code may not use: no adapter, no Kafka, JDBC or HTTP client, and no Spring beyond binding its
     * settings records ({@code @ConfigurationProperties}), which signal and execution keep there; the other
     * services' checks had kept all of Spring out. It may count and log, and read JSON: no check kept Jackson out,
     * and signal's shared settings ({@code SettingsJson}) and the simulator's recorded frames
     * ({@code ReplaySource}) are read there.
     */
    private static final String[] NOT_FOR_THE_APPLICATION = {
            "com.novaquant.*.adapter..", "com.novaquant.*.admin..", "com.novaquant.*.config..",
            "com.novaquant.support..", "com.novaquant.binance..",
            "org.apache.kafka..", "java.sql..", "javax.sql..", "java.net.http..", "reactor..", "io.netty.."};

    /**
     * Fails when the import is empty (ArchUnit refuses a rule that checked nothing), so that a module whose classes
     * were not found cannot pass every other rule by checking nothing.
     */
    @ArchTest
    static final ArchRule theModuleIsImported = classes().should().resideInAPackage("com.novaquant..")
            .as("the module's classes are imported and live under com.novaquant");

    @ArchTest
    static final ArchRule domainUsesNoOuterLayerAndNoFramework = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(NOT_FOR_THE_DOMAIN)
            .allowEmptyShould(true)
            .because("the domain is plain Java: tested without a broker, a database or a Spring context");

    @ArchTest
    static final ArchRule applicationUsesNoAdapterAndNoTransport = noClasses()
            .that().resideInAPackage("com.novaquant.*.application..")
            .should().dependOnClassesThat(resideInAnyPackage(NOT_FOR_THE_APPLICATION)
                    .or(resideInAPackage("org.springframework..")
                            .and(not(resideInAPackage("org.springframework.boot.context.properties..")))))
            .allowEmptyShould(true)
            .because("application code reaches Kafka, the database, Binance and HTTP through its own ports");

    @ArchTest
    static final ArchRule adaptersOfDifferentTechnologiesDoNotUseEachOther = slices()
            .matching("com.novaquant.(*).adapter.(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true)
            .because("an adapter speaks one technology; the wiring in config or the root package joins them");

    /** Checked in a module's root package and its other adapters; domain and application have their own rules. */
    @ArchTest
    static final ArchRule onlyTheBinanceAdapterUsesTheBinanceLibraries = noClasses()
            .that().resideInAnyPackage("com.novaquant.*", "com.novaquant.*.adapter..")
            .and().resideOutsideOfPackages("com.novaquant.binance..", "com.novaquant.*.adapter.binance..")
            .should().dependOnClassesThat().resideInAPackage("com.novaquant.binance..")
            .allowEmptyShould(true)
            .because("Binance's client and streams stay behind the service's Binance adapter");

    @ArchTest
    static final ArchRule plainJavaLibrariesUseTheJdkAndTheEventRecordsOnly = classes()
            .that().resideInAnyPackage("com.novaquant.strategy..", "com.novaquant.history..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.novaquant.events..",
                    "com.novaquant.ids..", "com.novaquant.strategy..", "com.novaquant.history..")
            .allowEmptyShould(true)
            .because("the carry rules and the history run in the services, the backtest and the simulator alike:"
                    + " no framework, no logging, no I/O library");

    private ArchitectureRules() {
    }
}
