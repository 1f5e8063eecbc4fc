package com.novaquant.execution.adapter.kafka;

import com.novaquant.execution.application.Alerts;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.support.EventDecoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The universe follower, with {@code nova.universe.enabled=true} only: otherwise {@code nova.symbols} stands. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
public class UniverseFollowing {

    @Bean
    UniverseListener universeListener(TradedUniverse universe, SignalSealCheck seals, EventDecoder decoder,
                                      ExecutionMetrics metrics, Alerts alerts) {
        return new UniverseListener(universe, seals, decoder, metrics, alerts);
    }
}
