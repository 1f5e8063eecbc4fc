package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.application.PreTradeChecks;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.OrderRef;
import com.novaquant.simulator.domain.orders.OrderRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** Binance USD-M orders under {@code /futures/fapi}: new, test, query, cancel and the open orders. */
@RestController
@RequestMapping("/futures/fapi")
record FuturesOrderController(OrderService orders, PreTradeChecks checks, OrderIntake intake, RequestGate gate,
                              ParamValidator validator) {

    /** An order whose parameters and pre-trade checks passed, and whether RESULT rather than ACK is to be answered. */
    private record Admitted(OrderRequest request, boolean result) {
    }

    @PostMapping("/v1/order")
    Mono<Map<String, Object>> newOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).flatMap(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 0);
            RequestParams params = auth.params();
            Admitted admitted = intake.admit(Venue.USDM, params, () -> {
                OrderRequest request = FuturesOrderParams.parse(params, validator);
                boolean result = FuturesOrderParams.resultResponse(params);
                checks.futures(auth.apiKey(), request, params.get("positionSide"));
                checks.futuresOpenOrderLimit(auth.apiKey(), request.symbol());
                return new Admitted(request, result);
            });
            return intake.place(web, auth.apiKey(), admitted.request(), params,
                    o -> OrderJson.futures(o, !admitted.result(), false));
        });
    }

    @PostMapping("/v1/order/test")
    Mono<Map<String, Object>> testOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 0);
            OrderRequest request = FuturesOrderParams.parse(auth.params(), validator);
            checks.futures(auth.apiKey(), request, auth.params().get("positionSide"));
            return Map.of();
        });
    }

    @GetMapping("/v1/order")
    Map<String, Object> queryOrder(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 1);
        OrderRef ref = ParamValidator.orderRef(auth.params());
        return OrderJson.futures(orders.query(auth.apiKey(), Venue.USDM, ref), false, true);
    }

    @DeleteMapping("/v1/order")
    Mono<Map<String, Object>> cancelOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
            OrderRef ref = ParamValidator.orderRef(auth.params());
            return OrderJson.futures(orders.cancel(auth.apiKey(), Venue.USDM, ref), false, false);
        });
    }

    @GetMapping("/v1/openOrders")
    List<Map<String, Object>> openOrders(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, ParamValidator.symbolWeight(web, 1, 40));
        return orders.openOrders(auth.apiKey(), Venue.USDM, auth.params().get("symbol")).stream()
                .map(o -> OrderJson.futures(o, false, true)).toList();
    }
}
