package com.novaquant.execution.adapter.binance;

import com.novaquant.binance.stream.ConnectionListener;
import com.novaquant.binance.stream.ConnectionSpec;
import com.novaquant.binance.stream.DisconnectCause;
import com.novaquant.binance.stream.FrameListener;
import com.novaquant.binance.stream.ReceivedFrame;
import com.novaquant.binance.stream.StreamConnection;
import com.novaquant.binance.stream.StreamPlanner;
import com.novaquant.binance.stream.StreamRoute;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.SubscribableConnection;
import com.novaquant.binance.stream.SymbolStreams;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.TrackedSymbolsListener;
import com.novaquant.execution.application.VenuePrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * Execution's own view of the venue's prices: the {@code <symbol>@bookTicker} streams of every traded symbol on spot
 * and on USD-M ({@code /public}), opened by this service itself, so that a signal's prices are checked against what
 * the venue shows and the limits computed from it, whatever Kafka or signal-service carried. The symbols follow the
 * traded universe ({@link #trackedChanged}): streams are subscribed and unsubscribed on the open connections, never
 * by reconnecting, so a change of universe leaves the other symbols' prices untouched.
 * <p>
 * A frame is taken on its connection's event loop without allocation: the best bid and ask are kept as scaled longs
 * per stream, behind a {@link StampedLock} a reader validates optimistically; a read builds the two prices and never
 * waits on the network. A frame whose update id is not newer than the stream's last of the same session (a replay)
 * is skipped; a new session starts the sequence afresh. Each connection reconnects by itself with back-off after a
 * loss; one that is connected but has carried no frame for {@link #SILENCE} is replaced.
 */
public final class BinanceBookTickers implements VenuePrices, TrackedSymbolsListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BinanceBookTickers.class);
    /** A connection silent this long (no frame on any of its streams) is replaced. */
    static final Duration SILENCE = Duration.ofSeconds(30);

    private final Set<String> configured;
    private final SymbolStreams streams;
    /** Per connection name: its activity and session, made when the connection is planned or opened. */
    private final Map<String, Activity> activities = new ConcurrentHashMap<>();
    /** Per stream id; replaced (never changed in place) when a stream is added, read by the event loops. */
    private volatile Slot[] byStream = new Slot[0];
    private final Map<String, Slot> spot = new ConcurrentHashMap<>();
    private final Map<String, Slot> perp = new ConcurrentHashMap<>();
    private final Frames frames = new Frames();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;
    /** Frames refused by the parser, and replays (update id not newer) skipped: counted drops, never a price. */
    private final LongAdder malformed = new LongAdder();
    private final LongAdder replayed = new LongAdder();

    /**
     * @param spotWsUrl    spot stream base ({@code nova.binance.spot.ws-url})
     * @param futuresWsUrl USD-M stream base ({@code nova.binance.futures.ws-url})
     * @param symbols      the symbols always followed ({@code nova.symbols}); the traded universe's are added
     */
    public BinanceBookTickers(String spotWsUrl, String futuresWsUrl, List<String> symbols, StreamSettings settings,
                              Clock clock) {
        SymbolTable table = new SymbolTable(symbols);
        this.configured = Set.copyOf(table.symbols());
        List<ConnectionSpec> plan = StreamPlanner.plan(spotWsUrl, futuresWsUrl, table.symbols().stream().sorted().toList(),
                1, 1).stream().filter(spec -> spec.route() != StreamRoute.USDM_MARKET).toList();
        Changes changes = new Changes();
        for (ConnectionSpec spec : plan) {
            changes.opened(spec);
            changes.adding(spec, spec.streams());
        }
        List<SymbolStreams.Lane> lanes = SymbolStreams.plannerLanes(spotWsUrl, futuresWsUrl).stream()
                .filter(lane -> lane.type() == StreamType.BOOK_TICKER).toList();
        streams = new SymbolStreams(lanes, plan, table,
                SymbolStreams.connector(settings, table, frames, frames, clock), changes);
        watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("own-book-tickers-watchdog").daemon().factory());
    }

    public void start() {
        for (SubscribableConnection connection : streams.connections()) {
            log.info("Own book tickers: opening {} ({} streams at {})", connection.spec().name(),
                    connection.spec().streams().size(), connection.spec().url().getHost());
        }
        streams.start();
        long period = Math.max(1, SILENCE.toSeconds() / 6);
        watchdog.scheduleWithFixedDelay(this::replaceSilentConnections, period, period, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        streams.stop();
    }

    /** Follows the traded universe: the configured symbols and the tracked ones, changed on the open connections. */
    @Override
    public void trackedChanged(Set<String> tracked) {
        Set<String> wanted = new HashSet<>(configured);
        wanted.addAll(tracked);
        SymbolStreams.Update update = streams.update(wanted);
        if (update.changed()) {
            log.info("Own book tickers: subscribed {}, unsubscribed {}", update.added(), update.removed());
        }
    }

    /** The symbols whose book tickers are followed now. */
    public Set<String> symbols() {
        return streams.symbols();
    }

    @Override
    public Top latest(String symbol, Venue venue) {
        Map<String, Slot> slots = venue == Venue.SPOT ? spot : perp;
        if (symbol == null) {
            return null;
        }
        Slot slot = slots.get(symbol);
        if (slot == null) {
            slot = slots.get(symbol.trim().toUpperCase(Locale.ROOT));
        }
        return slot == null ? null : slot.read();
    }

    /** Whether every connection is up (for tests and logs). */
    public boolean connected() {
        return streams.connections().stream()
                .allMatch(connection -> !(connection instanceof StreamConnection c) || c.connected());
    }

    void replaceSilentConnections() {
        long now = System.nanoTime();
        for (SubscribableConnection connection : streams.connections()) {
            Activity activity = activities.get(connection.spec().name());
            if (activity == null || !(connection instanceof StreamConnection c) || !c.connected()) {
                continue;
            }
            long silentNanos = now - activity.lastNanos;
            if (silentNanos > SILENCE.toNanos()) {
                activity.lastNanos = now;
                c.reconnect("no book ticker for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s");
            }
        }
    }

    /** Keeps the per-stream slots in step with the subscriptions, before a stream's first frame. */
    private final class Changes implements SymbolStreams.Changes {

        @Override
        public void opened(ConnectionSpec connection) {
            activities.putIfAbsent(connection.name(), new Activity());
        }

        @Override
        public void adding(ConnectionSpec connection, List<StreamKey> added) {
            Activity activity = activities.computeIfAbsent(connection.name(), name -> new Activity());
            Map<String, Slot> venue = Venue.valueOf(connection.route().venue()) == Venue.SPOT ? spot : perp;
            int size = byStream.length;
            for (StreamKey key : added) {
                size = Math.max(size, key.id() + 1);
            }
            Slot[] grown = java.util.Arrays.copyOf(byStream, size);
            for (StreamKey key : added) {
                Slot slot = new Slot(key.symbol(), activity);
                grown[key.id()] = slot;
                venue.put(key.symbol(), slot);
            }
            byStream = grown;
        }

        @Override
        public void removed(ConnectionSpec connection, List<StreamKey> gone) {
            Map<String, Slot> venue = Venue.valueOf(connection.route().venue()) == Venue.SPOT ? spot : perp;
            gone.forEach(key -> venue.remove(key.symbol()));
        }
    }

    /** Every connection's frames and life cycle. */
    private final class Frames implements FrameListener, ConnectionListener {

        @Override
        public void onBookTicker(ConnectionSpec connection, StreamKey stream, BookTicker ticker, ReceivedFrame frame) {
            Slot[] slots = byStream;
            Slot slot = stream.id() < slots.length ? slots[stream.id()] : null;
            // A stream id is reused once its stream is gone: a late frame of the old symbol never writes the new one.
            if (slot == null || !slot.symbol.equals(stream.symbol())) {
                malformed.increment();
                return;
            }
            slot.activity.lastNanos = frame.receivedNanos();
            if (!slot.write(ticker, frame.receivedAtMicros())) {
                replayed.increment();
            }
        }

        @Override
        public void onMarkPrice(ConnectionSpec connection, StreamKey stream, MarkPrice markPrice, ReceivedFrame frame) {
            // Not subscribed.
        }

        @Override
        public void onRejected(ConnectionSpec connection, ParseStatus reason, ReceivedFrame frame) {
            malformed.increment();
            log.debug("{}: frame refused ({})", connection.name(), reason);
        }

        @Override
        public void onConnected(ConnectionSpec connection) {
            Activity activity = activities.computeIfAbsent(connection.name(), name -> new Activity());
            activity.lastNanos = System.nanoTime();
            activity.session++;
        }

        @Override
        public void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail) {
            if (closed) {
                return;
            }
            log.warn("Own book tickers: {} lost ({}: {}); growth is refused once its prices are older than the quote"
                    + " age limit", connection.name(), cause, detail);
        }

        @Override
        public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause) {
            // StreamConnection logs the attempt.
        }
    }

    /** One connection's last frame (or connect) and session count, written by its event loop. */
    private static final class Activity {
        volatile long lastNanos = System.nanoTime();
        volatile int session;
    }

    /** The latest best bid and ask of one stream: one writer (its connection's event loop), any number of readers. */
    /** Frames the parser refused (malformed, unknown stream) since start. */
    public long malformedFrames() {
        return malformed.sum();
    }

    /** Frames skipped as replays (an update id not newer than the stream's last) since start. */
    public long replayedFrames() {
        return replayed.sum();
    }

    private static final class Slot {

        private final String symbol;
        private final Activity activity;
        private final StampedLock lock = new StampedLock();
        private boolean present;
        private long updateId;
        /** The connection's session this slot's update id belongs to; a new session starts the sequence afresh. */
        private int session = -1;
        private long bid;
        private int bidScale;
        private long ask;
        private int askScale;
        private long receivedAtMicros;

        Slot(String symbol, Activity activity) {
            this.symbol = symbol;
            this.activity = activity;
        }

        /** @return false for a replay (an update id not newer than the last of this session): skipped */
        boolean write(BookTicker ticker, long atMicros) {
            int current = activity.session;
            long stamp = lock.writeLock();
            try {
                if (session == current && ticker.updateId() <= updateId) {
                    return false;
                }
                session = current;
                updateId = ticker.updateId();
                bid = ticker.bidPriceUnscaled();
                bidScale = ticker.bidPriceScale();
                ask = ticker.askPriceUnscaled();
                askScale = ticker.askPriceScale();
                receivedAtMicros = atMicros;
                present = true;
                return true;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        Top read() {
            long stamp = lock.tryOptimisticRead();
            boolean isPresent = present;
            long b = bid;
            int bs = bidScale;
            long a = ask;
            int as = askScale;
            long at = receivedAtMicros;
            if (!lock.validate(stamp)) {
                stamp = lock.readLock();
                try {
                    isPresent = present;
                    b = bid;
                    bs = bidScale;
                    a = ask;
                    as = askScale;
                    at = receivedAtMicros;
                } finally {
                    lock.unlockRead(stamp);
                }
            }
            return isPresent ? new Top(BigDecimal.valueOf(b, bs), BigDecimal.valueOf(a, as), at) : null;
        }
    }
}
