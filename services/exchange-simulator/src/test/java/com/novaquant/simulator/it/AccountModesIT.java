package com.novaquant.simulator.it;

import com.novaquant.simulator.ExchangeSimulatorApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Position mode, asset mode and margin type over real HTTP, on paper accounts started in Hedge and Multi-Assets Mode
 * ({@code nova.simulator.account.*}). Each test has its own account, so the order the tests run in does not matter.
 */
@SpringBootTest(classes = ExchangeSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nova.simulator.seed=7",
                "nova.simulator.account.dual-side-position=true",
                "nova.simulator.account.multi-assets-margin=true",
                "nova.simulator.accounts[0].api-key=hedge-key",
                "nova.simulator.accounts[0].secret=hedge-secret",
                "nova.simulator.accounts[1].api-key=modes-key",
                "nova.simulator.accounts[1].secret=modes-secret",
                "nova.simulator.accounts[2].api-key=margin-key",
                "nova.simulator.accounts[2].secret=margin-secret"
        })
class AccountModesIT {

    private static final String ORDER = "/futures/fapi/v1/order";
    private static final String DUAL = "/futures/fapi/v1/positionSide/dual";
    private static final String MULTI = "/futures/fapi/v1/multiAssetsMargin";
    private static final String MARGIN_TYPE = "/futures/fapi/v1/marginType";
    private static final String SELL = "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.010&newOrderRespType=RESULT";
    private static final String BUY_BACK = "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.010&reduceOnly=true";

    @LocalServerPort
    int port;
    SignedHttp http;

    @BeforeEach
    void setUp() {
        http = new SignedHttp(port);
    }

    /** A signed call as the paper account {@code <name>-key}. */
    SignedHttp.Reply as(String name, String method, String path, String params) {
        return http.signed(method, path, params, System.currentTimeMillis(), name + "-secret", name + "-key");
    }

    static void refused(SignedHttp.Reply reply, int code) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
    }

    static void succeeded(SignedHttp.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("code").asInt()).isEqualTo(200);
        assertThat(reply.body().get("msg").asString()).isEqualTo("success");
    }

    @Test
    void anAccountStartedInHedgeModeRefusesEveryOrderWithoutALongOrShortSide() {
        assertThat(as("hedge", "GET", DUAL, "").body().get("dualSidePosition").asBoolean()).isTrue();
        assertThat(as("hedge", "GET", MULTI, "").body().get("multiAssetsMargin").asBoolean()).isTrue();

        SignedHttp.Reply noSide = as("hedge", "POST", ORDER, SELL);
        refused(noSide, -4061);
        assertThat(noSide.body().get("msg").asString()).isEqualTo("Order's position side does not match user's setting.");
        refused(as("hedge", "POST", ORDER, SELL + "&positionSide=BOTH"), -4061);
        refused(as("hedge", "POST", ORDER + "/test", SELL), -4061);
        refused(as("hedge", "POST", DUAL, "dualSidePosition=true"), -4059);
        refused(as("hedge", "POST", MULTI, "multiAssetsMargin=true"), -4171);
        refused(as("hedge", "POST", MARGIN_TYPE, "symbol=ETHUSDT&marginType=ISOLATED"), -4168);
        refused(as("hedge", "POST", DUAL, "dualSidePosition=yes"), -1130);
    }

    @Test
    void theModesChangeOnlyWhileTheAccountIsFlatAndHasNoOpenOrder() {
        succeeded(as("modes", "POST", DUAL, "dualSidePosition=false"));
        assertThat(as("modes", "GET", DUAL, "").body().get("dualSidePosition").asBoolean()).isFalse();
        refused(as("modes", "POST", ORDER, SELL + "&positionSide=SHORT"), -4061);

        SignedHttp.Reply sold = as("modes", "POST", ORDER, SELL);
        assertThat(sold.status()).isEqualTo(200);
        assertThat(sold.body().get("positionSide").asString()).isEqualTo("BOTH");
        refused(as("modes", "POST", DUAL, "dualSidePosition=true"), -4068);
        assertThat(as("modes", "POST", ORDER, BUY_BACK).status()).isEqualTo(200);

        SignedHttp.Reply resting = as("modes", "POST", ORDER,
                "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=2500.00");
        assertThat(resting.body().get("status").asString()).isEqualTo("NEW");
        refused(as("modes", "POST", DUAL, "dualSidePosition=true"), -4067);
        refused(as("modes", "POST", MULTI, "multiAssetsMargin=false"), -4170);
        assertThat(as("modes", "DELETE", ORDER, "symbol=ETHUSDT&orderId=" + resting.body().get("orderId").asLong())
                .status()).isEqualTo(200);

        succeeded(as("modes", "POST", MULTI, "multiAssetsMargin=false"));
        assertThat(as("modes", "GET", MULTI, "").body().get("multiAssetsMargin").asBoolean()).isFalse();
        succeeded(as("modes", "POST", DUAL, "dualSidePosition=true"));
        assertThat(as("modes", "GET", DUAL, "").body().get("dualSidePosition").asBoolean()).isTrue();
    }

    @Test
    void aSymbolsMarginTypeChangesOnlyWithoutAPositionAndShowsInThePositionEndpoints() {
        succeeded(as("margin", "POST", DUAL, "dualSidePosition=false"));
        succeeded(as("margin", "POST", MULTI, "multiAssetsMargin=false"));

        succeeded(as("margin", "POST", MARGIN_TYPE, "symbol=ETHUSDT&marginType=ISOLATED"));
        refused(as("margin", "POST", MARGIN_TYPE, "symbol=ETHUSDT&marginType=ISOLATED"), -4046);
        refused(as("margin", "POST", MULTI, "multiAssetsMargin=true"), -4167);
        assertThat(position(as("margin", "GET", "/futures/fapi/v2/positionRisk", "").body(), "ETHUSDT")
                .get("marginType").asString()).isEqualTo("isolated");
        assertThat(position(as("margin", "GET", "/futures/fapi/v2/positionRisk", "").body(), "BTCUSDT")
                .get("marginType").asString()).isEqualTo("cross");
        assertThat(position(as("margin", "GET", "/futures/fapi/v2/account", "").body().get("positions"), "ETHUSDT")
                .get("isolated").asBoolean()).isTrue();

        assertThat(as("margin", "POST", ORDER, SELL).status()).isEqualTo(200);
        refused(as("margin", "POST", MARGIN_TYPE, "symbol=ETHUSDT&marginType=CROSSED"), -4048);
        assertThat(as("margin", "POST", ORDER, BUY_BACK).status()).isEqualTo(200);
        succeeded(as("margin", "POST", MARGIN_TYPE, "symbol=ETHUSDT&marginType=CROSSED"));
        refused(as("margin", "POST", MARGIN_TYPE, "symbol=ETHUSDT&marginType=CROSS"), -1130);
    }

    private static JsonNode position(JsonNode positions, String symbol) {
        return StreamSupport.stream(positions.spliterator(), false)
                .filter(p -> p.get("symbol").asString().equals(symbol)).findFirst().orElseThrow();
    }
}
