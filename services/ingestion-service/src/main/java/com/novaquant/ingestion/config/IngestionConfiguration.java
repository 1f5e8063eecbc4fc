package com.novaquant.ingestion.config;

import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.rest.BinanceClientConfig;
import com.novaquant.binance.rest.BinanceRestClient;
import com.novaquant.binance.stream.Backoff;
import com.novaquant.binance.stream.StreamPlanner;
import com.novaquant.binance.stream.StreamSettings;
import com.novaquant.binance.stream.SymbolStreams;
import com.novaquant.binance.stream.parse.SymbolTable;
import com.novaquant.ingestion.adapter.binance.BinanceFeeds;
import com.novaquant.ingestion.adapter.binance.BinanceFundingIntervals;
import com.novaquant.ingestion.adapter.binance.BinanceServerClock;
import com.novaquant.ingestion.adapter.binance.FrameRecording;
import com.novaquant.ingestion.adapter.binance.RawFrameRecorder;
import com.novaquant.ingestion.adapter.kafka.KafkaFeedAlerts;
import com.novaquant.ingestion.adapter.kafka.KafkaFeedGates;
import com.novaquant.ingestion.adapter.kafka.KafkaMarketDataPublisher;
import com.novaquant.ingestion.adapter.kafka.KafkaUniverseFollower;
import com.novaquant.ingestion.adapter.web.FeedHealthIndicator;
import com.novaquant.ingestion.application.ClockOffsets;
import com.novaquant.ingestion.application.ClockSync;
import com.novaquant.ingestion.application.FeedMonitor;
import com.novaquant.ingestion.application.FeedWatchdog;
import com.novaquant.ingestion.application.FundingIntervalRefresh;
import com.novaquant.ingestion.application.IngestionMetrics;
import com.novaquant.ingestion.application.MarketDataIngestion;
import com.novaquant.ingestion.application.UniverseSubscriptions;
import com.novaquant.ingestion.application.WatchdogSettings;
import com.novaquant.support.AlertPublisher;
import com.novaquant.support.EventDecoder;
import com.novaquant.support.EventPublisher;
import com.novaquant.support.config.BinanceEndpoints;
import com.novaquant.support.config.TradedSymbols;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wires the ingestion pipeline: Binance connections -> use case -> Kafka, with the watchdog and clock sync beside. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TradedSymbols.class, BinanceEndpoints.class})
public class IngestionConfiguration {

    /** {@code nova.symbols}; it may be empty only when the traded universe brings the symbols. */
    @Bean
    SymbolTable symbolTable(TradedSymbols symbols, UniverseProperties universe) {
        return new SymbolTable(universe.enabled() ? symbols.symbols()
                : symbols.nonEmpty("ingestion has nothing to subscribe to (nova.universe.enabled is false)"));
    }

    @Bean
    BinanceFeeds binanceFeeds(BinanceEndpoints binance, IngestionProperties properties, UniverseProperties universe,
                              SymbolTable symbolTable) {
        IngestionProperties.Reconnect reconnect = properties.reconnect();
        StreamSettings settings = new StreamSettings(reconnect.maxConnectionAge(),
                new Backoff(reconnect.initialBackoff(), reconnect.maxBackoff()), reconnect.stableAfter(),
                reconnect.connectTimeout(), 65_536);
        List<String> symbols = symbolTable.symbols().stream().sorted().toList();
        String spotWs = binance.spot().wsUrl().toString();
        String futuresWs = binance.futures().wsUrl().toString();
        if (!universe.enabled()) {
            return new BinanceFeeds(StreamPlanner.plan(spotWs, futuresWs, symbols, properties.connections().spot(),
                    properties.connections().futures()), settings, symbolTable, Clock.systemUTC());
        }
        // The universe may bring every symbol: nova.symbols may be empty then.
        return new BinanceFeeds(SymbolStreams.plannerLanes(spotWs, futuresWs),
                symbols.isEmpty() ? List.of() : StreamPlanner.plan(spotWs, futuresWs, symbols,
                        properties.connections().spot(), properties.connections().futures()),
                settings, symbolTable, Clock.systemUTC());
    }

    /** Three streams per symbol (spot and USD-M book tickers, mark price); room for the universe's largest set. */
    @Bean
    FeedMonitor feedMonitor(BinanceFeeds feeds, IngestionProperties properties, UniverseProperties universe) {
        int planned = feeds.topology().stream().mapToInt(c -> c.streams().size()).sum();
        int capacity = universe.enabled() ? Math.max(planned, 3 * universe.maxSymbols()) : planned;
        return new FeedMonitor(feeds.topology(), capacity, properties.lagWarning(), properties.lagWindow(),
                properties.staleAfter(), System::nanoTime);
    }

