package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Faults;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The response-delay fault: the request is processed at once (an order is placed on arrival), only
 * the answer is held back, as with a slow network or an overloaded gateway.
 */
final class ResponseDelayFilter implements WebFilter {

    private final Faults faults;

    ResponseDelayFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        long delay = faults.responseDelayMillis();
        if (delay > 0 && (path.startsWith("/spot/api") || path.startsWith("/spot/sapi") || path.startsWith("/futures/fapi")
                || path.startsWith("/delivery/dapi"))) {
            exchange.getResponse().beforeCommit(() -> Mono.delay(Duration.ofMillis(delay)).then());
        }
        return chain.filter(exchange);
    }
}
