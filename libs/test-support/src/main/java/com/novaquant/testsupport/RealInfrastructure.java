package com.novaquant.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class a real Kafka broker (and, with {@code postgres = true}, a real PostgreSQL), shared by every
 * test in the JVM. Before the class runs, the standard Spring properties ({@code spring.kafka.bootstrap-servers},
 * {@code spring.datasource.*}) are set as system properties, so a {@code @SpringBootTest} placed after this
 * annotation connects to them with no further set-up. Tests do not care whether containers or in-process servers
 * served them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {

    /** Also start PostgreSQL. */
    boolean postgres() default false;
}
