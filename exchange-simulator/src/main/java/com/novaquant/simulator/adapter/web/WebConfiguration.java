package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.clock.SimulationClock;
import com.novaquant.simulator.config.SimulatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

import java.util.function.LongSupplier;

/** Wires the Binance REST adapter: request checks, order intake and the response-delay fault. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    LongSupplier wallMillis(SimulationClock clock) {
        return clock::wallMillis;
    }

    @Bean
    RequestGate requestGate(Exchange exchange, Faults faults, SimulatorProperties properties, SimulationClock clock) {
        SimulatorProperties.Limits limits = properties.limits();
        RateLimiter limiter = new RateLimiter(limits.spotWeightPerMinute(), limits.futuresWeightPerMinute(),
                limits.banAfter429s(), limits.banDuration().toMillis(), clock::wallMillis);
        return new RequestGate(exchange, faults, limiter, clock::wallMillis, limits.maxRecvWindow());
    }

    @Bean
    OrderIntake orderIntake(Exchange exchange, Faults faults, OrderJournal journal, SimulationClock clock,
                            SimulatorProperties properties) {
        return new OrderIntake(exchange, faults, journal, clock::wallMillis, properties.faults().timeoutHold());
    }

    @Bean
    WebFilter responseDelayFilter(Faults faults) {
        return new ResponseDelayFilter(faults);
    }
}
