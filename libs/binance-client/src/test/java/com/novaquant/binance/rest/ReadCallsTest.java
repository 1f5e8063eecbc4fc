package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novaquant.binance.filters.ExchangeInfo;
import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.OrderSnapshot;
import com.novaquant.binance.outcome.Rejected;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.terms.OrderStatus;
import com.novaquant.binance.terms.Venue;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Response;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Account, positions, income, funding, commission and leverage calls over real HTTP. */
class ReadCallsTest {

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
    void spotAccountReturnsNonZeroBalances() {
        binance.always("GET /spot/api/v3/account", r -> Response.ok("""
                {"makerCommission":15,"takerCommission":15,"commissionRates":{"maker":"0.00150000","taker":"0.00150000",
                 "buyer":"0.00000000","seller":"0.00000000"},"canTrade":true,"canWithdraw":true,"canDeposit":true,
                 "updateTime":1772000000000,"accountType":"SPOT",
                 "balances":[{"asset":"BTC","free":"0.50000000","locked":"0.01000000"},
                             {"asset":"USDT","free":"10000.12345678","locked":"0.00000000"},
                             {"asset":"ETH","free":"0.00000000","locked":"0.00000000"}],
                 "permissions":["SPOT"],"uid":354937868}"""));

        SpotAccount account = client.spot().account().join();

        assertThat(account.canTrade()).isTrue();
        assertThat(account.balances()).extracting(AssetBalance::asset).containsExactly("BTC", "USDT");
        assertThat(account.balance("BTC").orElseThrow().total()).isEqualByComparingTo("0.51");
        assertThat(binance.received("GET", "/spot/api/v3/account").getFirst().params())
                .containsEntry("omitZeroBalances", "true").containsKey("signature");
    }

    @Test
    void spotCommissionSumsStandardSpecialAndTaxRates() {
        binance.always("GET /spot/api/v3/account/commission", r -> Response.ok("""
                {"symbol":"BTCUSDT",
                 "standardCommission":{"maker":"0.00100000","taker":"0.00100000","buyer":"0","seller":"0"},
                 "specialCommission":{"maker":"0.00000000","taker":"0.00010000","buyer":"0","seller":"0"},
                 "taxCommission":{"maker":"0.00000000","taker":"0.00000000","buyer":"0","seller":"0"},
                 "discount":{"enabledForAccount":true,"enabledForSymbol":true,"discountAsset":"BNB","discount":"0.25000000"}}"""));

        CommissionRates rates = client.spot().commissionRates("BTCUSDT").join();

        assertThat(rates.maker()).isEqualByComparingTo("0.001");
        assertThat(rates.taker()).isEqualByComparingTo("0.0011");
        assertThat(rates.venue()).isEqualTo(Venue.SPOT);
    }

    @Test
    void futuresCommissionRatesAreRead() {
        binance.always("GET /futures/fapi/v1/commissionRate", r -> Response.ok(
                "{\"symbol\":\"BTCUSDT\",\"makerCommissionRate\":\"0.0002\",\"takerCommissionRate\":\"0.0005\","
                        + "\"rpiCommissionRate\":\"0.00005\"}"));

        CommissionRates rates = client.futures().commissionRates("BTCUSDT").join();

        assertThat(rates.maker()).isEqualByComparingTo("0.0002");
        assertThat(rates.taker()).isEqualByComparingTo("0.0005");
    }

