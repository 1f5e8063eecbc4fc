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
import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.VenuePrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * Execution's own view of the venue's prices: the {@code <symbol>@bookTicker} streams of every traded symbol on spot
 * and on USD-M ({@code /public}), opened by this service itself, so that a signal's prices are checked against what
 * the venue shows and the limits computed from it, whatever Kafka or signal-service carried.
 * <p>
 * A frame is taken on its connection's event loop without allocation: the best bid and ask are kept as scaled longs
 * per stream, behind a {@link StampedLock} a reader validates optimistically; a read builds the two prices and never
 * waits on the network. A frame whose update id is not newer than the stream's last (a replay) is skipped; a new
 * session starts the sequence afresh. Each connection reconnects by itself with back-off after a loss; one that is
 * connected but has carried no frame for {@link #SILENCE} is replaced.
 */
public final class BinanceBookTickers implements VenuePrices, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BinanceBookTickers.class);
    /** A connection silent this long (no frame on any of its streams) is replaced. */
    static final Duration SILENCE = Duration.ofSeconds(30);

    private final List<Feed> feeds = new ArrayList<>();
    private final Map<String, Slot> spot = new HashMap<>();
    private final Map<String, Slot> perp = new HashMap<>();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;
    /** Frames refused by the parser, and replays (update id not newer) skipped: counted drops, never a price. */
    private final LongAdder malformed = new LongAdder();
    private final LongAdder replayed = new LongAdder();

    /**
     * @param spotWsUrl    spot stream base ({@code nova.binance.spot.ws-url})
     * @param futuresWsUrl USD-M stream base ({@code nova.binance.futures.ws-url})
     * @param symbols      the traded symbols ({@code nova.symbols})
     */
    public BinanceBookTickers(String spotWsUrl, String futuresWsUrl, List<String> symbols, StreamSettings settings,
                              Clock clock) {
        SymbolTable table = new SymbolTable(symbols);
        List<ConnectionSpec> plan = StreamPlanner.plan(spotWsUrl, futuresWsUrl, table.symbols().stream().sorted().toList(),
                1, 1).stream().filter(spec -> spec.route() != StreamRoute.USDM_MARKET).toList();
        int streams = plan.stream().flatMap(spec -> spec.streams().stream()).mapToInt(StreamKey::id).max().orElse(-1) + 1;
        Slot[] byStream = new Slot[streams];
        for (ConnectionSpec spec : plan) {
            Map<String, Slot> venue = Venue.valueOf(spec.route().venue()) == Venue.SPOT ? spot : perp;
            for (StreamKey key : spec.streams()) {
                Slot slot = new Slot();
                byStream[key.id()] = slot;
                venue.put(key.symbol(), slot);
            }
        }
        for (ConnectionSpec spec : plan) {
            Feed feed = new Feed(spec, byStream);
            feed.connection = new StreamConnection(spec, settings, table, feed, feed, clock);
            feeds.add(feed);
        }
        watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("own-book-tickers-watchdog").daemon().factory());
    }

    public void start() {
        for (Feed feed : feeds) {
            log.info("Own book tickers: opening {} ({} streams at {})", feed.spec.name(), feed.spec.streams().size(),
                    feed.spec.url().getHost());
            feed.connection.start();
        }
        long period = Math.max(1, SILENCE.toSeconds() / 6);
        watchdog.scheduleWithFixedDelay(this::replaceSilentConnections, period, period, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        feeds.forEach(feed -> feed.connection.stop());
    }

    @Override
    public Top latest(String symbol, Venue venue) {
        Map<String, Slot> slots = venue == Venue.SPOT ? spot : perp;
        Slot slot = slots.get(symbol);
        if (slot == null && symbol != null) {
            slot = slots.get(symbol.trim().toUpperCase(Locale.ROOT));
        }
        return slot == null ? null : slot.read();
    }

    /** Whether every connection is up (for tests and logs). */
    public boolean connected() {
        return feeds.stream().allMatch(feed -> feed.connection.connected());
    }

    void replaceSilentConnections() {
        long now = System.nanoTime();
        for (Feed feed : feeds) {
            long silentNanos = now - feed.lastActivityNanos;
            if (feed.connection.connected() && silentNanos > SILENCE.toNanos()) {
                feed.lastActivityNanos = now;
                feed.connection.reconnect("no book ticker for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s");
            }
        }
    }

    /** One connection's frames and life cycle. */
    private final class Feed implements FrameListener, ConnectionListener {

        private final ConnectionSpec spec;
        private final Slot[] byStream;
        private StreamConnection connection;
        /** The last frame or connect, {@link System#nanoTime()}; written by the event loop, read by the watchdog. */
        private volatile long lastActivityNanos = System.nanoTime();

        Feed(ConnectionSpec spec, Slot[] byStream) {
            this.spec = spec;
            this.byStream = byStream;
        }

        @Override
        public void onBookTicker(ConnectionSpec connection, StreamKey stream, BookTicker ticker, ReceivedFrame frame) {
            lastActivityNanos = frame.receivedNanos();
            if (!byStream[stream.id()].write(ticker, frame.receivedAtMicros())) {
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
            lastActivityNanos = System.nanoTime();
            for (StreamKey key : connection.streams()) {
                byStream[key.id()].newSession();
            }
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

        private final StampedLock lock = new StampedLock();
        private boolean present;
        private long updateId;
        private boolean newSession = true;
        private long bid;
        private int bidScale;
        private long ask;
        private int askScale;
        private long receivedAtMicros;

        /** @return false for a replay (an update id not newer than the last of this session): skipped */
        boolean write(BookTicker ticker, long atMicros) {
            long stamp = lock.writeLock();
            try {
                if (!newSession && ticker.updateId() <= updateId) {
                    return false;
                }
                newSession = false;
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

        void newSession() {
            long stamp = lock.writeLock();
            try {
                newSession = true;
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
