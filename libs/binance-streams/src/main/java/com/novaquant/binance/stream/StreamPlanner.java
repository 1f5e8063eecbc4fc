package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the symbols' streams over connections: spot book tickers on the spot base, USD-M book tickers on
 * {@code /public}, USD-M mark price on {@code /market}; each route's symbols are dealt round-robin over the
 * configured number of connections, and more are opened when a connection would exceed 1024 streams. Stream ids are
 * dense over the whole plan.
 */
public final class StreamPlanner {

    private StreamPlanner() {
    }

    public static List<ConnectionSpec> plan(String spotWsUrl, String futuresWsUrl, List<String> symbols,
                                            int spotConnections, int futuresConnections) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols configured");
        }
        List<ConnectionSpec> plan = new ArrayList<>();
        int[] nextId = {0};
        plan.addAll(route(StreamRoute.SPOT, spotWsUrl, symbols, StreamType.BOOK_TICKER, spotConnections, nextId));
        plan.addAll(route(StreamRoute.USDM_PUBLIC, futuresWsUrl, symbols, StreamType.BOOK_TICKER, futuresConnections, nextId));
        plan.addAll(route(StreamRoute.USDM_MARKET, futuresWsUrl, symbols, StreamType.MARK_PRICE, futuresConnections, nextId));
        return List.copyOf(plan);
    }

    /** The route's combined-stream endpoint under a base URL (which may carry a path, as the simulator's does). */
    public static URI endpoint(StreamRoute route, String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + route.path());
    }

    /** The n-th connection of a route: {@code spot-0}, {@code usdm-public-1}, ... */
    public static String connectionName(StreamRoute route, int index) {
        return route.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + index;
    }

    private static List<ConnectionSpec> route(StreamRoute route, String baseUrl, List<String> symbols, StreamType type,
                                              int requestedConnections, int[] nextId) {
        if (requestedConnections < 1) {
            throw new IllegalArgumentException("connections per venue must be at least 1, got " + requestedConnections);
        }
        int needed = (symbols.size() + StreamRoute.MAX_STREAMS_PER_CONNECTION - 1) / StreamRoute.MAX_STREAMS_PER_CONNECTION;
        int connections = Math.min(symbols.size(), Math.max(requestedConnections, needed));
        List<List<StreamKey>> groups = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i).trim().toUpperCase(Locale.ROOT);
            groups.get(i % connections).add(new StreamKey(nextId[0]++, type.streamName(symbol), symbol, type));
        }
        List<ConnectionSpec> specs = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            List<StreamKey> streams = groups.get(i);
            specs.add(new ConnectionSpec(connectionName(route, i), route,
                    ConnectionSpec.url(endpoint(route, baseUrl), streams), streams));
        }
        return specs;
    }
}
