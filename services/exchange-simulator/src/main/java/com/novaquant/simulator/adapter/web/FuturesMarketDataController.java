package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.LeverageBrackets;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance USD-M market data under {@code /futures/fapi}: exchangeInfo, depth and book tickers from the current books;
 * 24 h and price tickers and klines from the recorded prices ({@link HistoryJson}); the notional and leverage
 * brackets.
 */
@RestController
@RequestMapping("/futures/fapi")
record FuturesMarketDataController(Markets markets, RequestGate gate, ParamValidator validator,
                                   LongSupplier wallMillis) {

    private static final int MAX_KLINES = 1500;
    private static final List<Integer> DEPTH_LIMITS = List.of(5, 10, 20, 50, 100, 500, 1000);

    @GetMapping("/v1/exchangeInfo")
    Map<String, Object> exchangeInfo(ServerWebExchange web) {
        gate.open(web, Venue.USDM, 1);
        return ExchangeInfoJson.futures(wallMillis.getAsLong(), markets.all());
    }

    /** {@code limit} one of 5, 10, 20, 50, 100, 500 (the default) and 1000; the weight grows with it. */
    @GetMapping("/v1/depth")
    Map<String, Object> depth(ServerWebExchange web) {
        Long requested = ParamValidator.peek(web).longValue("limit");
        int limit = requested == null ? 500 : requested.intValue();
        if (!DEPTH_LIMITS.contains(limit)) {
            throw ApiException.badRequest(-1100, "Illegal characters found in parameter 'limit'; legal range is '5, 10, 20, 50, 100, 500, 1000'.");
        }
        int weight = limit <= 50 ? 2 : limit == 100 ? 5 : limit == 500 ? 10 : 20;
        RequestParams params = gate.open(web, Venue.USDM, weight);
        Book book = validator.market(params).book(Venue.USDM);
        return MarketJson.futuresDepth(book, limit, wallMillis.getAsLong());
    }

    @GetMapping("/v1/ticker/bookTicker")
    Object bookTicker(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.USDM, ParamValidator.symbolWeight(web, 2, 5));
        return validator.oneOrAll(params, m -> MarketJson.futuresBookTicker(m.instrument().symbol(), m.book(Venue.USDM)));
    }

    @GetMapping("/v1/ticker/24hr")
    Object ticker24h(ServerWebExchange web) {
        RequestParams params = gate.open(web, Venue.USDM, ParamValidator.symbolWeight(web, 1, 40));
        long now = wallMillis.getAsLong();
        return validator.oneOrAll(params, m -> HistoryJson.ticker24h(m, Venue.USDM, now));
    }

    @GetMapping("/{version:v1|v2}/ticker/price")
    Object priceTicker(ServerWebExchange web, @PathVariable String version) {
        RequestParams params = gate.open(web, Venue.USDM, ParamValidator.symbolWeight(web, 1, 2));
        long now = wallMillis.getAsLong();
        return validator.oneOrAll(params, m -> HistoryJson.priceTicker(m, Venue.USDM, now));
    }

    /** Parameters: {@code symbol}, {@code interval}, {@code startTime}, {@code endTime}, {@code limit} (500, at most 1500). */
    @GetMapping("/v1/klines")
    List<List<Object>> klines(ServerWebExchange web) {
        int limit = HistoryJson.limit(ParamValidator.peek(web), MAX_KLINES);
        int weight = limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
        RequestParams params = gate.open(web, Venue.USDM, weight);
        return HistoryJson.klines(validator.market(params), Venue.USDM, params, MAX_KLINES);
    }

    /** SIGNED. With {@code symbol} one object, otherwise a list of every symbol ({@link LeverageBrackets}). */
    @GetMapping("/v1/leverageBracket")
    Object leverageBracket(ServerWebExchange web) {
        RequestGate.Authenticated auth = gate.signed(web, null, Venue.USDM, 1);
        return validator.oneOrAll(auth.params(), m -> FundingJson.leverageBrackets(m.instrument().symbol()));
    }
}
