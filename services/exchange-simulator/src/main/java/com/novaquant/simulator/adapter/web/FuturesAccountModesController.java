package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.FuturesSettingsService;
import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Binance USD-M account modes under {@code /futures/fapi}: position mode, asset mode and each symbol's margin type
 * (docs/binance-protocol.md, "Account modes"). Reads weigh 30; changes weigh 1 and answer
 * {@code {"code":200,"msg":"success"}}.
 */
@RestController
@RequestMapping("/futures/fapi")
record FuturesAccountModesController(FuturesSettingsService settings, RequestGate gate) {

    private static final Map<String, Object> SUCCESS = Map.of("code", 200, "msg", "success");
    private static final List<String> MARGIN_TYPES = List.of("ISOLATED", "CROSSED");

    @GetMapping("/v1/positionSide/dual")
    Map<String, Object> positionMode(ServerWebExchange web) {
        return Map.of("dualSidePosition", settings.dualSidePosition(reader(web)));
    }

    @GetMapping("/v1/multiAssetsMargin")
    Map<String, Object> assetMode(ServerWebExchange web) {
        return Map.of("multiAssetsMargin", settings.multiAssetsMargin(reader(web)));
    }

    @PostMapping("/v1/positionSide/dual")
    Mono<Map<String, Object>> changePositionMode(ServerWebExchange web) {
        return change(web, (apiKey, p) ->
                settings.changePositionMode(apiKey, ParamValidator.flag(p, "dualSidePosition")));
    }

    @PostMapping("/v1/multiAssetsMargin")
    Mono<Map<String, Object>> changeAssetMode(ServerWebExchange web) {
        return change(web, (apiKey, p) ->
                settings.changeAssetMode(apiKey, ParamValidator.flag(p, "multiAssetsMargin")));
    }

    @PostMapping("/v1/marginType")
    Mono<Map<String, Object>> changeMarginType(ServerWebExchange web) {
        return change(web, (apiKey, p) -> {
            String symbol = p.require("symbol");
            MarginType type = MarginType.valueOf(ParamValidator.oneOf(p, "marginType", MARGIN_TYPES));
            settings.changeMarginType(apiKey, symbol, type);
        });
    }

    /** The account a mode is read for. */
    private String reader(ServerWebExchange web) {
        return gate.signed(web, null, Venue.USDM, 30).apiKey();
    }

    private Mono<Map<String, Object>> change(ServerWebExchange web, BiConsumer<String, RequestParams> change) {
        return RequestBodies.raw(web).map(body -> {
            RequestGate.Authenticated auth = gate.signed(web, body, Venue.USDM, 1);
            change.accept(auth.apiKey(), auth.params());
            return SUCCESS;
        });
    }
}
