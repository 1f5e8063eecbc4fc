package com.novaquant.binance.rest;

import com.novaquant.binance.auth.ServerClock;
import com.novaquant.binance.auth.ServerTimeReading;
import com.novaquant.binance.auth.ServerTimeSampler;
import com.novaquant.binance.filters.ExchangeInfo;
import com.novaquant.binance.filters.OrderCheck;
import com.novaquant.binance.filters.SymbolInfo;
import com.novaquant.binance.limits.RequestGate;
import com.novaquant.binance.outcome.Accepted;
import com.novaquant.binance.outcome.BinanceErrorCodes;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.OrderOutcome;
import com.novaquant.binance.outcome.OrderSnapshot;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Retry;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.terms.Venue;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What spot and USD-M have in common: orders, open orders, exchangeInfo, server time and commission, with the
 * retry policy (reads, queries and cancels only; never a placement) and local order validation.
 */
abstract sealed class VenueClient implements OrderApi permits SpotClient, FuturesClient {

    private static final Logger log = LoggerFactory.getLogger(VenueClient.class);
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{2,20}$");
    private static final long MIN_RESYNC_GAP_MS = 1_000;
    /** Binance's maximum page of account trades. */
    /** An order can fill in more than the default 500 pieces; 1000 is Binance's maximum. */
    private static final int ACCOUNT_TRADES_LIMIT = 1000;

    protected final RestTransport transport;
    private final RequestGate gate;
    private final BinanceMetrics metrics;
    private final int readRetries;
    private final int timeSyncSamples;
    private final long timeSyncMaxRoundTripMs;
    private final AtomicReference<ExchangeInfo> exchangeInfo = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Long>> resync = new AtomicReference<>();
    private volatile long lastTimestampResyncLocalMs = Long.MIN_VALUE / 2;

    VenueClient(RestTransport transport, RequestGate gate, BinanceMetrics metrics, BinanceClientConfig config) {
        this.transport = transport;
        this.gate = gate;
        this.metrics = metrics;
        this.readRetries = config.readRetries();
        this.timeSyncSamples = config.timeSyncSamples();
        this.timeSyncMaxRoundTripMs = config.timeSyncMaxRoundTrip().toMillis();
        transport.onInvalidTimestamp(this::onInvalidTimestamp);
    }

    /** {@code /api/v3} or {@code /fapi/v1}. */
    protected abstract String orderPath();

    protected abstract String openOrdersPath();

    protected abstract String timePath();

    protected abstract String exchangeInfoPath();

    protected abstract int exchangeInfoWeight();

    protected abstract int queryOrderWeight();

    protected abstract int openOrdersWeight();

    /** Venue-specific order parameters (response type, reduceOnly) and checks; returns an error text or null. */
    protected abstract String venueOrderProblem(NewOrder order);

    protected abstract void addVenueOrderParams(NewOrder order, Map<String, String> params);

    @Override
    public Venue venue() {
        return transport.venue();
    }

    @Override
    public CompletableFuture<OrderOutcome> placeOrder(NewOrder order) {
        String problem = validate(order);
        if (problem != null) {
            NotSent notSent = NotSent.of(NotSentReason.INVALID_LOCALLY, problem);
            log.warn("Binance {} order {} refused locally: {}", venue(), order.clientOrderId(), problem);
            return CompletableFuture.completedFuture(notSent);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", order.symbol());
        params.put("side", order.side().name());
        params.put("type", order.type().name());
        if (order.timeInForce() != null) {
            params.put("timeInForce", order.timeInForce().name());
        }
        params.put("quantity", plain(order.quantity()));
        if (order.price() != null) {
            params.put("price", plain(order.price()));
        }
        params.put("newClientOrderId", order.clientOrderId().value());
        addVenueOrderParams(order, params);
        Endpoint endpoint = new Endpoint("POST", orderPath(), venue() == Venue.SPOT ? 1 : 0, true, true);
        // Exactly one attempt: a placement that may have reached Binance is resolved by querying, never re-sent.
        return transport.call(endpoint, params).thenApply(reply -> toOrderOutcome(reply, "order placement"));
    }

    @Override
    public CompletableFuture<OrderOutcome> queryOrder(String symbol, ClientOrderId clientOrderId) {
        return orderByClientId("GET", queryOrderWeight(), symbol, clientOrderId);
    }

    @Override
    public CompletableFuture<OrderOutcome> cancelOrder(String symbol, ClientOrderId clientOrderId) {
        return orderByClientId("DELETE", 1, symbol, clientOrderId);
    }

    private CompletableFuture<OrderOutcome> orderByClientId(String method, int weight, String symbol,
                                                            ClientOrderId clientOrderId) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches() || clientOrderId == null
                || !clientOrderId.acceptedByBothVenues()) {
            return CompletableFuture.completedFuture(NotSent.of(NotSentReason.INVALID_LOCALLY,
                    "bad symbol or client order id: " + symbol + " / " + clientOrderId));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("origClientOrderId", clientOrderId.value());
        Endpoint endpoint = Endpoint.signed(method, orderPath(), weight);
        return withRetry(endpoint, params, readRetries)
                .thenApply(reply -> toOrderOutcome(reply, method + " order"));
    }

