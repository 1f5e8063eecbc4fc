package com.novaquant.ingestion.config;

import com.novaquant.ingestion.adapter.binance.scan.BinanceMarketScanSource;
import com.novaquant.ingestion.adapter.kafka.KafkaFeedAlerts;
import com.novaquant.ingestion.adapter.kafka.KafkaMarketScanPublisher;
import com.novaquant.ingestion.application.scan.MarketScanMetrics;
import com.novaquant.ingestion.application.scan.MarketScanSettings;
import com.novaquant.ingestion.application.scan.MarketScanner;
import com.novaquant.support.AlertPublisher;
import com.novaquant.support.EventPublisher;
import com.novaquant.support.config.BinanceEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the market scan (Binance REST, the join, {@code nova.md.scan}) when {@code nova.universe.enabled=true}; with
 * the default false nothing of it exists. A scan interval that would spend too much request weight fails start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nova.universe.enabled", havingValue = "true")
public class MarketScanConfiguration {

    @Bean
    MarketScanSettings marketScanSettings(UniverseProperties properties) {
        return new MarketScanSettings(properties.scanInterval(), properties.quoteAsset(),
                properties.scanFailuresBeforeAlert(), properties.spotWeightLimit(), properties.futuresWeightLimit(),
                properties.maxWeightShare(), properties.skipAboveUsedWeightShare(), properties.publishTimeout());
    }

    @Bean(destroyMethod = "close")
    BinanceMarketScanSource binanceMarketScanSource(BinanceEndpoints binance, UniverseProperties properties) {
        return new BinanceMarketScanSource(binance.spot().restUrl().toString(), binance.futures().restUrl().toString(),
                properties.connectTimeout(), properties.readTimeout());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    MarketScanner marketScanner(BinanceMarketScanSource source, EventPublisher events, AlertPublisher alerts,
                                MeterRegistry registry, MarketScanSettings settings) {
        return new MarketScanner(source, new KafkaMarketScanPublisher(events), new KafkaFeedAlerts(alerts),
                new MarketScanMetrics(registry), settings, System::currentTimeMillis, System::nanoTime);
    }
}
