package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novaquant.binance.auth.Credentials;
import com.novaquant.binance.auth.TradingMode;
import com.novaquant.binance.auth.UnsafeTradingConfigurationException;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.Venue;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Response;
import com.novaquant.ids.ClientOrderId;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientCreationTest {

    private static final URI SIMULATOR_SPOT = URI.create("http://localhost:8090/spot");
    private static final URI SIMULATOR_FUTURES = URI.create("http://localhost:8090/futures/");

    @Test
    void paperClientPointedAtProductionFuturesRefusesToStart() {
        BinanceClientConfig config = BinanceClientConfig.builder(TradingMode.PAPER, SIMULATOR_SPOT,
                URI.create("https://fapi.binance.com")).build();

        assertThatThrownBy(() -> BinanceRestClient.create(config, Credentials.of("k", "s"), null))
                .isInstanceOf(UnsafeTradingConfigurationException.class)
                .hasMessageContaining("fapi.binance.com");
    }

    @Test
    void liveClientWithoutKeysRefusesToStart() {
        BinanceClientConfig config = BinanceClientConfig.builder(TradingMode.LIVE,
                URI.create("https://api.binance.com"), URI.create("https://fapi.binance.com")).build();

        assertThatThrownBy(() -> BinanceRestClient.create(config, Credentials.none(), null))
                .isInstanceOf(UnsafeTradingConfigurationException.class);
    }

    @Test
    void paperClientOnTheSimulatorIsCreatedWithDefaults() {
        BinanceClientConfig config = BinanceClientConfig.builder(TradingMode.PAPER, SIMULATOR_SPOT,
                SIMULATOR_FUTURES).build();

        try (BinanceRestClient client = BinanceRestClient.create(config, Credentials.none(), null)) {
            assertThat(client.config().futuresRestUrl()).hasToString("http://localhost:8090/futures");
            assertThat(client.config().recvWindow()).isEqualTo(Duration.ofSeconds(5));
            assertThat(client.spot().venue()).isEqualTo(Venue.SPOT);
            assertThat(client.futures().venue()).isEqualTo(Venue.USDM);
            assertThat(client.bannedUntil()).isEmpty();
        }
    }

    @Test
    void nonsensicalSettingsAreRefusedWhenTheConfigIsBuilt() {
        BinanceClientConfig.Builder builder = BinanceClientConfig.builder(TradingMode.PAPER, SIMULATOR_SPOT,
                SIMULATOR_FUTURES);

        assertThatThrownBy(() -> builder.recvWindow(Duration.ofSeconds(61)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recvWindow");
        assertThatThrownBy(() -> builder.recvWindow(Duration.ofSeconds(5)).weightBudgetFraction(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weightBudgetFraction");
        assertThatThrownBy(() -> builder.weightBudgetFraction(0.8).responseTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responseTimeout");
    }

    @Test
    void aPublicDataClientMayPointAtProductionInEitherModeWithoutKeys() {
        for (TradingMode mode : TradingMode.values()) {
            BinanceClientConfig config = BinanceClientConfig.builder(mode, URI.create("https://api.binance.com"),
                    URI.create("https://fapi.binance.com")).build();

            try (BinanceRestClient client = BinanceRestClient.forPublicData(config, null)) {
                assertThat(client.config().mode()).isEqualTo(mode);
            }
        }
        BinanceClientConfig notHttp = BinanceClientConfig.builder(TradingMode.PAPER,
                URI.create("ftp://api.binance.com"), SIMULATOR_FUTURES).build();
        assertThatThrownBy(() -> BinanceRestClient.forPublicData(notHttp, null))
                .isInstanceOf(UnsafeTradingConfigurationException.class).hasMessageContaining("http(s)");
    }

    @Test
    void aPublicDataClientReadsPublicDataAndCanSendNoOrder() throws Exception {
        try (FakeBinance binance = new FakeBinance();
             BinanceRestClient client = BinanceRestClient.forPublicData(BinanceClientConfig.builder(
                     TradingMode.PAPER, binance.spotUrl(), binance.futuresUrl()).build(), null)) {
            binance.always("GET /futures/fapi/v1/fundingInfo", r -> Response.ok("[]"));

            assertThat(client.futures().fundingInfo().join()).isEmpty();
            assertThat(client.futures().placeOrder(NewOrder.market("BTCUSDT", Side.SELL, new BigDecimal("0.01"),
                    new ClientOrderId("public-1"))).join()).isInstanceOfSatisfying(NotSent.class,
                    n -> assertThat(n.reason()).isEqualTo(NotSentReason.INVALID_LOCALLY));
            assertThat(binance.received()).extracting(FakeBinance.Received::path)
                    .containsExactly("/futures/fapi/v1/fundingInfo");
            assertThat(binance.received().getFirst().apiKeyHeader()).isNull();
        }
    }
}
