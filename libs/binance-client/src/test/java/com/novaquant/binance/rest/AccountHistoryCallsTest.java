package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novaquant.binance.outcome.NotSent;
import com.novaquant.binance.outcome.NotSentReason;
import com.novaquant.binance.outcome.Unknown;
import com.novaquant.binance.testserver.FakeBinance;
import com.novaquant.binance.testserver.FakeBinance.Received;
import com.novaquant.binance.testserver.FakeBinance.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Account trades, paged income and funding parameters over real HTTP. */
class AccountHistoryCallsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private FakeBinance binance;
    private SimpleMeterRegistry registry;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        binance = new FakeBinance();
        registry = new SimpleMeterRegistry();
        client = Clients.against(binance.spotUrl(), binance.futuresUrl(), Clients.CREDENTIALS, registry, b -> b,
                () -> NOW);
    }

    @AfterEach
    void stop() {
        client.close();
        binance.close();
    }

    @Test
    void spotTradesOfAnOrderAreReadSignedWithEveryFieldExact() {
        binance.always("GET /spot/api/v3/myTrades", r -> Response.ok("""
                [{"symbol":"BTCUSDT","id":28457,"orderId":100234,"orderListId":-1,"price":"64250.01000000",
                  "qty":"0.00600000","quoteQty":"385.50006000","commission":"0.00000600","commissionAsset":"BTC",
                  "time":1772000001000,"isBuyer":true,"isMaker":false,"isBestMatch":true},
                 {"symbol":"BTCUSDT","id":28458,"orderId":100234,"orderListId":-1,"price":"64250.10000000",
                  "qty":"0.00400000","quoteQty":"257.00040000","commission":"0.00000400","commissionAsset":"BTC",
                  "time":1772000001001,"isBuyer":true,"isMaker":true,"isBestMatch":true}]"""));

        List<AccountTrade> trades = client.spot().myTrades("BTCUSDT", 100234L).join();

        assertThat(trades).containsExactly(
                new AccountTrade("BTCUSDT", 28457L, 100234L, true, false, new BigDecimal("64250.01000000"),
                        new BigDecimal("0.00600000"), new BigDecimal("385.50006000"), new BigDecimal("0.00000600"),
                        "BTC", BigDecimal.ZERO, 1772000001000L),
                new AccountTrade("BTCUSDT", 28458L, 100234L, true, true, new BigDecimal("64250.10000000"),
                        new BigDecimal("0.00400000"), new BigDecimal("257.00040000"), new BigDecimal("0.00000400"),
                        "BTC", BigDecimal.ZERO, 1772000001001L));
        Received request = binance.received("GET", "/spot/api/v3/myTrades").getFirst();
        assertThat(request.params()).containsEntry("symbol", "BTCUSDT").containsEntry("orderId", "100234")
                .containsEntry("limit", "1000").containsKeys("timestamp", "recvWindow", "signature");
        assertThat(request.rawQuery()).startsWith("symbol=BTCUSDT&orderId=100234&limit=1000&recvWindow=")
                .endsWith("&signature=" + FakeBinance.hmacHex(FakeBinance.SECRET,
                        request.rawQuery().substring(0, request.rawQuery().lastIndexOf("&signature="))));
        assertThat(request.apiKeyHeader()).isEqualTo(FakeBinance.API_KEY);
        assertThat(binance.signatureFailures()).isZero();
    }

    @Test
    void futuresTradesOfAnOrderCarryCommissionAndRealisedProfit() {
        binance.always("GET /futures/fapi/v1/userTrades", r -> Response.ok("""
                [{"buyer":false,"commission":"-0.07819010","commissionAsset":"USDT","id":698759,"maker":true,
                  "orderId":25851813,"price":"7819.01","qty":"0.002","quoteQty":"15.63802","realizedPnl":"-0.91539999",
                  "side":"SELL","positionSide":"BOTH","symbol":"BTCUSDT","time":1569514978020}]"""));

        List<AccountTrade> trades = client.futures().userTrades("BTCUSDT", 25851813L).join();

        assertThat(trades).containsExactly(new AccountTrade("BTCUSDT", 698759L, 25851813L, false, true,
                new BigDecimal("7819.01"), new BigDecimal("0.002"), new BigDecimal("15.63802"),
                new BigDecimal("-0.07819010"), "USDT", new BigDecimal("-0.91539999"), 1569514978020L));
        Received request = binance.received("GET", "/futures/fapi/v1/userTrades").getFirst();
        assertThat(request.params()).containsEntry("symbol", "BTCUSDT").containsEntry("orderId", "25851813")
                .containsEntry("limit", "1000").containsKey("signature");
        assertThat(binance.signatureFailures()).isZero();
    }

    @Test
    void aTradeRowWithoutAnIdIsUnreadable() {
        binance.always("GET /futures/fapi/v1/userTrades", r -> Response.ok("[{\"symbol\":\"BTCUSDT\"}]"));

        assertThatThrownBy(() -> client.futures().userTrades("BTCUSDT", 1L).join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(Unknown.class));
    }

    @Test
    void accountTradeReadsWeighFiveAgainstTheLocalBudget() {
        String sixWeightAMinute = """
                {"serverTime":1772000000000,
                 "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":60}],
                 "symbols":[]}""";
        binance.always("GET /spot/api/v3/exchangeInfo", r -> Response.ok(sixWeightAMinute));
        binance.always("GET /futures/fapi/v1/exchangeInfo", r -> Response.ok(sixWeightAMinute));
        binance.always("GET /spot/api/v3/myTrades", r -> Response.ok("[]"));
        binance.always("GET /futures/fapi/v1/userTrades", r -> Response.ok("[]"));
        try (BinanceRestClient strict = Clients.against(binance.spotUrl(), binance.futuresUrl(),
                Clients.CREDENTIALS, null, b -> b.weightBudgetFraction(0.1))) {
            strict.spot().exchangeInfo().join();
            strict.futures().exchangeInfo().join();

            assertThat(strict.spot().myTrades("BTCUSDT", 1L).join()).isEmpty();
            assertThat(strict.futures().userTrades("BTCUSDT", 1L).join()).isEmpty();
            assertThatThrownBy(() -> strict.spot().myTrades("BTCUSDT", 2L).join()).cause()
                    .isInstanceOfSatisfying(BinanceRequestException.class, e -> assertThat(e.outcome())
                            .isInstanceOfSatisfying(NotSent.class,
                                    n -> assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED)));
            assertThatThrownBy(() -> strict.futures().userTrades("BTCUSDT", 2L).join()).cause()
                    .isInstanceOfSatisfying(BinanceRequestException.class, e -> assertThat(e.outcome())
                            .isInstanceOf(NotSent.class));
            assertThat(binance.received("GET", "/spot/api/v3/myTrades")).hasSize(1);
            assertThat(binance.received("GET", "/futures/fapi/v1/userTrades")).hasSize(1);
        }
    }

    @Test
    void incomeOfAnyTypeCarriesPageAndLimit() {
        binance.always("GET /futures/fapi/v1/income", r -> Response.ok("""
                [{"symbol":"BTCUSDT","incomeType":"COMMISSION","income":"-0.01000000","asset":"USDT","info":"",
                  "time":1772000002000,"tranId":9689322392,"tradeId":"2059192"}]"""));

        List<IncomeRecord> income = client.futures().income(new IncomeQuery("BTCUSDT", IncomeQuery.COMMISSION,
                1772000000000L, 1772010000000L, 500, 3)).join();
        client.futures().income(new IncomeQuery(null, null, null, null, null)).join();

        assertThat(income).containsExactly(new IncomeRecord("BTCUSDT", "COMMISSION", new BigDecimal("-0.01000000"),
                "USDT", "", 1772000002000L, 9689322392L, "2059192"));
        List<Received> requests = binance.received("GET", "/futures/fapi/v1/income");
        assertThat(requests.get(0).rawQuery()).startsWith("symbol=BTCUSDT&incomeType=COMMISSION"
                + "&startTime=1772000000000&endTime=1772010000000&page=3&limit=500&recvWindow=");
        assertThat(requests.get(1).params()).containsOnlyKeys("recvWindow", "timestamp", "signature");
        assertThat(binance.signatureFailures()).isZero();
    }

    @Test
    void incomeQueryRefusesALimitOrPageBinanceWouldNot() {
        assertThatThrownBy(() -> IncomeQuery.of(null, null, null, null).withLimit(1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncomeQuery.of(null, null, null, null).withPage(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allIncomeReadsPagesUntilAShortOne() {
        binance.always("GET /futures/fapi/v1/income", r -> Response.ok(incomePage(
                Integer.parseInt(r.params().get("page")), Integer.parseInt(r.params().get("limit")), 5)));

        List<IncomeRecord> income = client.futures().allIncome(IncomeQuery.of(null, IncomeQuery.REALIZED_PNL,
                1772000000000L, 1772090000000L).withLimit(2)).join();

        assertThat(income).extracting(IncomeRecord::tranId).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(income.getFirst().income()).isEqualTo(new BigDecimal("1.00000001"));
        assertThat(binance.received("GET", "/futures/fapi/v1/income")).extracting(r -> r.params().get("page"))
                .containsExactly("1", "2", "3");
        assertThat(binance.received("GET", "/futures/fapi/v1/income")).allSatisfy(r -> assertThat(r.params())
                .containsEntry("incomeType", "REALIZED_PNL").containsEntry("limit", "2")
                .containsEntry("startTime", "1772000000000").containsEntry("endTime", "1772090000000"));
    }

    @Test
    void allIncomeStopsAtAnEmptyPageAfterFullOnes() {
        binance.always("GET /futures/fapi/v1/income", r -> Response.ok(incomePage(
                Integer.parseInt(r.params().get("page")), Integer.parseInt(r.params().get("limit")), 4)));

        List<IncomeRecord> income = client.futures().allIncome(IncomeQuery.funding("BTCUSDT", null, null)
                .withLimit(2)).join();

        assertThat(income).hasSize(4);
        assertThat(binance.received("GET", "/futures/fapi/v1/income")).hasSize(3);
    }

    @Test
    void allIncomeFailsWhenTheServerDoesNotPage() {
        binance.always("GET /futures/fapi/v1/income", r -> Response.ok(incomePage(1, 2, 10)));

        assertThatThrownBy(() -> client.futures().allIncome(IncomeQuery.funding(null, null, null).withLimit(2))
                .join()).cause().isInstanceOfSatisfying(BinanceRequestException.class,
                e -> assertThat(e.outcome()).isInstanceOfSatisfying(Unknown.class,
                        u -> assertThat(u.reason()).contains("does not page")));
        assertThat(binance.received("GET", "/futures/fapi/v1/income")).hasSize(2);
    }

    @Test
    void fundingInfoIsReadUnsignedWithExactCapsAndIntervals() {
        binance.always("GET /futures/fapi/v1/fundingInfo", r -> Response.ok("""
                [{"symbol":"BLZUSDT","adjustedFundingRateCap":"0.02500000","adjustedFundingRateFloor":"-0.02500000",
                  "fundingIntervalHours":4,"disclaimer":false},
                 {"symbol":"ETHUSDT","adjustedFundingRateCap":"0.03","adjustedFundingRateFloor":"-0.03",
                  "fundingIntervalHours":1,"disclaimer":false}]"""));

        List<FundingInfo> info = client.futures().fundingInfo().join();

        assertThat(info).containsExactly(
                new FundingInfo("BLZUSDT", new BigDecimal("0.02500000"), new BigDecimal("-0.02500000"), 4),
                new FundingInfo("ETHUSDT", new BigDecimal("0.03"), new BigDecimal("-0.03"), 1));
        Received request = binance.received("GET", "/futures/fapi/v1/fundingInfo").getFirst();
        assertThat(request.rawQuery()).isEmpty();
    }

    @Test
    void aFundingInfoRowWithoutAnIntervalIsUnreadable() {
        binance.always("GET /futures/fapi/v1/fundingInfo", r -> Response.ok(
                "[{\"symbol\":\"BLZUSDT\",\"adjustedFundingRateCap\":\"0.025\"}]"));

        assertThatThrownBy(() -> client.futures().fundingInfo().join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class,
                        e -> assertThat(e.outcome()).isInstanceOf(Unknown.class));
    }

    @Test
    void fundingInfoIsWeightedSoTheUsedWeightStopHoldsItBack() {
        client.futures().exchangeInfo().join();
        binance.enqueue("GET /futures/fapi/v1/fundingInfo", Response.ok("[]")
                .withHeader("X-MBX-USED-WEIGHT-1M", "2290"));

        assertThat(client.futures().fundingInfo().join()).isEmpty();
        assertThatThrownBy(() -> client.futures().fundingInfo().join()).cause()
                .isInstanceOfSatisfying(BinanceRequestException.class, e -> assertThat(e.outcome())
                        .isInstanceOfSatisfying(NotSent.class, n -> {
                            assertThat(n.reason()).isEqualTo(NotSentReason.RATE_LIMITED);
                            assertThat(n.detail()).contains("X-MBX-USED-WEIGHT-1M");
                        }));
        assertThat(binance.received("GET", "/futures/fapi/v1/fundingInfo")).hasSize(1);
        assertThat(registry.get("nova.binance.used.weight").tag("venue", "usdm").gauge().value()).isEqualTo(2290);
    }

    /** Page {@code page} of {@code total} records, {@code limit} a page, tranIds 1..total. */
    private static String incomePage(int page, int limit, int total) {
        return IntStream.rangeClosed((page - 1) * limit + 1, Math.min(page * limit, total))
                .mapToObj(id -> "{\"symbol\":\"BTCUSDT\",\"incomeType\":\"REALIZED_PNL\",\"income\":\""
                        + id + ".0000000" + id + "\",\"asset\":\"USDT\",\"info\":\"\",\"time\":" + (1772000000000L + id)
                        + ",\"tranId\":" + id + ",\"tradeId\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
