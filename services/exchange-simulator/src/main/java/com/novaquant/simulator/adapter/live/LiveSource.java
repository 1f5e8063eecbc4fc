package com.novaquant.simulator.adapter.live;

import com.novaquant.simulator.application.FrameBookUpdater;
import com.novaquant.simulator.application.RawFrameRelay;
import com.novaquant.simulator.application.RestingOrderFills;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Relays Binance's real public streams (combined form) to the simulator's subscribers and keeps the
 * books orders fill against in step with them. Thin on purpose: three connections (spot, futures
 * /public, futures /market), reconnecting with backoff; the URL roots are configurable so a test
 * can point them at a local server.
 */
public final class LiveSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveSource.class);

    private final String spotUrl;
    private final String futuresUrl;
    private final Markets markets;
    private final RestingOrderFills restingOrders;
    private final RawFrameRelay relay;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<Disposable> connections = new ArrayList<>();

    public LiveSource(String spotUrl, String futuresUrl, Markets markets, RestingOrderFills restingOrders, RawFrameRelay relay) {
        this.spotUrl = trim(spotUrl);
        this.futuresUrl = trim(futuresUrl);
        this.markets = markets;
        this.restingOrders = restingOrders;
        this.relay = relay;
    }

    public void start() {
        List<String> spot = new ArrayList<>();
        List<String> futuresPublic = new ArrayList<>();
        List<String> futuresMarket = new ArrayList<>();
        for (SymbolMarket market : markets.all()) {
            String s = market.instrument().streamSymbol();
            spot.add(s + "@bookTicker");
            spot.add(s + "@depth@100ms");
            futuresPublic.add(s + "@bookTicker");
            futuresPublic.add(s + "@depth@100ms");
            futuresMarket.add(s + "@markPrice@1s");
            futuresMarket.add(s + "@markPrice");
        }
        connections.add(connect(Venue.SPOT, spotUrl + "/stream?streams=" + String.join("/", spot)));
        connections.add(connect(Venue.USDM, futuresUrl + "/public/stream?streams=" + String.join("/", futuresPublic)));
        connections.add(connect(Venue.USDM, futuresUrl + "/market/stream?streams=" + String.join("/", futuresMarket)));
    }

    private Disposable connect(Venue venue, String url) {
        return HttpClient.create()
                .websocket()
                .uri(url)
                .handle((inbound, outbound) -> inbound.receive().asString().doOnNext(text -> onFrame(venue, text)).then())
                .then(Mono.error(new IllegalStateException("live stream closed: " + url)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(s -> log.warn("live stream {} reconnecting after: {}", url, s.failure().getMessage())))
                .subscribe(v -> { }, e -> log.error("live stream {} gave up", url, e));
    }

    /** Handles one combined-stream frame: relays the payload, updates the book. */
    void onFrame(Venue venue, String text) {
        JsonNode envelope;
        try {
            envelope = json.readTree(text);
        } catch (JacksonException e) {
            return;
        }
        JsonNode stream = envelope.get("stream");
        JsonNode data = envelope.get("data");
        if (stream == null || !stream.isString() || data == null) {
            return;
        }
        String name = stream.asString();
        String symbol = name.substring(0, Math.max(0, name.indexOf('@'))).toUpperCase(Locale.ROOT);
        SymbolMarket market = markets.find(symbol).orElse(null);
        if (market != null && FrameBookUpdater.apply(market, venue, name, data, System.currentTimeMillis())) {
            restingOrders.onBook(symbol, venue);
        }
        relay.relay(venue, name, json.writeValueAsString(data));
    }

    @Override
    public void close() {
        connections.forEach(Disposable::dispose);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
