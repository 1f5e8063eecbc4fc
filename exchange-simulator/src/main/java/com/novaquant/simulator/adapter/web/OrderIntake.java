package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.application.PlacedOrder;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.Rejection;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Places an order through the exchange with the armed order faults applied, and journals the
 * request with its outcome. An ambiguous fault answers with an error although the order IS placed,
 * which is exactly the case a client must resolve by querying before it retries.
 */
final class OrderIntake {

    static final String UNKNOWN_ERROR = "Unknown error, please check your request or try again later.";
    static final String TIMEOUT_MSG = "Timeout waiting for response from backend server. Send status unknown; execution status unknown.";

    private final Exchange exchange;
    private final Faults faults;
    private final OrderJournal journal;
    private final LongSupplier wallMillis;
    private final Duration timeoutHold;

    OrderIntake(Exchange exchange, Faults faults, OrderJournal journal, LongSupplier wallMillis, Duration timeoutHold) {
        this.exchange = exchange;
        this.faults = faults;
        this.journal = journal;
        this.wallMillis = wallMillis;
        this.timeoutHold = timeoutHold;
    }

    <T> Mono<T> place(String apiKey, OrderRequest request, RequestParams params, Function<PlacedOrder, T> render) {
        long receivedAt = wallMillis.getAsLong();
        Optional<Rejection> injected = faults.takeRejection(request.venue(), request.symbol());
        if (injected.isPresent()) {
            journal(request, params, null, "REJECTED:" + injected.get().code(), receivedAt);
            return Mono.error(ApiException.badRequest(injected.get().code(), injected.get().msg()));
        }
        BigDecimal ratio = faults.takePartialFill(request.venue(), request.symbol()).orElse(null);
        PlacedOrder placed;
        try {
            placed = exchange.place(apiKey, request, ratio);
        } catch (RejectedException e) {
            journal(request, params, null, "REJECTED:" + e.rejection().code(), receivedAt);
            throw e;
        }
        Optional<Faults.AmbiguousMode> ambiguous = faults.takeAmbiguous(request.venue(), request.symbol());
        if (ambiguous.isPresent()) {
            journal(request, params, placed.order().orderId(), "AMBIGUOUS:" + ambiguous.get(), receivedAt);
            return switch (ambiguous.get()) {
                case HTTP_5XX -> Mono.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, -1000, UNKNOWN_ERROR));
                case CODE_1007 -> Mono.error(new ApiException(HttpStatus.REQUEST_TIMEOUT, -1007, TIMEOUT_MSG));
                case TIMEOUT -> Mono.delay(timeoutHold)
                        .then(Mono.error(new ApiException(HttpStatus.REQUEST_TIMEOUT, -1007, TIMEOUT_MSG)));
            };
        }
        journal(request, params, placed.order().orderId(), "ACCEPTED", receivedAt);
        return Mono.just(render.apply(placed));
    }

    private void journal(OrderRequest request, RequestParams params, Long orderId, String outcome, long receivedAt) {
        journal.record(new OrderJournal.Entry(request.venue(), request.symbol(), orderId,
                params.get("newClientOrderId"), params.get("side"), params.get("type"), params.get("timeInForce"),
                params.get("price"), params.get("quantity") != null ? params.get("quantity") : params.get("quoteOrderQty"),
                outcome, receivedAt));
    }

    /** Journals a request refused while its parameters were read (before an OrderRequest existed). */
    void journalInvalid(Venue venue, RequestParams params, int code) {
        journal.record(new OrderJournal.Entry(venue, params.get("symbol"), null, params.get("newClientOrderId"),
                params.get("side"), params.get("type"), params.get("timeInForce"), params.get("price"),
                params.get("quantity"), "REJECTED:" + code, wallMillis.getAsLong()));
    }
}
