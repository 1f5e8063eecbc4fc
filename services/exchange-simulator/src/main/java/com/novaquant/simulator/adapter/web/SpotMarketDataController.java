package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.accounts.BnbBurn;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance spot market data under {@code /spot/api/v3}: exchangeInfo, depth and book tickers from the current books,
 * and 24 h tickers, price tickers and klines from the prices the simulator records ({@link HistoryJson}).
 */
@RestController
@RequestMapping("/spot/api/v3")
record SpotMarketDataController(Markets markets, BnbBurn bnbBurn, RequestGate gate, ParamValidator validator,
                                LongSupplier wallMillis) {

    private static final int MAX_KLINES = 1000;
    private static final String BNB_USDT = "BNBUSDT";

    /** Weight 20; {@code symbol} / {@code symbols} and {@code symbolStatus} filter the symbols listed. */
    @GetMapping("/exchangeInfo")
    Map<String, Object> exchangeInfo(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, 20);
        List<String> wanted = ParamValidator.requestedSymbols(params);
        String status = params.get("symbolStatus");
        List<SymbolMarket> shown = markets.all().stream()
                .filter(m -> wanted.isEmpty() || wanted.contains(m.instrument().symbol()))
                .filter(m -> status == null || status.equals(m.listing(Venue.SPOT).binanceStatus(Venue.SPOT)))
                .toList();
        if (!validator.allListed(wanted)) {
            throw ApiException.badRequest(-1121, "Invalid symbol.");
        }
        return ExchangeInfoJson.spot(wallMillis.getAsLong(), shown);
    }

    /** {@code limit} 100 by default, 1 to 5000; the weight grows with it. */
    @GetMapping("/depth")
    Map<String, Object> depth(ServerWebExchange web) {
        int limit = ParamValidator.limit(ParamValidator.peek(web), 100, 5000);
        int weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
        RequestParams params = gate.open(web, Venue.SPOT, weight);
        return MarketJson.spotDepth(validator.market(params).book(Venue.SPOT), limit);
    }

    @GetMapping("/ticker/bookTicker")
    Object bookTicker(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, ParamValidator.symbolWeight(web, 2, 4));
        return validator.oneOrAll(params, m -> MarketJson.spotBookTicker(m.instrument().symbol(), m.book(Venue.SPOT)));
    }

    /** {@code symbol} answers one object; {@code symbols} (a JSON array) or nothing answers a list. */
    @GetMapping("/ticker/24hr")
    Object ticker24h(ServerWebExchange web) {
        RequestParams peek = ParamValidator.peek(web);
        int weight;
        if (peek.get("symbol") != null) {
            weight = 2;
        } else if (peek.get("symbols") != null) {
            int n = ParamValidator.requestedSymbols(peek).size();
            weight = n <= 20 ? 2 : n <= 100 ? 40 : 80;
        } else {
            weight = 80;
        }
        RequestParams params = gate.open(web, Venue.SPOT, weight);
        long now = wallMillis.getAsLong();
        if (params.get("symbol") != null) {
            return HistoryJson.ticker24h(validator.market(params.get("symbol")), Venue.SPOT, now);
        }
        return validator.selected(params).stream().map(m -> HistoryJson.ticker24h(m, Venue.SPOT, now)).toList();
    }

    @GetMapping("/ticker/price")
    Object priceTicker(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, ParamValidator.symbolWeight(web, 2, 4));
        long now = wallMillis.getAsLong();
        String symbol = params.get("symbol");
        if (symbol != null && isQuotedBnb(symbol)) {
            return Map.of("symbol", BNB_USDT, "price", bnbBurn.bnbPriceUsdt().toPlainString());
        }
        if (symbol != null) {
            return HistoryJson.priceTicker(validator.market(symbol), Venue.SPOT, now);
        }
        return validator.selected(params).stream().map(m -> HistoryJson.priceTicker(m, Venue.SPOT, now)).toList();
    }

    /**
     * BNBUSDT is no market here, but an account that pays commission in BNB must be able to value it: with BNB burn
     * on, its price is the simulator's one BNB price.
     */
    private boolean isQuotedBnb(String symbol) {
        return BNB_USDT.equals(symbol) && bnbBurn.enabled() && markets.find(symbol).isEmpty();
    }

    /** Parameters: {@code symbol}, {@code interval}, {@code startTime}, {@code endTime}, {@code limit} (500, at most 1000). */
    @GetMapping("/klines")
    List<List<Object>> klines(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.SPOT, 2);
        return HistoryJson.klines(validator.market(params), Venue.SPOT, params, MAX_KLINES);
    }
}
