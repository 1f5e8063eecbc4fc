package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.binance.terms.Side;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Response;
import com.novaquant.ids.ClientOrderId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The Prometheus names documented in the README are the ones a scrape shows. */
class PrometheusNamesTest {

    @Test
    void everyDocumentedMetricAppearsInAPrometheusScrape() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FakeBinance binance = new FakeBinance();
             BinanceRestClient client = Clients.against(binance, registry)) {
            binance.always("POST /spot/api/v3/order", OrderResponses::spotFilled);
            binance.enqueue("POST /futures/fapi/v1/order", Response.error(400, -2019, "Margin is insufficient."));
            binance.enqueue("GET /futures/fapi/v1/premiumIndex", Response.error(429, -1003, "Too many requests")
                    .withHeader("Retry-After", "60"));
            binance.enqueue("GET /spot/api/v3/account", Response.error(418, -1003, "banned")
                    .withHeader("Retry-After", "60"));
            client.start().join();

            client.spot().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"),
                    new ClientOrderId("prom-1"))).join();
            client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"),
                    new ClientOrderId("prom-2")))
                    .join();
            client.futures().premiumIndex("BTCUSDT").exceptionally(e -> null).join();
            client.spot().account().exceptionally(e -> null).join();

            String scrape = registry.scrape();

            assertThat(scrape)
                    .contains("nova_binance_request_seconds_count{class=\"accepted\",endpoint=\"/api/v3/order\","
                            + "method=\"POST\",venue=\"spot\"}")
                    .contains("nova_binance_outcome_total{class=\"rejected\",code=\"-2019\","
                            + "endpoint=\"/fapi/v1/order\",method=\"POST\",venue=\"usdm\"}")
                    .contains("nova_binance_used_weight{venue=\"spot\",window=\"1m\"}")
                    .contains("nova_binance_order_count{venue=\"spot\",window=\"10s\"} 3.0")
                    .contains("nova_binance_rate_limited_total{venue=\"usdm\"} 1.0")
                    .contains("nova_binance_bans_total{venue=\"spot\"} 1.0")
                    .contains("nova_binance_ban_active{venue=\"spot\"} 1.0")
                    .contains("nova_binance_ban_active{venue=\"usdm\"} 0.0")
                    .contains("nova_binance_circuit_open{venue=\"spot\"} 0.0")
                    .contains("nova_binance_clock_offset_ms{venue=\"usdm\"}")
                    .contains("nova_binance_clock_round_trip_ms{venue=\"spot\"}")
                    .contains("nova_binance_time_resyncs_total{trigger=\"start\",venue=\"spot\"} 1.0");
        }
    }

    @Test
    void rateLimitAndBanCountersExistAtZeroForBothVenuesAsSoonAsTheClientIsCreated() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FakeBinance binance = new FakeBinance();
             BinanceRestClient client = Clients.against(binance, registry)) {
            String scrape = registry.scrape();

            assertThat(scrape)
                    .contains("nova_binance_rate_limited_total{venue=\"spot\"} 0.0")
                    .contains("nova_binance_rate_limited_total{venue=\"usdm\"} 0.0")
                    .contains("nova_binance_bans_total{venue=\"spot\"} 0.0")
                    .contains("nova_binance_bans_total{venue=\"usdm\"} 0.0")
                    .contains("nova_binance_time_sync_imprecise_total{venue=\"spot\"} 0.0")
                    .contains("nova_binance_time_sync_imprecise_total{venue=\"usdm\"} 0.0");
        }
    }
}
