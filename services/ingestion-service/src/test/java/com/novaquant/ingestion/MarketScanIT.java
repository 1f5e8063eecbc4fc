package com.novaquant.ingestion;

import com.novaquant.events.MarketScan;
import com.novaquant.events.MarketScan.ScannedSymbol;
import com.novaquant.events.Topics;
import com.novaquant.ingestion.adapter.binance.scan.BinanceScanServer;
import com.novaquant.testsupport.Http;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code nova.universe.enabled=true} the service scans Binance's REST APIs (a loopback server with Binance-format
 * answers) and publishes the scan on {@code nova.md.scan} of a real broker, readable with the shared codec.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: cached contexts keep running (spring.properties), and a second live ingestion on the shared
// loopback Binance would take half of the frames another class counts.
@DirtiesContext
class MarketScanIT {

    static final BinanceScanServer REST = new BinanceScanServer();

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nova.symbols", () -> "BTCUSDT,ETHUSDT");
        registry.add("nova.binance.spot.ws-url", () -> FeedTestSupport.BINANCE.spotBase("ws"));
        registry.add("nova.binance.futures.ws-url", () -> FeedTestSupport.BINANCE.futuresBase("ws"));
        registry.add("nova.binance.spot.rest-url", REST::spotBase);
        registry.add("nova.binance.futures.rest-url", REST::futuresBase);
        registry.add("nova.universe.enabled", () -> "true");
        registry.add("nova.universe.scan-interval", () -> "15s");
    }

    @AfterAll
    static void stop() {
        REST.close();
    }

    @Test
    void aScanOfBothVenuesArrivesOnTheScanTopicAndDecodesToTheJoinedSymbols() {
        try (TopicProbe<MarketScan> probe = new TopicProbe<>(Topics.MARKET_SCAN, MarketScan.class)) {
            TopicProbe.Received<MarketScan> received = probe.first(r -> true, Duration.ofSeconds(60)).orElseThrow(
                    () -> new AssertionError("no scan on " + Topics.MARKET_SCAN + " within 60 s"));

            assertThat(received.key()).isEqualTo(MarketScan.KEY);
            MarketScan scan = received.event();
            assertThat(scan.scannedAtMs()).isPositive();
            assertThat(scan.symbols()).extracting(ScannedSymbol::symbol).containsExactly("BTCUSDT", "ETHUSDT", "XRPUSDT");
            assertThat(scan.symbols().get(1)).isEqualTo(new ScannedSymbol("ETHUSDT", true, new BigDecimal("-0.00002500"), 4,
                    new BigDecimal("3400.00000000"), new BigDecimal("12.50000000"), new BigDecimal("3400.01000000"),
                    new BigDecimal("8.00000000"), new BigDecimal("3400.12"), new BigDecimal("40.000"),
                    new BigDecimal("3400.13"), new BigDecimal("22.500"), new BigDecimal("823456789.00000000"),
                    new BigDecimal("4567890123.40")));
            assertThat(scan.symbols().get(2).tradable()).isFalse();
        }
        // The gauges follow the broker's acknowledgement, which may come just after the record is readable.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Http.get("http://localhost:" + managementPort + "/actuator/prometheus").body()).contains("nova_market_scan_symbols{application=\"ingestion-service\"} 3.0")
                .containsPattern("nova_market_scan_last_success_timestamp_seconds\\{application=\"ingestion-service\"} 1\\.[0-9]+E9")
                .contains("nova_market_scan_duration_seconds_count{application=\"ingestion-service\"}")
                .contains("nova_market_scan_failures_total{application=\"ingestion-service\",endpoint=\"usdm_premium_index\"} 0.0")
                .contains("nova_market_scan_excluded_total{application=\"ingestion-service\",reason=\"CROSSED_BOOK\"} 0.0")
                .contains("nova_market_scan_skipped_total{application=\"ingestion-service\",reason=\"used_weight\"} 0.0"));
    }
}
