package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.SimulatorProperties;
import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Wires the Binance REST adapter: request checks, the shared parameter rules, order intake, the response-delay fault,
 * the known spot assets and the handler that answers every unanswered failure in Binance's error shape.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    LongSupplier wallMillis(SimulationClock clock) {
        return clock::wallMillis;
    }

    @Bean
    RequestGate requestGate(Accounts accounts, Faults faults, SimulatorProperties properties, SimulationClock clock) {
        SimulatorProperties.Limits limits = properties.limits();
        RateLimiter limiter = new RateLimiter(limits.spotWeightPerMinute(), limits.futuresWeightPerMinute(),
                limits.banAfter429s(), limits.banDuration().toMillis(), clock::wallMillis);
        return new RequestGate(accounts, faults, limiter, clock::wallMillis, limits.maxRecvWindow());
    }

    @Bean
    OrderIntake orderIntake(OrderService orders, Faults faults, OrderJournal journal, RequestGate gate,
                            SimulationClock clock, SimulatorProperties properties) {
        return new OrderIntake(orders, faults, journal, gate, clock::wallMillis, properties.faults().timeoutHold());
    }

    @Bean
    ParamValidator paramValidator(Markets markets) {
        return new ParamValidator(markets);
    }

    @Bean
    WebFilter responseDelayFilter(Faults faults) {
        return new ResponseDelayFilter(faults);
    }

    /** Every asset a spot account lists: the listed symbols' assets and every configured starting balance. */
    @Bean
    SpotAssets spotAssets(Markets markets, SimulatorProperties properties) {
        SortedSet<String> names = new TreeSet<>();
        markets.instruments().forEach(i -> {
            names.add(i.baseAsset());
            names.add(i.quoteAsset());
        });
        properties.accounts().forEach(a -> names.addAll(a.spotBalances().keySet()));
        return new SpotAssets(names);
    }

    /** Runs before Spring Boot's error handler (order -1), so no failure is answered with the framework's error body. */
    @Bean
    @Order(-2)
    WebExceptionHandler fallbackErrorHandler() {
        return new FallbackErrorHandler();
    }
}
