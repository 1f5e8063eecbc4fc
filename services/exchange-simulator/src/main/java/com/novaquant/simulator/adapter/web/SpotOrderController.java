package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.OrderService;
import com.novaquant.simulator.application.PreTradeChecks;
import com.novaquant.simulator.domain.market.Venue;
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
import java.util.function.LongSupplier;

/** Binance spot orders under {@code /spot/api/v3}: new, test, query, cancel and the open orders. */
@RestController
@RequestMapping("/spot/api/v3")
record SpotOrderController(OrderService orders, PreTradeChecks checks, OrderIntake intake, RequestGate gate,
                           ParamValidator validator, LongSupplier wallMillis) {

    @PostMapping("/order")
    Mono<Map<String, Object>> newOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).flatMap(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.SPOT, 1);
            RequestParams params = auth.params();
            OrderRequest request = intake.admit(Venue.SPOT, params, () -> checked(params));
            OrderJson.SpotResponse responseType = SpotOrderParams.responseType(params);
            return intake.place(web, auth.apiKey(), request, params, o -> OrderJson.spotNewOrder(o, responseType));
        });
    }

    @PostMapping("/order/test")
    Mono<Map<String, Object>> testOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            checked(gate.signed(web, body, Venue.SPOT, 1).params());
            return Map.of();
        });
    }

    private OrderRequest checked(RequestParams params) {
        OrderRequest request = SpotOrderParams.parse(params, validator);
        checks.spot(request);
        return request;
    }

    @GetMapping("/order")
    Map<String, Object> queryOrder(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, 4);
        return OrderJson.spotQuery(orders.query(auth.apiKey(), Venue.SPOT, ParamValidator.orderRef(auth.params())));
    }

    @DeleteMapping("/order")
    Mono<Map<String, Object>> cancelOrder(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.SPOT, 1);
            RequestParams p = auth.params();
            String cancelId = p.get("newClientOrderId") != null ? p.get("newClientOrderId") : "cancel" + wallMillis.getAsLong();
            return OrderJson.spotCancel(orders.cancel(auth.apiKey(), Venue.SPOT, ParamValidator.orderRef(p)), cancelId);
        });
    }

    @GetMapping("/openOrders")
    List<Map<String, Object>> openOrders(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.SPOT, ParamValidator.symbolWeight(web, 6, 80));
        return orders.openOrders(auth.apiKey(), Venue.SPOT, auth.params().get("symbol")).stream()
                .map(OrderJson::spotQuery).toList();
    }
}
