package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.stream.ConnectionListener;
import com.novaquant.binance.stream.ConnectionSpec;
import com.novaquant.binance.stream.DisconnectCause;
import com.novaquant.binance.stream.FrameListener;
import com.novaquant.binance.stream.ReceivedFrame;
import com.novaquant.binance.stream.StreamConnection;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.SubscribableConnection;
import com.novaquant.binance.stream.SubscriptionChange;
import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamTable;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.ingestion.domain.ReconnectBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One planned connection over successive sessions. Each {@link StreamConnection} serves one session: when it ends,
 * this decides when the next one opens ({@link ReconnectBackoff}), so a deliberate reconnect of a working connection
 * (lag, silence, maximum age, {@code serverShutdown}) opens the next session at once and only failed attempts and
 * drops wait the back-off. Events of a replaced session (a frame in flight, its close) are ignored. Its streams (a
 * {@link StreamTable} kept across sessions) change while it runs: the open session subscribes or unsubscribes, and
 * every new session opens with the streams of the moment.
 *
 * <p>Locking: {@code lock} may be taken inside a {@link StreamConnection}'s own lock (its callbacks); so, holding
 * {@code lock}, only a brand-new StreamConnection (whose lock nobody else can hold) is started, and a StreamConnection
 * that may be in use is stopped only outside {@code lock}.
 */
final class ManagedConnection implements SubscribableConnection {

    private static final Logger log = LoggerFactory.getLogger(ManagedConnection.class);

    /** Sessions replaced on purpose, not because they failed. */
    private static final Set<DisconnectCause> DELIBERATE = EnumSet.of(DisconnectCause.REQUESTED,
            DisconnectCause.SERVER_SHUTDOWN, DisconnectCause.MAX_AGE);

    private final ConnectionSpec spec;
    private final StreamSettings settings;
    private final StreamTable streams;
    private final SymbolTable symbols;
    private final Clock clock;
    private final Supplier<BinanceFrameHandler> handlers;
    private final ReconnectBackoff backoff;
    private final Object lock = new Object();
    /** Identifies the current session's listeners; written under {@code lock}. */
    private volatile int generation;
    private StreamConnection current;
    private Disposable pendingOpen;
    private boolean running;

    /** @param handlers the frame handler, set once the feeds are started (before the first session opens) */
    ManagedConnection(ConnectionSpec spec, StreamTable streams, StreamSettings settings, SymbolTable symbols, Clock clock,
                      Supplier<BinanceFrameHandler> handlers) {
        this.spec = spec;
        this.streams = streams;
        this.settings = settings;
        this.symbols = symbols;
        this.clock = clock;
        this.handlers = handlers;
        this.backoff = new ReconnectBackoff(settings.backoff().initial().toNanos(), settings.backoff().max().toNanos(),
                settings.stableAfter().toNanos());
    }

    private BinanceFrameHandler handler() {
        return handlers.get();
    }

    @Override
    public ConnectionSpec spec() {
        return spec;
    }

    @Override
    public void subscribe(Collection<StreamKey> added) {
        StreamConnection session = session();
        if (session != null) {
            session.subscribe(added);
        } else {
            streams.add(added);
        }
        resync(session);
    }

    @Override
    public void unsubscribe(Collection<StreamKey> removed) {
        StreamConnection session = session();
        if (session != null) {
            session.unsubscribe(removed);
        } else {
            streams.remove(removed);
        }
        resync(session);
    }

    /** A session opened meanwhile may have read the table before the change: it brings itself in line too. */
    private void resync(StreamConnection told) {
        StreamConnection now = session();
        if (now != null && now != told) {
            now.subscribe(List.of());
        }
    }

    private StreamConnection session() {
        synchronized (lock) {
            return current;
        }
    }