    @Override
    public CompletableFuture<List<OrderSnapshot>> openOrders(String symbol) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        return read(Endpoint.signed("GET", openOrdersPath(), openOrdersWeight()), params,
                body -> Parsers.orders(venue(), body));
    }

    @Override
    public CompletableFuture<ExchangeInfo> exchangeInfo() {
        return read(Endpoint.get(exchangeInfoPath(), exchangeInfoWeight(), false), Map.of(),
                body -> Parsers.exchangeInfo(venue(), body))
                .thenApply(info -> {
                    exchangeInfo.set(info);
                    if (!info.rateLimits().isEmpty()) {
                        gate.resize(info.rateLimits());
                    }
                    log.info("Binance {} exchangeInfo loaded: {} symbols, rate limits {}", venue(),
                            info.symbols().size(), info.rateLimits());
                    return info;
                });
    }

    @Override
    public Optional<ExchangeInfo> cachedExchangeInfo() {
        return Optional.ofNullable(exchangeInfo.get());
    }

    @Override
    public CompletableFuture<Long> serverTime() {
        return syncTime("request");
    }

    @Override
    public long clockOffsetMs() {
        return transport.clock().offsetMs();
    }

    @Override
    public long serverNowMs() {
        return transport.clock().serverNowMs();
    }

    /**
     * Reads server time a few times and keeps the reading with the shortest round trip: its error is at most half
     * of it, and one slow reading (a cold connection, a GC, a busy host) can be off by hundreds of milliseconds,
     * enough for every order to meet -1021. A best round trip over {@code timeSyncMaxRoundTrip} keeps the offset held
     * (counted as imprecise) unless the reading proves it wrong. Concurrent callers share one sync.
     */
    CompletableFuture<Long> syncTime(String trigger) {
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> running = resync.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        ServerClock clock = transport.clock();
        ServerTimeSampler.bestOf(timeSyncSamples, this::readServerTime).whenComplete((sampled, error) -> {
            try {
                if (error != null) {
                    mine.completeExceptionally(error);
                    return;
                }
                ServerTimeReading best = sampled.reading();
                List<Long> roundTrips = sampled.roundTripsMs();
                if (clock.offer(best, timeSyncMaxRoundTripMs)) {
                    metrics.clockOffset(venue(), clock.offsetMs());
                    metrics.clockRoundTrip(venue(), clock.roundTripMs());
                    metrics.timeResync(venue(), trigger);
                    if ("scheduled".equals(trigger)) {
                        log.debug("Binance {} clock offset {} ms (round trips {} ms)", venue(), clock.offsetMs(),
                                roundTrips);
                    } else {
                        log.info("Binance {} clock offset {} ms ({} sync; round trips {} ms)", venue(),
                                clock.offsetMs(), trigger, roundTrips);
                    }
                } else {
                    metrics.timeSyncImprecise(venue());
                    log.warn("Binance {} server time too imprecise (round trips {} ms, none within {} ms): keeping "
                            + "offset {} ms", venue(), roundTrips, timeSyncMaxRoundTripMs, clock.offsetMs());
                }
                mine.complete(best.serverTimeMs());
            } finally {
                resync.set(null);
            }
        });
        return mine;
    }

    @Override
    public CompletableFuture<ServerTimeReading> readServerTime() {
        RoundTrip stamps = new RoundTrip();
        return transport.call(Endpoint.get(timePath(), 1, false), Map.of(), stamps).thenApply(reply -> switch (reply) {
            case Reply.Failed failed -> throw new BinanceRequestException(timePath(), failed.outcome());
            case Reply.Ok ok -> {
                if (!stamps.complete()) {
                    throw new BinanceRequestException(timePath(),
                            new Unknown(Rejected.NO_BINANCE_CODE, "server time answered without a timed round trip"));
                }
                try {
                    yield new ServerTimeReading(Parsers.serverTime(ok.body()), stamps.sentMs(), stamps.answeredMs());
                } catch (RuntimeException e) {
                    throw new BinanceRequestException(timePath(),
                            new Unknown(Rejected.NO_BINANCE_CODE, "unreadable server time: " + e.getMessage()));
                }
            }
        });
    }

    /** Called by the transport on -1021: resync at once, but at most once a second for a burst of -1021s. */
    void onInvalidTimestamp() {
        long now = transport.clock().localNowMs();
        if (now - lastTimestampResyncLocalMs >= MIN_RESYNC_GAP_MS) {
            lastTimestampResyncLocalMs = now;
            log.warn("Binance {} answered -1021 (timestamp outside recvWindow); resynchronising server time",
                    venue());
            syncTime("invalid_timestamp").exceptionally(e -> null);
        }
    }

    /** The fills of one order from the venue's account-trade list ({@code symbol}, {@code orderId}, weight 5). */
    protected CompletableFuture<List<AccountTrade>> orderTrades(String path, String symbol, long orderId,
                                                                Function<JsonNode, List<AccountTrade>> parser) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("orderId", Long.toString(orderId));
        params.put("limit", Integer.toString(ACCOUNT_TRADES_LIMIT));
        return read(Endpoint.signed("GET", path, 5), params, parser);
    }

    /**
     * A read call: retried while the outcome says {@link Retry#AT_ONCE} (Unknown, connect failure, -1021); parsed;
     * failures as BinanceRequestException.
     */
    protected <T> CompletableFuture<T> read(Endpoint endpoint, Map<String, String> params,
                                            Function<JsonNode, T> parser) {
        return withRetry(endpoint, params, readRetries).thenApply(reply -> switch (reply) {
            case Reply.Ok ok -> {
                try {
                    yield parser.apply(ok.body());
                } catch (RuntimeException e) {
                    throw new BinanceRequestException(endpoint.method() + " " + endpoint.path(),
                            new Unknown(Rejected.NO_BINANCE_CODE, "unreadable response: " + e.getMessage()));
                }
            }
            case Reply.Failed failed ->
                    throw new BinanceRequestException(endpoint.method() + " " + endpoint.path(), failed.outcome());
        });
    }

    private CompletableFuture<Reply> withRetry(Endpoint endpoint, Map<String, String> params, int retriesLeft) {
        return transport.call(endpoint, params).thenCompose(reply -> {
            if (retriesLeft <= 0 || !(reply instanceof Reply.Failed failed)
                    || failed.outcome().retry() != Retry.AT_ONCE) {
                return CompletableFuture.completedFuture(reply);
            }
            int attempt = readRetries - retriesLeft + 1;
            Executor delayed = CompletableFuture.delayedExecutor(100L * attempt, TimeUnit.MILLISECONDS);
            CompletableFuture<?> before = isInvalidTimestamp(failed.outcome())
                    ? syncTime("invalid_timestamp").handle((t, e) -> null)
                    : CompletableFuture.completedFuture(null);
            return before.thenComposeAsync(ignored -> withRetry(endpoint, params, retriesLeft - 1), delayed);
        });
    }

    private static boolean isInvalidTimestamp(OrderOutcome outcome) {
        return outcome instanceof Rejected r && r.code() == BinanceErrorCodes.INVALID_TIMESTAMP;
    }

    private OrderOutcome toOrderOutcome(Reply reply, String what) {
        return switch (reply) {
            case Reply.Ok ok -> {
                try {
                    yield new Accepted(Parsers.order(venue(), ok.body()));
                } catch (RuntimeException e) {
                    // Binance said 2xx, so the order exists in some state: the caller must query it.
                    log.error("Binance {} {} answered 2xx with an unreadable order: {}", venue(), what,
                            e.getMessage());
                    yield new Unknown(Rejected.NO_BINANCE_CODE, "2xx with an unreadable order body: "
                            + e.getMessage());
                }
            }
            case Reply.Failed failed -> failed.outcome();
        };
    }

    private String validate(NewOrder order) {
        if (!SYMBOL.matcher(order.symbol()).matches()) {
            return "symbol '" + order.symbol() + "' is not an upper-case Binance symbol";
        }
        if (!order.clientOrderId().acceptedByBothVenues()) {
            return "clientOrderId '" + order.clientOrderId() + "' is outside the alphabet both venues accept";
        }
        if (order.quantity().signum() <= 0) {
            return "quantity must be positive, was " + plain(order.quantity());
        }
        switch (order.type()) {
            case MARKET -> {
                if (order.price() != null || order.timeInForce() != null) {
                    return "a MARKET order takes no price and no timeInForce";
                }
            }
            case LIMIT -> {
                if (order.price() == null || order.price().signum() <= 0 || order.timeInForce() == null) {
                    return "a LIMIT order needs a positive price and a timeInForce";
                }
            }
            case LIMIT_MAKER -> {
                if (order.price() == null || order.price().signum() <= 0 || order.timeInForce() != null) {
                    return "a LIMIT_MAKER order needs a positive price and no timeInForce";
                }
            }
        }
        String venueProblem = venueOrderProblem(order);
        if (venueProblem != null) {
            return venueProblem;
        }
        ExchangeInfo info = exchangeInfo.get();
        if (info == null) {
            return null;
        }
        Optional<SymbolInfo> symbol = info.symbol(order.symbol());
        if (symbol.isEmpty()) {
            return "unknown symbol " + order.symbol() + " on " + venue();
        }
        if (!symbol.get().isTrading()) {
            return order.symbol() + " is not trading on " + venue() + " (status " + symbol.get().status() + ")";
        }
        OrderCheck check = symbol.get().filters().check(order.type(), order.quantity(), order.price(), null,
                order.reduceOnly());
        return check instanceof OrderCheck.Invalid invalid ? "exchange filters: " + invalid.reason() : null;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
