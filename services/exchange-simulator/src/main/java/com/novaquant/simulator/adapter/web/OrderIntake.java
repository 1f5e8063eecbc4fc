package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.RejectedException;
import com.novaquant.simulator.domain.orders.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Takes a new order from an order endpoint to the exchange: journals a request refused while its parameters are read
 * and checked, places it with the armed order faults applied, journals the outcome, and counts an accepted order in
 * the order-count headers. An ambiguous fault answers with an error although the order IS placed, which is exactly the
 * case a client must resolve by querying before it retries.
 */
final class OrderIntake {

    static final String UNKNOWN_ERROR = "Unknown error, please check your request or try again later.";
    static final String TIMEOUT_MSG = "Timeout waiting for response from backend server. Send status unknown; execution status unknown.";

    private final OrderService orders;
    private final Faults faults;
    private final OrderJournal journal;
    private final RequestGate gate;
    private final LongSupplier wallMillis;
    private final Duration timeoutHold;

    OrderIntake(OrderService orders, Faults faults, OrderJournal journal, RequestGate gate, LongSupplier wallMillis,
                Duration timeoutHold) {
        this.orders = orders;
        this.faults = faults;
        this.journal = journal;
        this.gate = gate;
        this.wallMillis = wallMillis;
        this.timeoutHold = timeoutHold;
    }

    /**
     * Reads and checks a new order's parameters with {@code checks}; a refusal is journaled (the request never became
     * an order) and answered as it was thrown.
     */
    <T> T admit(Venue venue, RequestParams params, Supplier<T> checks) {
        try {
            return checks.get();
        } catch (ApiException e) {
            journalInvalid(venue, params, e.code());
            throw e;
        } catch (RejectedException e) {
            journalInvalid(venue, params, e.rejection().code());
            throw e;
        }
    }

    /** Places an admitted order; an accepted one is counted and answered as {@code render} shows it. */
    <T> Mono<T> place(ServerWebExchange web, String apiKey, OrderRequest request, RequestParams params,
                      Function<OrderView, T> render) {
        long receivedAt = wallMillis.getAsLong();
        Optional<Rejection> injected = faults.takeRejection(request.venue(), request.symbol());
        if (injected.isPresent()) {
            journal(request, params, null, "REJECTED:" + injected.get().code(), receivedAt);
            return Mono.error(ApiException.badRequest(injected.get().code(), injected.get().msg()));
        }
        BigDecimal ratio = faults.takePartialFill(request.venue(), request.symbol()).orElse(null);
        OrderView placed;
        try {
            placed = orders.place(apiKey, request, ratio);
        } catch (RejectedException e) {
            journal(request, params, null, "REJECTED:" + e.rejection().code(), receivedAt);
            throw e;
        }
        Optional<Faults.AmbiguousMode> ambiguous = faults.takeAmbiguous(request.venue(), request.symbol());
        if (ambiguous.isPresent()) {
            journal(request, params, placed.orderId(), "AMBIGUOUS:" + ambiguous.get(), receivedAt);
            return switch (ambiguous.get()) {
                case HTTP_5XX -> Mono.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, -1000, UNKNOWN_ERROR));
                case CODE_1007 -> Mono.error(new ApiException(HttpStatus.REQUEST_TIMEOUT, -1007, TIMEOUT_MSG));
                case TIMEOUT -> Mono.delay(timeoutHold)
                        .then(Mono.error(new ApiException(HttpStatus.REQUEST_TIMEOUT, -1007, TIMEOUT_MSG)));
            };
        }
        journal(request, params, placed.orderId(), "ACCEPTED", receivedAt);
        gate.countOrder(web, apiKey, request.venue());
        return Mono.just(render.apply(placed));
    }

    private void journal(OrderRequest request, RequestParams params, Long orderId, String outcome, long receivedAt) {
        journal.record(new OrderJournal.Entry(request.venue(), request.symbol(), orderId,
                params.get("newClientOrderId"), params.get("side"), params.get("type"), params.get("timeInForce"),
                params.get("price"), params.get("quantity") != null ? params.get("quantity") : params.get("quoteOrderQty"),
                outcome, receivedAt));
    }

    /** Journals a request refused while its parameters were read (before an OrderRequest existed). */
    private void journalInvalid(Venue venue, RequestParams params, int code) {
        journal.record(new OrderJournal.Entry(venue, params.get("symbol"), null, params.get("newClientOrderId"),
                params.get("side"), params.get("type"), params.get("timeInForce"), params.get("price"),
                params.get("quantity"), "REJECTED:" + code, wallMillis.getAsLong()));
    }
}
