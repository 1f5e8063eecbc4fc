package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.stream.ConnectionSpec;
import com.novaquant.binance.stream.DisconnectCause;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.SymbolStreams;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamTable;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.events.Venue;
import com.novaquant.ingestion.application.FeedConnection;
import com.novaquant.ingestion.application.FeedControl;
import com.novaquant.ingestion.application.FeedStream;
import com.novaquant.ingestion.application.MarketDataSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market-data connections of this instance: opened together by {@link #start(MarketDataWiring)}, closed by
 * {@link #stop()}, reconnected one at a time on request (at once: see {@link ManagedConnection}), and following a
 * changing set of symbols ({@link #follow(Set)}) with live subscriptions on the open connections, through
 * binance-streams' {@link SymbolStreams}. Each change reaches the feed state (monitor, meters, update ids) before a
 * new stream's first frame and after a removed stream's last.
 */
public final class BinanceFeeds implements FeedControl, MarketDataSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(BinanceFeeds.class);

    private final StreamSettings settings;
    private final SymbolTable symbols;
    private final Clock clock;
    private final SymbolStreams streams;
    private final Map<String, ManagedConnection> connections = new ConcurrentHashMap<>();
    private volatile BinanceFrameHandler handler;
    private volatile MarketDataWiring wiring;

    /** The plan's connections, on the lanes they use. */
    public BinanceFeeds(List<ConnectionSpec> plan, StreamSettings settings, SymbolTable symbols, Clock clock) {
        this(lanesOf(plan), plan, settings, symbols, clock);
    }

    /**
     * @param lanes every kind of stream a symbol gets
     * @param plan  the connections to open first (may be empty when only the universe gives symbols)
     */
    public BinanceFeeds(List<SymbolStreams.Lane> lanes, List<ConnectionSpec> plan, StreamSettings settings,
                        SymbolTable symbols, Clock clock) {
        this.settings = settings;
        this.symbols = symbols;
        this.clock = clock;
        this.streams = new SymbolStreams(lanes, plan, symbols, this::open, new FeedChanges());
    }

    private static List<SymbolStreams.Lane> lanesOf(List<ConnectionSpec> plan) {
        Map<String, SymbolStreams.Lane> lanes = new LinkedHashMap<>();
        for (ConnectionSpec spec : plan) {
            for (StreamKey stream : spec.streams()) {
                SymbolStreams.Lane lane = new SymbolStreams.Lane(spec.route(), spec.endpoint(), stream.type());
                lanes.putIfAbsent(lane.toString(), lane);
            }
        }
        return List.copyOf(lanes.values());
    }

    private ManagedConnection open(ConnectionSpec spec, StreamTable table) {
        ManagedConnection connection = new ManagedConnection(spec, table, settings, symbols, clock, () -> handler);
        connections.put(spec.name(), connection);
        return connection;
    }

    /** Every reason the parser can reject a frame for, as counted under {@code nova.ingestion.rejected}. */
    public static List<String> parseRejectionReasons() {
        return Arrays.stream(ParseStatus.values()).filter(status -> !status.ok()).map(Enum::name).toList();
    }

    /** Every {@code cause} tag a reconnect is counted under. */
    public static List<String> reconnectCauses() {
        return Arrays.stream(DisconnectCause.values()).map(BinanceFrameHandler::causeTag).toList();
    }

    /** The connections and their streams now, in the application's terms. */
    public List<FeedConnection> topology() {
        List<FeedConnection> topology = new ArrayList<>();
        streams.streams().forEach((spec, keys) -> topology.add(connection(spec, keys)));
        return topology;
    }

    private static FeedConnection connection(ConnectionSpec spec, List<StreamKey> keys) {
        return new FeedConnection(spec.name(), Venue.valueOf(spec.route().venue()), feedStreams(spec, keys));
    }

    private static List<FeedStream> feedStreams(ConnectionSpec spec, List<StreamKey> keys) {
        return keys.stream().map(key -> stream(spec, key)).toList();
    }

    private static FeedStream stream(ConnectionSpec spec, StreamKey key) {
        String kind = key.type() == StreamType.BOOK_TICKER ? "book_ticker" : "mark_price";
        return new FeedStream(key.id(), key.name(), key.symbol(), Venue.valueOf(spec.route().venue()), kind);
    }

    public void start(MarketDataWiring wiring) {
        this.wiring = wiring;
        this.handler = new BinanceFrameHandler(wiring.ingestion(), wiring.monitor(), wiring.watchdog(), wiring.metrics(),
                wiring.recorder());
        streams.streams().forEach((spec, keys) ->
                log.info("opening {}: {} streams at {}", spec.name(), keys.size(), spec.url().getHost()));
        streams.start();
    }

    public void stop() {
        streams.stop();
    }

    /** Only once started: the feed state the changes go to exists from then on. */
    @Override
    public void follow(Set<String> wanted) {
        if (wiring == null) {
            throw new IllegalStateException("the feeds are not started");
        }
        SymbolStreams.Update update = streams.update(wanted);
        if (update.changed()) {
            log.info("subscriptions: +{} -{}", update.added(), update.removed());
        }
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

    /** Keeps the feed state in step with the streams. */
    private final class FeedChanges implements SymbolStreams.Changes {

        @Override
        public void opened(ConnectionSpec spec) {
            MarketDataWiring w = wiring;
            if (w == null) {
                return;
            }
            FeedConnection connection = connection(spec, List.of());
            w.monitor().addConnection(connection);
            w.metrics().addConnection(connection);
            w.watchdog().addConnection(spec.name());
            log.info("opening {} for more streams", spec.name());
        }

        @Override
        public void adding(ConnectionSpec spec, List<StreamKey> keys) {
            MarketDataWiring w = wiring;
            if (w == null) {
                return;
            }
            List<FeedStream> added = feedStreams(spec, keys);
            w.metrics().addStreams(added);
            w.ingestion().addStreams(spec.name(), added);
            w.monitor().addStreams(spec.name(), added);
        }

        @Override
        public void removed(ConnectionSpec spec, List<StreamKey> keys) {
            MarketDataWiring w = wiring;
            if (w == null) {
                return;
            }
            List<FeedStream> removed = feedStreams(spec, keys);
            w.monitor().removeStreams(spec.name(), removed);
            w.ingestion().removeStreams(spec.name(), removed);
            w.metrics().removeStreams(removed);
        }
    }
}
