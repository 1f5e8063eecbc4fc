package com.novaquant.ingestion;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for Binance's market-data endpoints, speaking the formats of docs/binance-protocol.md
 * ("Combined streams", "Stream payloads"): spot combined streams at {@code /spot/stream}, USD-M at
 * {@code /futures/public/stream} and {@code /futures/market/stream}, server time at {@code /spot/api/v3/time} and
 * {@code /futures/fapi/v1/time}, funding parameters at {@code /futures/fapi/v1/fundingInfo} (ETHUSDT adjusted to 4 h,
 * BTCUSDT not listed, so on Binance's default 8 h). Every {@code tick} it pushes one bookTicker or markPriceUpdate per subscribed
 * stream, with the configured book and event times lagging by the configured amount.
 * Tests steer it per route: lag, silence, dropping connections, injecting raw frames, replaying book tickers already
 * sent (as the exchange simulator's {@code replay-frames} fault does), restarting the exchange's update ids. Live
 * {@code SUBSCRIBE} / {@code UNSUBSCRIBE} messages change a session's streams and are answered
 * {@code {"result":null,"id":n}}, as Binance does; a symbol without a book of its own gets a default one.
 */
final class FakeBinance implements AutoCloseable {

    enum Route {
        SPOT("/spot/stream"), USDM_PUBLIC("/futures/public/stream"), USDM_MARKET("/futures/market/stream");

        final String path;

        Route(String path) {
            this.path = path;
        }
    }

    /** Top of book served for a symbol (decimal strings, as Binance sends them). */
    record Book(String bid, String bidQty, String ask, String askQty) {
    }

    /** Mark price state served for a symbol. */
    record Mark(String markPrice, String indexPrice, String fundingRate, long nextFundingTime) {
    }

    private record Session(Route route, Set<String> streams, Sinks.Many<WebSocketFrame> outbound) {
    }

    private static final Pattern CONTROL = Pattern.compile("\\{\"method\":\"(\\w+)\",\"params\":\\[(.*)],\"id\":(\\d+)}");

    static final Book DEFAULT_SPOT = new Book("100.10", "1.5", "100.20", "2.5");
    static final Book DEFAULT_USDM = new Book("100.11", "3.0", "100.21", "4.0");
    static final Mark DEFAULT_MARK = new Mark("100.15", "100.14", "0.00010000", 1772006400000L);

    /** Binance lists only the symbols whose funding parameters it has adjusted. */
    static final String FUNDING_INFO = "[{\"symbol\":\"ETHUSDT\",\"adjustedFundingRateCap\":\"0.02000000\","
            + "\"adjustedFundingRateFloor\":\"-0.02000000\",\"fundingIntervalHours\":4,\"disclaimer\":false}]";

    private final DisposableServer server;
    private final Scheduler pusher = Schedulers.newSingle("fake-binance");
    private final Disposable ticker;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Map<Route, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final Map<Route, Long> lagMillis = new ConcurrentHashMap<>();
    private final Map<Route, Boolean> silent = new ConcurrentHashMap<>();
    private final Map<String, Book> spotBooks = new ConcurrentHashMap<>();
    private final Map<String, Book> usdmBooks = new ConcurrentHashMap<>();
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicInteger updateId = new AtomicInteger(1000);
    private final Map<Route, AtomicInteger> replayLeft = new ConcurrentHashMap<>();
    private final Map<Route, AtomicInteger> replayed = new ConcurrentHashMap<>();
    private final Map<String, String> lastBookTicker = new ConcurrentHashMap<>();
    private volatile long serverClockAheadMillis;
    private final AtomicInteger controlMessages = new AtomicInteger();

    FakeBinance(Duration tick) {
        for (Route route : Route.values()) {
            connections.put(route, new AtomicInteger());
            replayLeft.put(route, new AtomicInteger());
            replayed.put(route, new AtomicInteger());
        }
        reset();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> {
                    routes.get("/spot/api/v3/time", (req, res) -> res.sendString(Mono.fromSupplier(this::serverTime)));
                    routes.get("/futures/fapi/v1/time", (req, res) -> res.sendString(Mono.fromSupplier(this::serverTime)));
                    routes.get("/futures/fapi/v1/fundingInfo", (req, res) -> res.sendString(Mono.just(FUNDING_INFO)));
                    for (Route route : Route.values()) {
                        routes.get(route.path, (req, res) -> {
                            int query = req.uri().indexOf("streams=");
                            Set<String> streams = ConcurrentHashMap.newKeySet();
                            if (query >= 0) {
                                streams.addAll(List.of(req.uri().substring(query + "streams=".length()).split("/")));
                            }
                            return res.sendWebsocket((in, out) -> {
                                Sinks.Many<WebSocketFrame> sink = Sinks.many().unicast().onBackpressureBuffer();
                                Session session = new Session(route, streams, sink);
                                sessions.add(session);
                                connections.get(route).incrementAndGet();
                                in.receive().asString().subscribe(text -> onControl(session, text));
                                in.receiveCloseStatus().subscribe(status -> sessions.remove(session));
                                return out.sendObject(sink.asFlux()).then().doFinally(s -> sessions.remove(session));
                            });
                        });
                    }
                })
                .bindNow();
        ticker = Flux.interval(tick, tick, pusher).subscribe(t -> tick());
    }

    private void onControl(Session session, String text) {
        Matcher m = CONTROL.matcher(text);
        if (!m.matches()) {
            return;
        }
        List<String> streams = List.of(m.group(2).replace("\"", "").split(","));
        if (m.group(1).equals("SUBSCRIBE")) {
            session.streams().addAll(streams);
        } else if (m.group(1).equals("UNSUBSCRIBE")) {
            streams.forEach(session.streams()::remove);
        }
        controlMessages.incrementAndGet();
        String answer = "{\"result\":null,\"id\":" + m.group(3) + "}";
        commands.add(() -> session.outbound().tryEmitNext(new TextWebSocketFrame(answer)));
    }

    /** Live subscription messages received so far, all routes. */
    int controlMessages() {
        return controlMessages.get();
    }

    /** The streams the route's open sessions carry now. */
    Set<String> subscribed(Route route) {
        Set<String> streams = new java.util.TreeSet<>();
        sessions.stream().filter(s -> s.route() == route).forEach(s -> streams.addAll(s.streams()));
        return streams;
    }

    private String serverTime() {
        return "{\"serverTime\":" + (System.currentTimeMillis() + serverClockAheadMillis) + "}";
    }

    /** Back to a healthy feed: default books, no lag, no silence. */
    void reset() {
        for (Route route : Route.values()) {
            lagMillis.put(route, 0L);
            silent.put(route, false);
            replayLeft.get(route).set(0);
        }
        spotBooks.clear();
        usdmBooks.clear();
        marks.clear();
        serverClockAheadMillis = 0;
    }

    int port() {
        return server.port();
    }

    String spotBase(String scheme) {
        return scheme + "://127.0.0.1:" + port() + "/spot";
    }

    String futuresBase(String scheme) {
        return scheme + "://127.0.0.1:" + port() + "/futures";
    }

    void spotBook(String symbol, Book book) {
        spotBooks.put(symbol, book);
    }

    void usdmBook(String symbol, Book book) {
        usdmBooks.put(symbol, book);
    }

    void mark(String symbol, Mark mark) {
        marks.put(symbol, mark);
    }

    void lag(Route route, long millis) {
        lagMillis.put(route, millis);
    }

    /** The exchange's clock runs this far ahead of ours (server time and event times alike). */
    void clockAhead(long millis) {
        serverClockAheadMillis = millis;
    }

    void silence(Route route, boolean on) {
        silent.put(route, on);
    }

    int connections(Route route) {
        return connections.get(route).get();
    }

    /** Closes every open session of the route (as a network drop or a server restart would). */
    void dropConnections(Route route) {
        commands.add(() -> sessions.stream().filter(s -> s.route() == route).forEach(s -> {
            sessions.remove(s);
            s.outbound().tryEmitComplete();
        }));
    }

    /** Sends a raw text frame once to every open session of the route. */
    void inject(Route route, String frame) {
        commands.add(() -> sessions.stream().filter(s -> s.route() == route)
                .forEach(s -> s.outbound().tryEmitNext(new TextWebSocketFrame(frame))));
    }

    /**
     * After each of the next {@code count} book-ticker frames of the route, the same stream's previous frame is sent
     * again, byte for byte: a duplicate with an update id older than the latest.
     */
    void replayFrames(Route route, int count) {
        replayLeft.get(route).set(count);
    }

    /** Book-ticker frames sent again so far on the route. */
    int replayed(Route route) {
        return replayed.get(route).get();
    }

    /**
     * An exchange restart: every session is closed and the update ids begin again from 1, below every id sent before.
     * Done in one step on the pushing thread, so no old session sees a restarted id.
     */
    void restart() {
        commands.add(() -> {
            updateId.set(0);
            lastBookTicker.clear();
            sessions.forEach(s -> {
                sessions.remove(s);
                s.outbound().tryEmitComplete();
            });
        });
    }

    private void tick() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
        long now = System.currentTimeMillis() + serverClockAheadMillis;
        for (Session session : sessions) {
            if (silent.get(session.route())) {
                continue;
            }
            long eventTime = now - lagMillis.get(session.route());
            for (String stream : session.streams()) {
                String symbol = stream.substring(0, stream.indexOf('@')).toUpperCase();
                String frame = frame(session.route(), stream, symbol, eventTime);
                session.outbound().tryEmitNext(new TextWebSocketFrame(frame));
                if (session.route() != Route.USDM_MARKET) {
                    String previous = lastBookTicker.put(session.route() + ":" + stream, frame);
                    if (previous != null && replayLeft.get(session.route()).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        session.outbound().tryEmitNext(new TextWebSocketFrame(previous));
                        replayed.get(session.route()).incrementAndGet();
                    }
                }
            }
        }
    }

    private String frame(Route route, String stream, String symbol, long eventTime) {
        String data = switch (route) {
            case SPOT -> {
                Book b = spotBooks.getOrDefault(symbol, DEFAULT_SPOT);
                yield "{\"u\":" + updateId.incrementAndGet() + ",\"s\":\"" + symbol + "\",\"b\":\"" + b.bid() + "\",\"B\":\""
                        + b.bidQty() + "\",\"a\":\"" + b.ask() + "\",\"A\":\"" + b.askQty() + "\"}";
            }
            case USDM_PUBLIC -> {
                Book b = usdmBooks.getOrDefault(symbol, DEFAULT_USDM);
                yield "{\"e\":\"bookTicker\",\"u\":" + updateId.incrementAndGet() + ",\"E\":" + eventTime + ",\"T\":"
                        + (eventTime - 2) + ",\"s\":\"" + symbol + "\",\"b\":\"" + b.bid() + "\",\"B\":\"" + b.bidQty()
                        + "\",\"a\":\"" + b.ask() + "\",\"A\":\"" + b.askQty() + "\"}";
            }
            case USDM_MARKET -> {
                Mark m = marks.getOrDefault(symbol, DEFAULT_MARK);
                yield "{\"e\":\"markPriceUpdate\",\"E\":" + eventTime + ",\"s\":\"" + symbol + "\",\"p\":\"" + m.markPrice()
                        + "\",\"ap\":\"" + m.markPrice() + "\",\"i\":\"" + m.indexPrice() + "\",\"P\":\"" + m.indexPrice()
                        + "\",\"r\":\"" + m.fundingRate() + "\",\"T\":" + m.nextFundingTime() + "}";
            }
        };
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    @Override
    public void close() {
        ticker.dispose();
        pusher.dispose();
        server.disposeNow();
    }
}
