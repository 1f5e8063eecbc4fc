package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.StreamKey;
import com.novaquant.binance.stream.parse.StreamTable;
import com.novaquant.binance.stream.parse.StreamType;
import com.novaquant.binance.stream.parse.SymbolTable;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a set of symbols subscribed over a venue's connections: {@link #update(Set)} takes the symbols wanted now and
 * changes the open connections' streams to match with live subscription messages, without reconnecting. Each
 * {@link Lane} (one kind of stream on one route, e.g. spot book tickers) carries one stream per symbol; a new stream
 * goes to the lane's connection with the fewest streams, and a new connection is opened only when every one
 * already carries {@link StreamRoute#MAX_STREAMS_PER_CONNECTION}. A connection left with no streams stays open and
 * is the first to be filled again. Stream ids stay dense: a removed stream's id is given to the next new stream.
 *
 * <p>The symbol table the parsers resolve payloads against follows: a new symbol is added before its streams are
 * subscribed, a removed one is dropped after its streams are unsubscribed, so a late frame of a removed symbol is a
 * counted rejection ({@code UNKNOWN_STREAM} or {@code UNKNOWN_SYMBOL}), never a crash.
 *
 * <p>Changes are serialised on this object; frames keep flowing on the event loops meanwhile.
 */
public final class SymbolStreams {

    /** One kind of stream on one route: {@code type} streams at {@code endpoint}. */
    public record Lane(StreamRoute route, URI endpoint, StreamType type) {
    }

    /** Creates the object that keeps one connection up (it is started by {@link SymbolStreams}). */
    @FunctionalInterface
    public interface Connector {
        /**
         * @param spec    the connection's name, route and first streams
         * @param streams its streams, shared for the connection's whole life
         */
        SubscribableConnection open(ConnectionSpec spec, StreamTable streams);
    }

    /** Told of stream changes, so per-stream state exists before a stream's first frame and goes after its last. */
    public interface Changes {
        /** A new connection (before its streams are added with {@link #adding}). */
        default void opened(ConnectionSpec connection) {
        }

        /** Before these streams are subscribed on the connection. */
        default void adding(ConnectionSpec connection, List<StreamKey> streams) {
        }

        /** After these streams were unsubscribed (their frames are refused from now on). */
        default void removed(ConnectionSpec connection, List<StreamKey> streams) {
        }

        Changes NONE = new Changes() {
        };
    }

    /** What one {@link #update(Set)} changed. */
    public record Update(Set<String> added, Set<String> removed) {

        public boolean changed() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    private final class Slot {
        final ConnectionSpec spec;
        final StreamTable table;
        final SubscribableConnection connection;

        Slot(ConnectionSpec spec, StreamTable table) {
            this.spec = spec;
            this.table = table;
            this.connection = connector.open(spec, table);
        }
    }

    private final List<Lane> lanes;
    private final SymbolTable symbols;
    private final Connector connector;
    private final Changes changes;
    private final Map<Lane, List<Slot>> slots = new LinkedHashMap<>();
    /** By {@link #slotKey}: spot and USD-M book tickers share their stream names. */
    private final Map<String, Slot> slotByStream = new HashMap<>();
    private final BitSet ids = new BitSet();
    private final Set<String> subscribed = new TreeSet<>();
    private boolean started;

    /**
     * @param lanes   the kinds of stream every symbol gets
     * @param plan    the connections to open first, each carrying streams of one lane (e.g. a {@link StreamPlanner}
     *                plan); may be empty
     * @param symbols the parsers' symbol table; it must hold the plan's symbols and is kept in line from now on
     */
    public SymbolStreams(List<Lane> lanes, List<ConnectionSpec> plan, SymbolTable symbols, Connector connector,
                         Changes changes) {
        this.lanes = List.copyOf(lanes);
        this.symbols = symbols;
        this.connector = connector;
        this.changes = changes;
        this.lanes.forEach(lane -> slots.put(lane, new ArrayList<>()));
        for (ConnectionSpec spec : plan) {
            Lane lane = laneOf(spec);
            Slot slot = new Slot(spec, new StreamTable(spec.streams()));
            slots.get(lane).add(slot);
            for (StreamKey stream : spec.streams()) {
                if (ids.get(stream.id())) {
                    throw new IllegalArgumentException("stream id " + stream.id() + " planned twice");
                }
                ids.set(stream.id());
                slotByStream.put(slotKey(lane, stream.name()), slot);
                subscribed.add(stream.symbol());
            }
        }
    }

    /** Connects each connection with a {@link StreamConnection} (which reconnects by itself). */
    public static Connector connector(StreamSettings settings, SymbolTable symbols, FrameListener frames,
                                      ConnectionListener lifecycle, Clock clock) {
        return (spec, streams) -> new StreamConnection(spec, settings, streams, symbols, frames, lifecycle, clock);
    }

    /** The lanes of a {@link StreamPlanner} plan: spot and USD-M book tickers, USD-M mark price. */
    public static List<Lane> plannerLanes(String spotWsUrl, String futuresWsUrl) {
        return List.of(new Lane(StreamRoute.SPOT, StreamPlanner.endpoint(StreamRoute.SPOT, spotWsUrl), StreamType.BOOK_TICKER),
                new Lane(StreamRoute.USDM_PUBLIC, StreamPlanner.endpoint(StreamRoute.USDM_PUBLIC, futuresWsUrl), StreamType.BOOK_TICKER),
                new Lane(StreamRoute.USDM_MARKET, StreamPlanner.endpoint(StreamRoute.USDM_MARKET, futuresWsUrl), StreamType.MARK_PRICE));
    }

    private static String slotKey(Lane lane, String streamName) {
        return lane.route() + " " + lane.endpoint() + " " + streamName;
    }

    private Lane laneOf(ConnectionSpec spec) {
        for (Lane lane : lanes) {
            if (lane.route() == spec.route() && lane.endpoint().equals(spec.endpoint())
                    && spec.streams().stream().allMatch(stream -> stream.type() == lane.type())) {
                return lane;
            }
        }
        throw new IllegalArgumentException(spec.name() + " belongs to none of the lanes " + lanes);
    }

    /** Starts every connection; connections opened later start at once. */
    public synchronized void start() {
        started = true;
        allSlots().forEach(slot -> slot.connection.start());
    }

    public synchronized void stop() {
        started = false;
        allSlots().forEach(slot -> slot.connection.stop());
    }

    /** The symbols subscribed now, sorted. */
    public synchronized Set<String> symbols() {
        return Set.copyOf(subscribed);
    }

    /** Every connection (opened so far; none is closed before {@link #stop()}). */
    public synchronized List<SubscribableConnection> connections() {
        return allSlots().stream().map(slot -> slot.connection).toList();
    }

    /** Each connection's streams now. */
    public synchronized Map<ConnectionSpec, List<StreamKey>> streams() {
        Map<ConnectionSpec, List<StreamKey>> streams = new LinkedHashMap<>();
        allSlots().forEach(slot -> streams.put(slot.spec, slot.table.streams()));
        return streams;
    }

    /**
     * Subscribes to exactly {@code wanted} (upper-case symbols; case and blanks are normalised): streams of symbols
     * no longer wanted are unsubscribed first, freeing room, then the new symbols' streams are subscribed.
     */
    public synchronized Update update(Set<String> wanted) {
        Set<String> target = new TreeSet<>();
        wanted.forEach(symbol -> target.add(symbol.trim().toUpperCase(Locale.ROOT)));
        Set<String> removed = new TreeSet<>(subscribed);
        removed.removeAll(target);
        Set<String> added = new TreeSet<>(target);
        added.removeAll(subscribed);
        if (!removed.isEmpty()) {
            remove(removed);
            symbols.remove(removed);
        }
        if (!added.isEmpty()) {
            symbols.add(added);
            add(added);
        }
        subscribed.removeAll(removed);
        subscribed.addAll(added);
        return new Update(Set.copyOf(added), Set.copyOf(removed));
    }

    private void remove(Set<String> removed) {
        for (Lane lane : lanes) {
            Map<Slot, List<StreamKey>> bySlot = new LinkedHashMap<>();
            for (String symbol : removed) {
                Slot slot = slotByStream.get(slotKey(lane, lane.type().streamName(symbol)));
                if (slot == null) {
                    continue;
                }
                slot.table.streams().stream().filter(stream -> stream.symbol().equals(symbol)).findFirst()
                        .ifPresent(stream -> bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(stream));
            }
            bySlot.forEach((slot, streams) -> {
                slot.connection.unsubscribe(streams);
                changes.removed(slot.spec, streams);
                streams.forEach(stream -> {
                    slotByStream.remove(slotKey(lane, stream.name()));
                    ids.clear(stream.id());
                });
            });
        }
    }

    private void add(Collection<String> added) {
        for (Lane lane : lanes) {
            List<Slot> laneSlots = slots.get(lane);
            Map<Slot, List<StreamKey>> bySlot = new LinkedHashMap<>();
            Map<Slot, Integer> load = new HashMap<>();
            List<Slot> opened = new ArrayList<>();
            laneSlots.forEach(slot -> load.put(slot, slot.table.size()));
            for (String symbol : added) {
                Slot slot = laneSlots.stream().filter(s -> load.get(s) < StreamRoute.MAX_STREAMS_PER_CONNECTION)
                        .min((a, b) -> Integer.compare(load.get(a), load.get(b))).orElse(null);
                if (slot == null) {
                    slot = open(lane, laneSlots.size());
                    laneSlots.add(slot);
                    opened.add(slot);
                    load.put(slot, 0);
                }
                int id = ids.nextClearBit(0);
                ids.set(id);
                StreamKey stream = new StreamKey(id, lane.type().streamName(symbol), symbol, lane.type());
                bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(stream);
                load.merge(slot, 1, Integer::sum);
                slotByStream.put(slotKey(lane, stream.name()), slot);
            }
            bySlot.forEach((slot, streams) -> {
                changes.adding(slot.spec, streams);
                slot.connection.subscribe(streams);
            });
            if (started) {
                // After their streams are in the table: the first session's URL carries them.
                opened.forEach(slot -> slot.connection.start());
            }
        }
    }

    private Slot open(Lane lane, int index) {
        ConnectionSpec spec = new ConnectionSpec(StreamPlanner.connectionName(lane.route(), index), lane.route(),
                lane.endpoint(), List.of());
        Slot slot = new Slot(spec, new StreamTable(List.of()));
        changes.opened(spec);
        return slot;
    }

    private List<Slot> allSlots() {
        return slots.values().stream().flatMap(List::stream).toList();
    }
}