    @Bean
    @ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
    UniverseSubscriptions universeSubscriptions(TradedSymbols symbols, BinanceFeeds feeds, FeedWatchdog watchdog,
                                                IngestionMetrics metrics, FundingIntervalRefresh fundingIntervals,
                                                UniverseProperties universe) {
        return new UniverseSubscriptions(symbols.symbols(), feeds, watchdog, metrics, fundingIntervals,
                universe.maxSymbols());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
    KafkaUniverseFollower universeFollower(KafkaProperties kafka, EventDecoder decoder, UniverseSubscriptions subscriptions) {
        return new KafkaUniverseFollower(kafka.buildConsumerProperties(), decoder, subscriptions::onUniverse);
    }

    @Bean
    IngestionMetrics ingestionMetrics(MeterRegistry registry, FeedMonitor monitor, IngestionProperties properties) {
        return new IngestionMetrics(registry, monitor, properties.lagWarning(), BinanceFeeds.parseRejectionReasons(),
                BinanceFeeds.reconnectCauses());
    }

    @Bean
    ClockOffsets clockOffsets() {
        return new ClockOffsets();
    }

    @Bean(destroyMethod = "close")
    KafkaMarketDataPublisher marketDataPublisher(KafkaProperties kafka, IngestionProperties properties, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.putAll(KafkaMarketDataPublisher.LATENCY_SETTINGS);
        config.putAll(properties.producer());
        return new KafkaMarketDataPublisher(config, registry);
    }

    /**
     * Binance REST for public data only (the funding intervals, the server time): no credentials, so it can send no
     * order, and it may read production market data whatever {@code nova.trading.mode} says, as the streams do.
     */
    @Bean(destroyMethod = "close")
    BinanceRestClient binancePublicData(BinanceEndpoints binance, IngestionProperties properties,
                                        @Value("${nova.trading.mode:paper}") String mode, MeterRegistry registry) {
        BinanceClientConfig config = BinanceClientConfig.builder(TradingMode.parse(mode),
                        binance.spot().restUrl(), binance.futures().restUrl())
                .responseTimeout(properties.fundingInfo().timeout())
                .build();
        return BinanceRestClient.forPublicData(config, registry);
    }

    @Bean(destroyMethod = "close")
    FundingIntervalRefresh fundingIntervalRefresh(BinanceRestClient binancePublicData, SymbolTable symbolTable,
                                                  IngestionMetrics metrics, IngestionProperties properties) {
        return new FundingIntervalRefresh(new BinanceFundingIntervals(binancePublicData.futures()),
                symbolTable.symbols().stream().sorted().toList(), metrics, properties.fundingInfo().timeout());
    }

    @Bean
    MarketDataIngestion marketDataIngestion(FeedMonitor monitor, IngestionMetrics metrics, ClockOffsets offsets,
                                            KafkaMarketDataPublisher publisher, FundingIntervalRefresh fundingIntervals) {
        return new MarketDataIngestion(monitor, metrics, offsets, publisher, fundingIntervals::hoursOf);
    }

    @Bean(destroyMethod = "close")
    FeedWatchdog feedWatchdog(FeedMonitor monitor, BinanceFeeds feeds, AlertPublisher alerts, EventPublisher events,
                              IngestionMetrics metrics, IngestionProperties properties) {
        IngestionProperties.Reconnect reconnect = properties.reconnect();
        WatchdogSettings settings = new WatchdogSettings(properties.alertDedupWindow(), reconnect.stormThreshold(),
                reconnect.stormWindow(), properties.gate().healAfter(), properties.gate().escalateAfter(),
                properties.lagReconnect().initialBackoff(), properties.lagReconnect().maxBackoff());
        return new FeedWatchdog(monitor, feeds, new KafkaFeedAlerts(alerts), new KafkaFeedGates(events), metrics, settings,
                System::nanoTime, System::currentTimeMillis);
    }

    @Bean(destroyMethod = "close")
    ClockSync clockSync(BinanceRestClient binancePublicData, ClockOffsets offsets, IngestionMetrics metrics,
                        IngestionProperties properties) {
        IngestionProperties.ClockSyncSettings sync = properties.clockSync();
        return new ClockSync(new BinanceServerClock(binancePublicData), offsets, metrics, sync.timeout(), sync.samples(),
                sync.maxRoundTrip());
    }

    @Bean
    FrameRecording frameRecording(IngestionProperties properties, MeterRegistry registry) throws IOException {
        IngestionProperties.Recording recording = properties.recording();
        if (!recording.enabled()) {
            return FrameRecording.NONE;
        }
        return RawFrameRecorder.toFile(recording.path(), recording.queueCapacity(), registry);
    }

    @Bean
    FeedHealthIndicator feedsHealthIndicator(FeedMonitor monitor) {
        return new FeedHealthIndicator(monitor);
    }

    @Bean
    IngestionRuntime ingestionRuntime(BinanceFeeds feeds, KafkaMarketDataPublisher publisher, MarketDataIngestion ingestion,
                                      FeedMonitor monitor, FeedWatchdog watchdog, IngestionMetrics metrics,
                                      FrameRecording recording, ClockSync clockSync,
                                      FundingIntervalRefresh fundingIntervals, IngestionProperties properties,
                                      ObjectProvider<KafkaUniverseFollower> universeFollower) {
        return new IngestionRuntime(feeds, publisher, ingestion, monitor, watchdog, metrics, recording, clockSync,
                fundingIntervals, properties, universeFollower.getIfAvailable());
    }
}
