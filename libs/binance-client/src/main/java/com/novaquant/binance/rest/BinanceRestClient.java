package com.novaquant.binance.rest;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.ServerClock;
import com.novaquant.binance.auth.TradingModeGuard;
import com.novaquant.binance.filters.RateLimitRule;
import com.novaquant.binance.limits.BanState;
import com.novaquant.binance.limits.RequestGate;
import com.novaquant.binance.terms.Venue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Entry point of the Binance REST trading client: {@link #spot()} and {@link #futures()}.
 *
 * <pre>{@code
 * BinanceRestClient client = BinanceRestClient.create(config, Credentials.fromEnvironment(), meterRegistry);
 * client.start().join();                       // server time + exchangeInfo on both venues
 * OrderOutcome outcome = client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, qty, "p1-s")).join();
 * switch (outcome) { case Accepted a -> ...; case Rejected r -> ...; case Unknown u -> ...; case NotSent n -> ...; }
 * }</pre>
 *
 * <p>Creating the client validates the trading mode against the URLs and credentials
 * ({@link TradingModeGuard}) and throws {@link com.novaquant.binance.auth.UnsafeTradingConfigurationException}
 * when they do not fit. Futures complete on Reactor Netty I/O threads: do not block in their callbacks.
 */
public final class BinanceRestClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BinanceRestClient.class);

    /** Limits assumed until exchangeInfo is loaded (Binance's documented examples). */
    static final List<RateLimitRule> SPOT_DEFAULT_LIMITS = List.of(
            new RateLimitRule("REQUEST_WEIGHT", "MINUTE", 1, 6000),
            new RateLimitRule("ORDERS", "SECOND", 10, 50));
    static final List<RateLimitRule> FUTURES_DEFAULT_LIMITS = List.of(
            new RateLimitRule("REQUEST_WEIGHT", "MINUTE", 1, 2400),
            new RateLimitRule("ORDERS", "MINUTE", 1, 1200),
            new RateLimitRule("ORDERS", "SECOND", 10, 300));

    /** Filters and rate limits change rarely; refreshing hourly keeps local checks and budgets current. */
    private static final Duration EXCHANGE_INFO_REFRESH = Duration.ofHours(1);

    private final BinanceClientConfig config;
    private final ConnectionProvider connections;
    /** Spot and USD-M count their limits, and ban, each on its own: a ban on one leaves the other open. */
    private final BanState spotBan;
    private final BanState futuresBan;
    private final SpotClient spot;
    private final FuturesClient futures;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    private BinanceRestClient(BinanceClientConfig config, Credentials credentials, MeterRegistry registry,
                              Supplier<Instant> wallClock, boolean publicDataOnly) {
        if (publicDataOnly) {
            TradingModeGuard.validateUrls(config.spotRestUrl(), config.futuresRestUrl());
        } else {
            TradingModeGuard.validate(config.mode(), credentials, config.spotRestUrl(), config.futuresRestUrl());
        }
        this.config = config;
        BinanceMetrics metrics = new BinanceMetrics(registry == null ? new SimpleMeterRegistry() : registry);
        this.spotBan = new BanState(wallClock);
        this.futuresBan = new BanState(wallClock);
        metrics.banActiveGauge(Venue.SPOT, spotBan::isActive);
        metrics.banActiveGauge(Venue.USDM, futuresBan::isActive);
        this.connections = ConnectionProvider.builder("binance-rest")
                .maxConnections(64)
                // Shorter than Binance's keep-alive so a pooled connection is rarely reset under a request
                // (a reset after sending makes an order Unknown).
                .maxIdleTime(Duration.ofSeconds(20))
                .pendingAcquireTimeout(config.connectTimeout())
                .build();
        HttpClient http = httpClient(connections, config.connectTimeout());
        RequestGate spotGate = new RequestGate("spot", spotBan, wallClock, SPOT_DEFAULT_LIMITS,
                config.weightBudgetFraction(), config.circuitOpenDuration());
        RequestGate futuresGate = new RequestGate("usdm", futuresBan, wallClock, FUTURES_DEFAULT_LIMITS,
                config.weightBudgetFraction(), config.circuitOpenDuration());
        metrics.circuitOpenGauge(Venue.SPOT, spotGate::circuitOpen);
        metrics.circuitOpenGauge(Venue.USDM, futuresGate::circuitOpen);
        RestTransport spotTransport = new RestTransport(Venue.SPOT, config.spotRestUrl(), http, credentials,
                ServerClock.system(), spotGate, spotBan, metrics, wallClock, config.recvWindow(),
                config.responseTimeout(), closed);
        RestTransport futuresTransport = new RestTransport(Venue.USDM, config.futuresRestUrl(), http, credentials,
                ServerClock.system(), futuresGate, futuresBan, metrics, wallClock, config.recvWindow(),
                config.responseTimeout(), closed);
        this.spot = new SpotClient(spotTransport, spotGate, metrics, config);
        this.futures = new FuturesClient(futuresTransport, futuresGate, metrics, config);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "binance-time-sync");
            thread.setDaemon(true);
            return thread;
        });
        log.info("Binance REST client created: mode={}, spot={}, futures={}, credentials={}", config.mode(),
                config.spotRestUrl(), config.futuresRestUrl(), credentials);
    }

    /**
     * Creates a client. Nothing is sent until a call is made or {@link #start()} runs.
     *
     * @param registry where metrics go; null keeps them private
     * @throws com.novaquant.binance.auth.UnsafeTradingConfigurationException when mode, URLs and credentials do
     *         not fit (PAPER with a production host, LIVE without credentials)
     */
    public static BinanceRestClient create(BinanceClientConfig config, Credentials credentials,
                                           MeterRegistry registry) {
        return new BinanceRestClient(config, credentials, registry, Instant::now, false);
    }

    /**
     * Creates a client for Binance's public data (exchangeInfo, premiumIndex, fundingInfo, server time), for a
     * service that does not trade. It holds no credentials, so every signed call, orders included, is refused
     * locally ({@code NotSent(INVALID_LOCALLY)}) and nothing it sends can move money: the trading-mode guard's host
     * rule, which keeps a paper desk's orders off production, does not apply. The URLs must still be http(s).
     *
     * @param registry where metrics go; null keeps them private
     */
    public static BinanceRestClient forPublicData(BinanceClientConfig config, MeterRegistry registry) {
        return new BinanceRestClient(config, Credentials.none(), registry, Instant::now, true);
    }

    /** As {@link #create}, with the clock that times bans and Retry-After (tests advance it). */
    static BinanceRestClient create(BinanceClientConfig config, Credentials credentials, MeterRegistry registry,
                                    Supplier<Instant> wallClock) {
        return new BinanceRestClient(config, credentials, registry, wallClock, false);
    }

    public SpotApi spot() {
        return spot;
    }

    public FuturesApi futures() {
        return futures;
    }

    public BinanceClientConfig config() {
        return config;
    }

    /**
     * Synchronises server time and loads exchangeInfo (filters and rate limits) on both venues, then keeps
     * server time in sync every {@code timeSyncInterval} and refreshes exchangeInfo hourly. Completes exceptionally with
     * {@link BinanceRequestException} when either venue cannot be reached; periodic syncing starts regardless.
     */
    public CompletableFuture<Void> start() {
        if (started.compareAndSet(false, true)) {
            long period = config.timeSyncInterval().toMillis();
            scheduler.scheduleAtFixedRate(this::periodicTimeSync, period, period, TimeUnit.MILLISECONDS);
            long refresh = EXCHANGE_INFO_REFRESH.toMillis();
            scheduler.scheduleAtFixedRate(this::periodicExchangeInfo, refresh, refresh, TimeUnit.MILLISECONDS);
        }
        CompletableFuture<?> spotReady = spot.syncTime("start").thenCompose(t -> spot.exchangeInfo());
        CompletableFuture<?> futuresReady = futures.syncTime("start").thenCompose(t -> futures.exchangeInfo());
        return CompletableFuture.allOf(spotReady, futuresReady);
    }

    private void periodicTimeSync() {
        for (VenueClient venue : List.of(spot, futures)) {
            venue.syncTime("scheduled").exceptionally(error -> {
                log.warn("Binance {} server-time sync failed: {}", venue.venue(), error.getMessage());
                return null;
            });
        }
    }

    private void periodicExchangeInfo() {
        for (VenueClient venue : List.of(spot, futures)) {
            venue.exchangeInfo().exceptionally(error -> {
                log.warn("Binance {} exchangeInfo refresh failed, keeping the previous one: {}", venue.venue(),
                        error.getMessage());
                return null;
            });
        }
    }

    /** The end of the latest IP ban (HTTP 418) running on either venue, if one is. */
    public Optional<Instant> bannedUntil() {
        Optional<Instant> spot = spotBan.activeUntil();
        Optional<Instant> futures = futuresBan.activeUntil();
        if (spot.isEmpty()) {
            return futures;
        }
        return futures.filter(f -> f.isAfter(spot.get())).or(() -> spot);
    }

    /** The end of the IP ban running on one venue, if one is. */
    public Optional<Instant> bannedUntil(Venue venue) {
        return (venue == Venue.SPOT ? spotBan : futuresBan).activeUntil();
    }

    /** Stops time syncing and releases connections. Later calls answer {@code NotSent(CLOSED)}. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            scheduler.shutdownNow();
            connections.dispose();
        }
    }

    /**
     * The venue's HTTP client: pooled keep-alive connections, no silent retry or redirect, and TCP keepalive on each
     * socket, so that the host's {@code net.ipv4.tcp_keepalive_*} tuning finds a dead connection in the pool before an
     * order is written to it; on Linux, TCP Fast Open on connect (the {@code net.ipv4.tcp_fastopen} tuning), which
     * saves a round trip on a reconnect where the venue supports it.
     */
    static HttpClient httpClient(ConnectionProvider connections, Duration connectTimeout) {
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.SO_KEEPALIVE, true)
                .disableRetry(true)
                .followRedirect(false)
                .keepAlive(true);
        return Epoll.isAvailable() ? http.option(EpollChannelOption.TCP_FASTOPEN_CONNECT, true) : http;
    }
}
