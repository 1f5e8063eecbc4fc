package com.novaquant.simulator.it;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One simulator on a random port, shared by every integration test class (same configuration, so
 * Spring caches one context): a fast quote rate, a one-second spot ping and a one-hour funding
 * interval so funding can be reached with a clock advance.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nova.simulator.quote-rate=40",
                "nova.simulator.seed=7",
                "nova.simulator.funding-interval=1h",
                "nova.simulator.ws.spot-ping-interval=1s",
                "nova.simulator.faults.timeout-hold=3s",
                "nova.simulator.limits.ban-after-429s=1000"
        })
public @interface SimulatorIntegrationTest {
}
