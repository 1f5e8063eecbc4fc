package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.orders.OrderRef;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.springframework.web.server.ServerWebExchange;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The parameter rules the Binance endpoints share, each with Binance's error: a listed symbol (-1121), the
 * {@code symbol} / {@code symbols} filter, a {@code true}/{@code false} flag (-1130), a row limit kept within bounds,
 * and the weight of an endpoint that costs less for one symbol than for all. What only one kind of request takes stays
 * with it ({@link SpotOrderParams}, {@link FuturesOrderParams}, {@link HistoryQuery}); typed getters and their -1100 /
 * -1102 errors are {@link RequestParams}'.
 */
final class ParamValidator {

    private final Markets markets;

    ParamValidator(Markets markets) {
        this.markets = markets;
    }

    SymbolMarket market(String symbol) {
        return markets.find(symbol).orElseThrow(() -> new RejectedException(-1121, "Invalid symbol."));
    }

    /** The market of the mandatory {@code symbol} parameter. */
    SymbolMarket market(RequestParams params) {
        return market(params.require("symbol"));
    }

    /** The mandatory {@code symbol} parameter, a listed symbol, as sent. */
    String listedSymbol(RequestParams params) {
        String symbol = params.require("symbol");
        market(symbol);
        return symbol;
    }

    /** The mandatory {@code side}, BUY or SELL (-1116 otherwise). */
    static Side side(RequestParams params) {
        Side side = params.enumValue("side", Side.class);
        if (side == null) {
            throw ApiException.missing("side");
        }
        return side;
    }

    /** The order a query or cancel names: {@code symbol} and {@code orderId} or {@code origClientOrderId}. */
    static OrderRef orderRef(RequestParams params) {
        return new OrderRef(params.require("symbol"), params.longValue("orderId"), params.get("origClientOrderId"));
    }

    /**
     * What an endpoint that answers one symbol or all of them answers: {@code render} of the {@code symbol}
     * parameter's market (-1121 if not listed), else a list of it for every listed market.
     */
    Object oneOrAll(RequestParams params, Function<SymbolMarket, Object> render) {
        String symbol = params.get("symbol");
        return symbol != null ? render.apply(market(symbol)) : markets.all().stream().map(render).toList();
    }

    /** Whether every name is a listed symbol. */
    boolean allListed(List<String> symbols) {
        return symbols.stream().allMatch(s -> markets.find(s).isPresent());
    }

    /** The markets a {@code symbol} / {@code symbols} filter names, in its order (each one listed), else every market. */
    List<SymbolMarket> selected(RequestParams params) {
        List<String> wanted = requestedSymbols(params);
        if (wanted.isEmpty()) {
            return List.copyOf(markets.all());
        }
        return wanted.stream().map(this::market).toList();
    }

    /** The {@code symbol} parameter, else the names in {@code symbols} (a JSON array or a plain list), else none. */
    static List<String> requestedSymbols(RequestParams params) {
        if (params.get("symbol") != null) {
            return List.of(params.get("symbol"));
        }
        String symbols = params.get("symbols");
        if (symbols == null) {
            return List.of();
        }
        return Arrays.stream(symbols.replaceAll("[\\[\\]\" ]", "").split(",")).filter(s -> !s.isEmpty()).toList();
    }

    /** A mandatory flag: Binance takes the strings "true" and "false". */
    static boolean flag(RequestParams params, String name) {
        String value = params.require(name);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(name);
        }
        return Boolean.parseBoolean(value);
    }

    /** A mandatory parameter that must be one of {@code allowed}. */
    static String oneOf(RequestParams params, String name, List<String> allowed) {
        String value = params.require(name);
        if (!allowed.contains(value)) {
            throw invalid(name);
        }
        return value;
    }

    private static ApiException invalid(String name) {
        return ApiException.badRequest(-1130, "Data sent for parameter '" + name + "' is not valid.");
    }

    /** The {@code limit} parameter, {@code fallback} when absent, kept between 1 and {@code max}. */
    static int limit(RequestParams params, int fallback, int max) {
        Long limit = params.longValue("limit");
        return (int) Math.min(max, Math.max(1, limit == null ? fallback : limit));
    }

    /** The parameters of the query string, read before the request is admitted (to know its weight). */
    static RequestParams peek(ServerWebExchange web) {
        return new RequestParams(web.getRequest().getURI().getRawQuery(), null);
    }

    /** The weight of an endpoint that answers one symbol or every symbol: {@code one} with a {@code symbol}, else {@code all}. */
    static int symbolWeight(ServerWebExchange web, int one, int all) {
        return peek(web).get("symbol") != null ? one : all;
    }
}
