package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Binance USD-M account modes under {@code /futures/fapi}: position mode, asset mode and each symbol's margin type
 * (docs/binance-protocol.md, "Account modes"). Changes answer {@code {"code":200,"msg":"success"}}.
 */
@RestController
@RequestMapping("/futures/fapi")
class FuturesAccountModesController {

    private static final Map<String, Object> SUCCESS = Map.of("code", 200, "msg", "success");

    private final Exchange exchange;
    private final RequestGate gate;

    FuturesAccountModesController(Exchange exchange, RequestGate gate) {
        this.exchange = exchange;
        this.gate = gate;
    }

    @GetMapping("/v1/positionSide/dual")
    Map<String, Object> positionMode(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 30);
        return Map.of("dualSidePosition", exchange.dualSidePosition(auth.apiKey()));
    }

    @PostMapping("/v1/positionSide/dual")
    Mono<Map<String, Object>> changePositionMode(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
            exchange.changePositionMode(auth.apiKey(), flag(auth.params(), "dualSidePosition"));
            return SUCCESS;
        });
    }

    @GetMapping("/v1/multiAssetsMargin")
    Map<String, Object> assetMode(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 30);
        return Map.of("multiAssetsMargin", exchange.multiAssetsMargin(auth.apiKey()));
    }

    @PostMapping("/v1/multiAssetsMargin")
    Mono<Map<String, Object>> changeAssetMode(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
            exchange.changeAssetMode(auth.apiKey(), flag(auth.params(), "multiAssetsMargin"));
            return SUCCESS;
        });
    }

    @PostMapping("/v1/marginType")
    Mono<Map<String, Object>> changeMarginType(ServerWebExchange web) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
            String symbol = auth.params().require("symbol");
            String type = auth.params().require("marginType");
            if (!type.equals("ISOLATED") && !type.equals("CROSSED")) {
                throw invalid("marginType");
            }
            exchange.changeMarginType(auth.apiKey(), symbol, MarginType.valueOf(type));
            return SUCCESS;
        });
    }

    /** Binance takes the strings "true" and "false". */
    private static boolean flag(RequestParams params, String name) {
        String value = params.require(name);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(name);
        }
        return Boolean.parseBoolean(value);
    }

    private static ApiException invalid(String name) {
        return ApiException.badRequest(-1130, "Data sent for parameter '" + name + "' is not valid.");
    }
}
