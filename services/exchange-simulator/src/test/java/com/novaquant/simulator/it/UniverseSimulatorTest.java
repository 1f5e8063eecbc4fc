package com.novaquant.simulator.it;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One simulator listing the whole preset universe (26 symbols) with rotating funding, on a random port, shared by the
 * universe integration tests (same configuration, so Spring caches one context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nova.simulator.symbols=UNIVERSE",
                "nova.simulator.quote-rate=20",
                "nova.simulator.seed=11",
                "nova.simulator.funding.rotation-period=10m",
                "nova.simulator.limits.ban-after-429s=1000"
        })
public @interface UniverseSimulatorTest {
}