    @Test
    void openOrdersAreParsedIntoSnapshots() {
        binance.always("GET /futures/fapi/v1/openOrders", r -> Response.ok("""
                [{"avgPrice":"0.00000","clientOrderId":"rest-1","cumQuote":"0","executedQty":"0","orderId":1917641,
                  "origQty":"0.40","origType":"LIMIT","price":"64000","reduceOnly":false,"side":"BUY",
                  "positionSide":"BOTH","status":"NEW","symbol":"BTCUSDT","time":1772000000000,"timeInForce":"GTC",
                  "type":"LIMIT","updateTime":1772000000000}]"""));

        List<OrderSnapshot> open = client.futures().openOrders("BTCUSDT").join();

        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("rest-1");
            assertThat(o.status()).isEqualTo(OrderStatus.NEW);
            assertThat(o.originalQty()).isEqualByComparingTo("0.4");
            assertThat(o.venue()).isEqualTo(Venue.USDM);
        });
    }

    @Test
    void futuresBalancesAccountAndPositionRiskAreRead() {
        binance.always("GET /futures/fapi/v3/balance", r -> Response.ok("""
                [{"accountAlias":"SgsR","asset":"USDT","balance":"1000.50000000","crossWalletBalance":"1000.50000000",
                  "crossUnPnl":"-2.50000000","availableBalance":"900.00000000","maxWithdrawAmount":"900.00000000",
                  "marginAvailable":true,"updateTime":1772000000000}]"""));
        binance.always("GET /futures/fapi/v3/account", r -> Response.ok("""
                {"totalInitialMargin":"64.25","totalMaintMargin":"0.26","totalWalletBalance":"1000.5",
                 "totalUnrealizedProfit":"-2.5","totalMarginBalance":"998.0","totalPositionInitialMargin":"64.25",
                 "totalOpenOrderInitialMargin":"0","totalCrossWalletBalance":"1000.5","totalCrossUnPnl":"-2.5",
                 "availableBalance":"933.75","maxWithdrawAmount":"933.75",
                 "assets":[{"asset":"USDT","walletBalance":"1000.5","unrealizedProfit":"-2.5","marginBalance":"998.0",
                            "crossWalletBalance":"1000.5","crossUnPnl":"-2.5","availableBalance":"933.75",
                            "maxWithdrawAmount":"933.75","updateTime":1772000000000}],
                 "positions":[]}"""));
        binance.always("GET /futures/fapi/v3/positionRisk", r -> Response.ok("""
                [{"symbol":"BTCUSDT","positionSide":"BOTH","positionAmt":"-0.010","entryPrice":"64251.0",
                  "breakEvenPrice":"64240.0","markPrice":"64500.0","unRealizedProfit":"-2.49","liquidationPrice":"120000.5",
                  "isolatedMargin":"0","notional":"-645.0","marginAsset":"USDT","isolatedWallet":"0",
                  "initialMargin":"64.5","maintMargin":"2.58","positionInitialMargin":"64.5","openOrderInitialMargin":"0",
                  "adl":1,"bidNotional":"0","askNotional":"0","updateTime":1772000002000}]"""));

        List<FuturesBalance> balances = client.futures().balances().join();
        FuturesAccount account = client.futures().account().join();
        List<PositionRisk> positions = client.futures().positionRisk("BTCUSDT").join();

        assertThat(balances).singleElement().satisfies(b -> {
            assertThat(b.asset()).isEqualTo("USDT");
            assertThat(b.availableBalance()).isEqualByComparingTo("900");
            assertThat(b.crossUnrealizedPnl()).isEqualByComparingTo("-2.5");
        });
        assertThat(account.totalMarginBalance()).isEqualByComparingTo("998");
        assertThat(account.totalMaintMargin()).isEqualByComparingTo("0.26");
        assertThat(account.assets().getFirst().balance()).isEqualByComparingTo("1000.5");
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.positionAmount()).isEqualByComparingTo("-0.01");
            assertThat(p.liquidationPrice()).isEqualByComparingTo("120000.5");
            assertThat(p.markPrice()).isEqualByComparingTo("64500");
        });
        assertThat(binance.received("GET", "/futures/fapi/v3/positionRisk").getFirst().params())
                .containsEntry("symbol", "BTCUSDT");
    }

    @Test
    void fundingIncomeAsksForFundingFeesInTheTimeRange() {
        binance.always("GET /futures/fapi/v1/income", r -> Response.ok("""
                [{"symbol":"BTCUSDT","incomeType":"FUNDING_FEE","income":"0.06425053","asset":"USDT",
                  "info":"FUNDING_FEE","time":1772006400000,"tranId":5556667778,"tradeId":""}]"""));

        List<IncomeRecord> income = client.futures().fundingIncome("BTCUSDT", 1772000000000L, 1772010000000L).join();

        assertThat(income).singleElement().satisfies(i -> {
            assertThat(i.income()).isEqualByComparingTo("0.06425053");
            assertThat(i.tranId()).isEqualTo(5556667778L);
            assertThat(i.timeMs()).isEqualTo(1772006400000L);
        });
        assertThat(binance.received("GET", "/futures/fapi/v1/income").getFirst().params())
                .containsEntry("symbol", "BTCUSDT").containsEntry("incomeType", "FUNDING_FEE")
                .containsEntry("startTime", "1772000000000").containsEntry("endTime", "1772010000000")
                .containsEntry("limit", "1000");
    }

    @Test
    void premiumIndexIsReadUnsigned() {
        binance.always("GET /futures/fapi/v1/premiumIndex", r -> Response.ok("""
                {"symbol":"BTCUSDT","markPrice":"64260.53000000","indexPrice":"64231.77812345",
                 "estimatedSettlePrice":"64240.11223344","lastFundingRate":"0.00010000","interestRate":"0.00010000",
                 "nextFundingTime":1772006400000,"time":1772003600000}"""));

        PremiumIndex index = client.futures().premiumIndex("BTCUSDT").join();

        assertThat(index.markPrice()).isEqualByComparingTo("64260.53");
        assertThat(index.lastFundingRate()).isEqualByComparingTo("0.0001");
        assertThat(index.nextFundingTimeMs()).isEqualTo(1772006400000L);
        assertThat(binance.received("GET", "/futures/fapi/v1/premiumIndex").getFirst().params())
                .doesNotContainKey("signature");
    }

    @Test
    void leverageIsSetWithASignedPost() {
        binance.always("POST /futures/fapi/v1/leverage", r -> Response.ok(
                "{\"leverage\":" + r.params().get("leverage") + ",\"maxNotionalValue\":\"1000000\",\"symbol\":\""
                        + r.params().get("symbol") + "\"}"));

        LeverageSetting setting = client.futures().setLeverage("BTCUSDT", 2).join();

        assertThat(setting).isEqualTo(new LeverageSetting("BTCUSDT", 2, new java.math.BigDecimal("1000000")));
    }

    @Test
    void leverageOutOfRangeFailsLocallyWithoutARequest() {
        assertThatThrownBy(() -> client.futures().setLeverage("BTCUSDT", 0).join())
                .hasCauseInstanceOf(BinanceRequestException.class);
        assertThat(binance.received()).isEmpty();
    }

    @Test
    void exchangeInfoIsCachedForLocalOrderChecks() {
        ExchangeInfo info = client.futures().exchangeInfo().join();

        assertThat(info.filters("BTCUSDT").orElseThrow().notional().minNotional()).isEqualByComparingTo("100");
        assertThat(client.futures().cachedExchangeInfo()).contains(info);
    }

    @Test
    void rejectedReadFailsWithTheClassifiedOutcome() {
        binance.always("GET /futures/fapi/v3/balance", r -> Response.error(401, -2015,
                "Invalid API-key, IP, or permissions for action."));

        assertThatThrownBy(() -> client.futures().balances().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isEqualTo(new Rejected(-2015,
                                "Invalid API-key, IP, or permissions for action.")));
    }

    @Test
    void unreadableReadBodyFailsAsUnknown() {
        binance.always("GET /futures/fapi/v1/premiumIndex", r -> Response.ok("[]"));

        assertThatThrownBy(() -> client.futures().premiumIndex("BTCUSDT").join())
                .cause().isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(Unknown.class));
    }

    @Test
    void readRetriesAServerErrorOnce() {
        binance.enqueue("GET /futures/fapi/v3/balance", new Response(502, java.util.Map.of(), "bad gateway", 0));
        binance.always("GET /futures/fapi/v3/balance", r -> Response.ok("[]"));

        assertThat(client.futures().balances().join()).isEmpty();
        assertThat(binance.received("GET", "/futures/fapi/v3/balance")).hasSize(2);
    }

    @Test
    void readDuringABanIsNotSent() {
        binance.enqueue("GET /futures/fapi/v3/balance", Response.error(418, -1003, "banned")
                .withHeader("Retry-After", "600"));

        assertThatThrownBy(() -> client.futures().balances().join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(Rejected.class));
        assertThatThrownBy(() -> client.futures().account().join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(NotSent.class));
        assertThat(binance.received("GET", "/futures/fapi/v3/account")).isEmpty();
    }
}