    static boolean deliberate(DisconnectCause cause) {
        return DELIBERATE.contains(cause);
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            open();
        }
    }

    @Override
    public void stop() {
        StreamConnection last;
        synchronized (lock) {
            running = false;
            generation++;
            last = current;
            current = null;
            if (pendingOpen != null) {
                pendingOpen.dispose();
                pendingOpen = null;
            }
        }
        if (last != null) {
            last.stop();
        }
    }

    /** Replaces a working session at once; does nothing while there is none (the back-off is already retrying). */
    void reconnectNow(String reason) {
        StreamConnection replaced;
        synchronized (lock) {
            if (!running || current == null || !current.connected()) {
                return;
            }
            replaced = current;
            current = null;
            generation++;
        }
        replaced.stop();
        log.info("{}: replacing the session now ({})", spec.name(), reason);
        handler().onDisconnected(spec, DisconnectCause.REQUESTED, reason);
        next(DisconnectCause.REQUESTED);
    }

    /** The connection delivered healthy frames for the heal time. */
    void healthy() {
        backoff.onHealthy();
    }

    /** Opens a new session (under {@code lock}). */
    private void open() {
        int session = ++generation;
        StreamConnection connection = new StreamConnection(spec, settings, streams, symbols, new Frames(session),
                new Lifecycle(session), clock);
        current = connection;
        connection.start();
    }

    /** The current session ended by itself or failed to open; its own retry is replaced by ours. */
    private void ended(int session, DisconnectCause cause) {
        StreamConnection endedConnection;
        synchronized (lock) {
            if (session != generation) {
                return;
            }
            endedConnection = current;
            current = null;
            generation++;
        }
        if (endedConnection != null) {
            endedConnection.stop();
        }
        next(cause);
    }

    private void next(DisconnectCause cause) {
        synchronized (lock) {
            if (!running || current != null || pendingOpen != null) {
                return;
            }
            long delay = backoff.delayNanos(deliberate(cause), System.nanoTime(), ThreadLocalRandom.current().nextDouble());
            handler().onReconnectScheduled(spec, Duration.ofNanos(delay), backoff.failures(), cause);
            if (delay == 0) {
                open();
                return;
            }
            log.info("{}: next attempt in {} ms ({} failed attempts or drops in a row)", spec.name(),
                    Duration.ofNanos(delay).toMillis(), backoff.failures());
            pendingOpen = Mono.delay(Duration.ofNanos(delay), Schedulers.parallel()).subscribe(t -> {
                synchronized (lock) {
                    pendingOpen = null;
                    if (running && current == null) {
                        open();
                    }
                }
            });
        }
    }

    /** Frames of one session, passed on while it is the current one. */
    private final class Frames implements FrameListener {

        private final int session;
        /** Read once per session, not per frame. */
        private final BinanceFrameHandler target = handler();

        Frames(int session) {
            this.session = session;
        }

        @Override
        public void onBookTicker(ConnectionSpec connection, StreamKey stream, BookTicker ticker, ReceivedFrame frame) {
            if (session == generation) {
                target.onBookTicker(connection, stream, ticker, frame);
            }
        }

        @Override
        public void onMarkPrice(ConnectionSpec connection, StreamKey stream, MarkPrice markPrice, ReceivedFrame frame) {
            if (session == generation) {
                target.onMarkPrice(connection, stream, markPrice, frame);
            }
        }

        @Override
        public void onRejected(ConnectionSpec connection, ParseStatus reason, ReceivedFrame frame) {
            if (session == generation) {
                target.onRejected(connection, reason, frame);
            }
        }
    }

    /** Life-cycle of one session, passed on while it is the current one. */
    private final class Lifecycle implements ConnectionListener {

        private final int session;

        Lifecycle(int session) {
            this.session = session;
        }

        @Override
        public void onConnected(ConnectionSpec connection) {
            if (session == generation) {
                backoff.onConnected(System.nanoTime());
                handler().onConnected(connection);
            }
        }

        @Override
        public void onDisconnected(ConnectionSpec connection, DisconnectCause cause, String detail) {
            if (session == generation) {
                handler().onDisconnected(connection, cause, detail);
            }
        }

        @Override
        public void onReconnectScheduled(ConnectionSpec connection, Duration delay, int attempt, DisconnectCause cause) {
            ended(session, cause);
        }

        @Override
        public void onSubscriptionChanged(ConnectionSpec connection, SubscriptionChange change, List<String> changed) {
            if (session == generation) {
                handler().onSubscriptionChanged(connection, change, changed);
            }
        }

        @Override
        public void onSubscriptionFailed(ConnectionSpec connection, SubscriptionChange change, String detail) {
            if (session == generation) {
                handler().onSubscriptionFailed(connection, change, detail);
            }
        }
    }
}
