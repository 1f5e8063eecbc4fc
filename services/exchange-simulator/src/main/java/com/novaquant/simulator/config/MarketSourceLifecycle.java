package com.novaquant.simulator.config;

import com.novaquant.simulator.SimulatorProperties;
import com.novaquant.simulator.adapter.ws.BookTickerPublisher;
import com.novaquant.simulator.adapter.ws.DepthPublisher;
import com.novaquant.simulator.adapter.ws.MarkPricePublisher;
import com.novaquant.simulator.adapter.ws.PrivateStreams;
import com.novaquant.simulator.adapter.ws.RawStreamRelay;
import com.novaquant.simulator.adapter.ws.StreamHub;
import com.novaquant.simulator.application.FundingClock;
import com.novaquant.simulator.application.HistoryProgress;
import com.novaquant.simulator.application.HistorySource;
import com.novaquant.simulator.application.ReplaySource;
import com.novaquant.simulator.application.RestingOrderFills;
import com.novaquant.simulator.application.SyntheticMarketPump;
import com.novaquant.simulator.application.SyntheticQuoteRate;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.source.FundingPath;
import com.novaquant.simulator.domain.source.SyntheticMarket;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the configured market source and the periodic work (depth and mark-price streams, funding
 * settlement, listenKey expiry) with the application, and stops them first on shutdown, after every
 * stream client has been sent {@code serverShutdown}.
 */
@Component
class MarketSourceLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketSourceLifecycle.class);

    private final SimulatorProperties properties;
    private final Markets markets;
    private final RestingOrderFills restingOrders;
    private final SimulationClock clock;
    private final FundingPath regime;
    private final FundingClock fundingClock;
    private final BookTickerPublisher bookTickers;
    private final DepthPublisher depth;
    private final MarkPricePublisher markPrices;
    private final RawStreamRelay relay;
    private final PrivateStreams privateStreams;
    private final StreamHub hub;
    private final MeterRegistry registry;
    private final SyntheticQuoteRate quoteRate;
    private final HistoryProgress historyProgress;
    private final List<AutoCloseable> running = new ArrayList<>();
    private ScheduledExecutorService timers;
    private volatile boolean started;

    MarketSourceLifecycle(SimulatorProperties properties, Markets markets, RestingOrderFills restingOrders, SimulationClock clock,
                          FundingPath regime, FundingClock fundingClock, BookTickerPublisher bookTickers,
                          DepthPublisher depth, MarkPricePublisher markPrices, RawStreamRelay relay,
                          PrivateStreams privateStreams, StreamHub hub, MeterRegistry registry,
                          SyntheticQuoteRate quoteRate, HistoryProgress historyProgress) {
        this.properties = properties;
        this.markets = markets;
        this.restingOrders = restingOrders;
        this.clock = clock;
        this.regime = regime;
        this.fundingClock = fundingClock;
        this.bookTickers = bookTickers;
        this.depth = depth;
        this.markPrices = markPrices;
        this.relay = relay;
        this.privateStreams = privateStreams;
        this.hub = hub;
        this.registry = registry;
        this.quoteRate = quoteRate;
        this.historyProgress = historyProgress;
    }

    @Override
    public void start() {
        timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("simulator-timers").daemon().factory());
        String source = properties.source().toLowerCase(Locale.ROOT);
        switch (source) {
            case "synthetic" -> {
                SyntheticMarket generator = new SyntheticMarket(markets.instruments(), properties.seed(),
                        properties.bookLevels(), regime);
                SyntheticMarketPump pump = new SyntheticMarketPump(generator, markets, restingOrders, bookTickers, clock,
                        quoteRate.perSecond());
                pump.start();
                quoteRate.attach(pump);
                running.add(pump);
                schedule(depth::tick, 50);
                schedule(markPrices::tick, 1000);
            }
            case "replay" -> {
                if (properties.replay().file() == null) {
                    throw new IllegalStateException("nova.simulator.replay.file must be set for the replay source");
                }
                ReplaySource replay = new ReplaySource(properties.replay().file(), properties.replay().speed(),
                        properties.replay().loop(), markets, restingOrders, relay, registry);
                replay.start();
                running.add(replay);
            }
            case "live" -> {
                com.novaquant.simulator.adapter.live.LiveSource live = new com.novaquant.simulator.adapter.live.LiveSource(
                        properties.live().spotUrl(), properties.live().futuresUrl(), markets, restingOrders, relay);
                live.start();
                running.add(live);
            }
            case "history" -> {
                HistorySource history = HistorySourceFactory.create(properties, markets, clock, restingOrders, bookTickers,
                        fundingClock);
                history.start();
                historyProgress.attach(history);
                running.add(history);
                schedule(depth::tick, 50);
                schedule(markPrices::tick, 1000);
            }
            default -> throw new IllegalStateException("unknown nova.simulator.source '" + properties.source()
                    + "' (synthetic, replay, live or history)");
        }
        schedule(fundingClock::settleDue, 50);
        schedule(() -> privateStreams.expireLapsedKeys(clock.wallMillis()), 1000);
        started = true;
        log.info("exchange simulator market source '{}' started for {} (seed {}, quote rate {}/s, clock speed {})",
                source, markets.instruments().stream().map(i -> i.symbol()).toList(), properties.seed(),
                properties.quoteRate(), clock.speed());
    }

    private void schedule(Runnable task, long periodMillis) {
        timers.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("simulator timer task failed; it keeps running", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        started = false;
        hub.shutdownNotice(null);
        privateStreams.closeAll();
        for (AutoCloseable source : running) {
            try {
                source.close();
            } catch (Exception e) {
                log.warn("market source did not close cleanly", e);
            }
        }
        running.clear();
        quoteRate.detach();
        historyProgress.detach();
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
