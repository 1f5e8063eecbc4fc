package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Exchange;
import com.novaquant.simulator.domain.market.LeverageBrackets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance USD-M symbol data under {@code /futures/fapi}: 24 h and price tickers and klines (from the recorded prices,
 * {@link HistoryJson}), the funding settings of every symbol and the notional and leverage brackets.
 */
@RestController
@RequestMapping("/futures/fapi")
class FuturesMarketDataController {

    private static final int MAX_KLINES = 1500;
    private static final String FUNDING_RATE_CAP = "0.02000000";
    private static final String FUNDING_RATE_FLOOR = "-0.02000000";

    private final Exchange exchange;
    private final RequestGate gate;
    private final LongSupplier wallMillis;

    FuturesMarketDataController(Exchange exchange, RequestGate gate, LongSupplier wallMillis) {
        this.exchange = exchange;
        this.gate = gate;
        this.wallMillis = wallMillis;
    }

    @GetMapping("/v1/ticker/24hr")
    Object ticker24h(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.USDM, peek(web).get("symbol") != null ? 1 : 40);
        long now = wallMillis.getAsLong();
        String symbol = params.get("symbol");
        if (symbol != null) {
            return HistoryJson.ticker24h(market(symbol), Venue.USDM, now);
        }
        return exchange.markets().all().stream().map(m -> HistoryJson.ticker24h(m, Venue.USDM, now)).toList();
    }

    @GetMapping("/{version:v1|v2}/ticker/price")
    Object priceTicker(ServerWebExchange web, @PathVariable String version) {
        RequestParams params = gate.open(web, Venue.USDM, peek(web).get("symbol") != null ? 1 : 2);
        long now = wallMillis.getAsLong();
        String symbol = params.get("symbol");
        if (symbol != null) {
            return HistoryJson.priceTicker(market(symbol), Venue.USDM, now);
        }
        return exchange.markets().all().stream().map(m -> HistoryJson.priceTicker(m, Venue.USDM, now)).toList();
    }

    /** Parameters: {@code symbol}, {@code interval}, {@code startTime}, {@code endTime}, {@code limit} (500, at most 1500). */
    @GetMapping("/v1/klines")
    List<List<Object>> klines(ServerWebExchange web) {
        int limit = HistoryJson.limit(peek(web), MAX_KLINES);
        int weight = limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
        RequestParams params = gate.open(web, Venue.USDM, weight);
        return HistoryJson.klines(market(params.require("symbol")), Venue.USDM, params, MAX_KLINES);
    }

    /**
     * The symbols whose funding settings differ from the default: Binance lists only adjusted symbols, and a symbol
     * left out has the 8 h interval. An interval of no whole number of hours (a demo setting) cannot be listed and is
     * left out. The simulator clamps no rate; the cap and floor shown are Binance's usual adjusted ones.
     */
    @GetMapping("/v1/fundingInfo")
    List<Map<String, Object>> fundingInfo(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 0);
        return exchange.markets().instruments().stream().filter(i -> listedInterval(i.fundingInterval())).map(i -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("symbol", i.symbol());
            out.put("adjustedFundingRateCap", FUNDING_RATE_CAP);
            out.put("adjustedFundingRateFloor", FUNDING_RATE_FLOOR);
            out.put("fundingIntervalHours", i.fundingInterval().toHours());
            out.put("disclaimer", false);
            return out;
        }).toList();
    }

    private static boolean listedInterval(Duration interval) {
        long hours = interval.toHours();
        return hours != 8 && hours >= 1 && hours <= 24 && interval.equals(Duration.ofHours(hours));
    }

    /** SIGNED. With {@code symbol} one object, otherwise a list of every symbol ({@link LeverageBrackets}). */
    @GetMapping("/v1/leverageBracket")
    Object leverageBracket(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 1);
        String symbol = auth.params().get("symbol");
        if (symbol != null) {
            return brackets(market(symbol).instrument().symbol());
        }
        return exchange.markets().instruments().stream().map(i -> brackets(i.symbol())).toList();
    }

    private static Map<String, Object> brackets(String symbol) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("notionalCoef", new BigDecimal("1.0"));
        out.put("brackets", LeverageBrackets.of(symbol).stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bracket", b.bracket());
            row.put("initialLeverage", b.initialLeverage());
            row.put("notionalCap", b.notionalCap());
            row.put("notionalFloor", b.notionalFloor());
            row.put("maintMarginRatio", b.maintMarginRatio());
            BigDecimal cum = b.cum().stripTrailingZeros();
            row.put("cum", cum.scale() < 1 ? cum.setScale(1) : cum);
            return row;
        }).toList());
        return out;
    }

    private SymbolMarket market(String symbol) {
        return exchange.markets().find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }

    private static RequestParams peek(ServerWebExchange web) {
        return new RequestParams(web.getRequest().getURI().getRawQuery(), null);
    }
}
