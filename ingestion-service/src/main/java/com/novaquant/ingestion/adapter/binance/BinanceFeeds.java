package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.stream.ConnectionSpec;
import com.novaquant.binance.stream.DisconnectCause;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.FeedConnection;
import com.novaquant.ingestion.application.FeedControl;
import com.novaquant.ingestion.application.FeedStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market-data connections of this instance, one per entry of the stream plan: opened together by
 * {@link #start(MarketDataWiring)}, closed by {@link #stop()}, reconnected one at a time on request (at once: see
 * {@link ManagedConnection}).
 */
public final class BinanceFeeds implements FeedControl {

    private static final Logger log = LoggerFactory.getLogger(BinanceFeeds.class);

    private final List<ConnectionSpec> plan;
    private final StreamSettings settings;
    private final SymbolTable symbols;
    private final Clock clock;
    private final Map<String, ManagedConnection> connections = new ConcurrentHashMap<>();

    public BinanceFeeds(List<ConnectionSpec> plan, StreamSettings settings, SymbolTable symbols, Clock clock) {
        this.plan = List.copyOf(plan);
        this.settings = settings;
        this.symbols = symbols;
        this.clock = clock;
    }

    /** Every reason the parser can reject a frame for, as counted under {@code nova.ingestion.rejected}. */
    public static List<String> parseRejectionReasons() {
        return Arrays.stream(ParseStatus.values()).filter(status -> !status.ok()).map(Enum::name).toList();
    }

    /** Every {@code cause} tag a reconnect is counted under. */
    public static List<String> reconnectCauses() {
        return Arrays.stream(DisconnectCause.values()).map(BinanceFrameHandler::causeTag).toList();
    }

    /** The plan in the application's terms. */
    public List<FeedConnection> topology() {
        return plan.stream().map(spec -> new FeedConnection(spec.name(), Venue.valueOf(spec.route().venue()),
                spec.streams().stream().map(key -> stream(spec, key)).toList())).toList();
    }

    private static FeedStream stream(ConnectionSpec spec, StreamKey key) {
        String kind = key.type() == StreamType.BOOK_TICKER ? "book_ticker" : "mark_price";
        return new FeedStream(key.id(), key.name(), key.symbol(), Venue.valueOf(spec.route().venue()), kind);
    }

    public void start(MarketDataWiring wiring) {
        FeedStream[] streams = topology().stream().flatMap(c -> c.streams().stream())
                .sorted(Comparator.comparingInt(FeedStream::id)).toArray(FeedStream[]::new);
        BinanceFrameHandler handler = new BinanceFrameHandler(streams, wiring.ingestion(), wiring.monitor(),
                wiring.watchdog(), wiring.metrics(), wiring.recorder());
        for (ConnectionSpec spec : plan) {
            ManagedConnection connection = new ManagedConnection(spec, settings, symbols, clock, handler);
            connections.put(spec.name(), connection);
            log.info("opening {}: {} streams at {}", spec.name(), spec.streams().size(), spec.url().getHost());
            connection.start();
        }
    }

    public void stop() {
        connections.values().forEach(ManagedConnection::stop);
    }

    @Override
    public void reconnect(String connection, String reason) {
        ManagedConnection target = connections.get(connection);
        if (target != null) {
            target.reconnectNow(reason);
        }
    }

    @Override
    public void healthy(String connection) {
        ManagedConnection target = connections.get(connection);
        if (target != null) {
            target.healthy();
        }
    }
}
