package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Margin type, position mode and asset mode of the USD-M account, over real HTTP. */
class AccountModeCallsTest {

    private FakeBinance binance;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        binance = new FakeBinance();
        client = Clients.against(binance, null);
    }

    @AfterEach
    void stop() {
        client.close();
        binance.close();
    }

    @Test
    void marginTypeIsSetWithASignedPost() {
        binance.always("POST /futures/fapi/v1/marginType", r -> Response.ok("{\"code\":200,\"msg\":\"success\"}"));

        MarginTypeSetting setting = client.futures().setMarginType("BTCUSDT", MarginType.ISOLATED).join();

        assertThat(setting).isEqualTo(new MarginTypeSetting("BTCUSDT", MarginType.ISOLATED, true));
        assertThat(binance.received("POST", "/futures/fapi/v1/marginType").getFirst().params())
                .containsEntry("symbol", "BTCUSDT").containsEntry("marginType", "ISOLATED").containsKey("signature");
    }

    @Test
    void aMarginTypeTheSymbolHasAlreadyIsSuccessUnchanged() {
        binance.always("POST /futures/fapi/v1/marginType",
                r -> Response.error(400, -4046, "No need to change margin type."));

        MarginTypeSetting setting = client.futures().setMarginType("BTCUSDT", MarginType.CROSSED).join();

        assertThat(setting).isEqualTo(new MarginTypeSetting("BTCUSDT", MarginType.CROSSED, false));
        assertThat(binance.received("POST", "/futures/fapi/v1/marginType")).hasSize(1);
    }

    @Test
    void aRefusedMarginTypeFailsWithTheClassifiedOutcome() {
        binance.always("POST /futures/fapi/v1/marginType",
                r -> Response.error(400, -4048, "Margin type cannot be changed if there exists position."));

        assertThatThrownBy(() -> client.futures().setMarginType("BTCUSDT", MarginType.CROSSED).join())
                .cause().isInstanceOfSatisfying(BinanceRequestException.class, e -> assertThat(e.outcome())
                        .isEqualTo(new Rejected(-4048, "Margin type cannot be changed if there exists position.")));
    }

    @Test
    void positionModeReadsDualSidePosition() {
        binance.enqueue("GET /futures/fapi/v1/positionSide/dual", Response.ok("{\"dualSidePosition\":true}"));
        binance.enqueue("GET /futures/fapi/v1/positionSide/dual", Response.ok("{\"dualSidePosition\":false}"));

        assertThat(client.futures().positionMode().join()).isEqualTo(PositionMode.HEDGE);
        assertThat(client.futures().positionMode().join()).isEqualTo(PositionMode.ONE_WAY);
        assertThat(binance.received("GET", "/futures/fapi/v1/positionSide/dual"))
                .allSatisfy(r -> assertThat(r.params()).containsKey("signature"));
    }

    @Test
    void assetModeReadsMultiAssetsMargin() {
        binance.enqueue("GET /futures/fapi/v1/multiAssetsMargin", Response.ok("{\"multiAssetsMargin\":true}"));
        binance.enqueue("GET /futures/fapi/v1/multiAssetsMargin", Response.ok("{\"multiAssetsMargin\":false}"));

        assertThat(client.futures().assetMode().join()).isEqualTo(AssetMode.MULTI_ASSETS);
        assertThat(client.futures().assetMode().join()).isEqualTo(AssetMode.SINGLE_ASSET);
        assertThat(binance.received("GET", "/futures/fapi/v1/multiAssetsMargin"))
                .allSatisfy(r -> assertThat(r.params()).containsKey("signature"));
    }

    @Test
    void aModeAnswerWithoutItsFlagFailsAsUnknownNeverAsTheDefaultMode() {
        binance.always("GET /futures/fapi/v1/positionSide/dual", r -> Response.ok("{}"));
        binance.always("GET /futures/fapi/v1/multiAssetsMargin", r -> Response.ok("{\"multiAssetsMargin\":null}"));

        assertThatThrownBy(() -> client.futures().positionMode().join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(Unknown.class));
        assertThatThrownBy(() -> client.futures().assetMode().join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(Unknown.class));
    }
}
