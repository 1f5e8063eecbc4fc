package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.BnbBurn;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.IncomeRecord;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.TradeFillView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static com.novaquant.simulator.application.ExchangeTest.book;
import static com.novaquant.simulator.application.ExchangeTest.btcMarket;
import static com.novaquant.simulator.application.ExchangeTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The trade history and the income history tell the same story as the balances: what a ledger reconciles from
 * myTrades, userTrades and income must add up to what the spot balances and the futures wallet moved.
 */
class TradeHistoryLedgerTest {

    static final String KEY = "key";
    static final BigDecimal EPS = new BigDecimal("1e-8");

    SymbolMarket market;

    TestExchange exchange(Map<String, BigDecimal> spotBalances, BnbBurn bnbBurn) {
        market = btcMarket();
        PaperAccount account = new PaperAccount(KEY, "secret", new SpotAccount(spotBalances),
                new FuturesAccount(d("10000"), 10));
        FuturesUserEvents silent = new SilentUserEvents();
        return TestExchange.of(new Markets(List.of(market)), List.of(account),
                new FeeSchedule(d("0.001"), d("0.001"), d("0.0002"), d("0.0005")), bnbBurn, new SimulationClock(1),
                silent, new FundingHistory());
    }

    static OrderRequest spot(Side side, OrderType type, String qty, String price) {
        return new OrderRequest(Venue.SPOT, "BTCUSDT", side, type, type == OrderType.LIMIT ? TimeInForce.GTC : null,
                d(qty), null, price == null ? null : d(price), null, false);
    }

    static OrderRequest perp(Side side, OrderType type, String qty, String price) {
        return new OrderRequest(Venue.USDM, "BTCUSDT", side, type, type == OrderType.LIMIT ? TimeInForce.GTC : null,
                d(qty), null, price == null ? null : d(price), null, false);
    }

    static BigDecimal sum(List<TradeFillView> trades, Predicate<TradeFillView> which, Function<TradeFillView, BigDecimal> value) {
        return trades.stream().filter(which).map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal income(List<IncomeRecord> records, String type) {
        return records.stream().filter(r -> r.incomeType().equals(type)).map(IncomeRecord::income)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void spotAndFuturesHistoriesAddUpToWhatTheBalancesMoved() {
        TestExchange exchange = exchange(Map.of("USDT", d("10000")), BnbBurn.OFF);
        SpotAccount spot = exchange.spotAccount(KEY);
        BigDecimal walletBefore = exchange.accounts().futuresSnapshot(KEY).wallet();

        // Spot: a taker buy over two levels, a partial taker sell, and a resting sell filled as maker.
        exchange.orders().place(KEY, spot(Side.BUY, OrderType.MARKET, "2", null), null);
        exchange.orders().place(KEY, spot(Side.SELL, OrderType.MARKET, "0.5", null), null);
        exchange.orders().place(KEY, spot(Side.SELL, OrderType.LIMIT, "0.3", "1010.00"), null);
        market.updateBook(Venue.SPOT, book(2, "1010.50", "1010.60"));
        exchange.restingOrders().onBook("BTCUSDT", Venue.SPOT);
        // Perp: a short opened over two levels, partly closed by a resting buy (maker) and a taker buy, then funding.
        exchange.orders().place(KEY, perp(Side.SELL, OrderType.MARKET, "1.500", null), null);
        exchange.orders().place(KEY, perp(Side.BUY, OrderType.LIMIT, "0.400", "960.00"), null);
        market.updateBook(Venue.USDM, book(2, "954.90", "955.00"));
        exchange.restingOrders().onBook("BTCUSDT", Venue.USDM);
        exchange.orders().place(KEY, perp(Side.BUY, OrderType.MARKET, "0.400", null), null);
        market.updatePrices(d("955.50"), d("955.50"), d("955.40"));
        exchange.funding().settle("BTCUSDT", d("0.0001"));

        List<TradeFillView> spotTrades = exchange.orders().trades(KEY, Venue.SPOT, "BTCUSDT");
        assertThat(spotTrades).hasSize(4);
        assertThat(spotTrades).extracting(TradeFillView::maker).containsExactly(false, false, false, true);
        Predicate<TradeFillView> buys = TradeFillView::buyer;
        BigDecimal btcCommission = sum(spotTrades, t -> t.fill().commissionAsset().equals("BTC"), t -> t.fill().commission());
        BigDecimal usdtCommission = sum(spotTrades, t -> t.fill().commissionAsset().equals("USDT"), t -> t.fill().commission());
        assertThat(btcCommission).isPositive();
        assertThat(usdtCommission).isPositive();
        assertThat(spot.free("BTC").add(spot.locked("BTC")))
                .isCloseTo(sum(spotTrades, buys, TradeFillView::qty).subtract(sum(spotTrades, buys.negate(), TradeFillView::qty))
                        .subtract(btcCommission), within(EPS));
        assertThat(spot.free("USDT").add(spot.locked("USDT")).subtract(d("10000")))
                .isCloseTo(sum(spotTrades, buys.negate(), TradeFillView::quoteQty).subtract(sum(spotTrades, buys, TradeFillView::quoteQty))
                        .subtract(usdtCommission), within(EPS));

        List<TradeFillView> perpTrades = exchange.orders().trades(KEY, Venue.USDM, "BTCUSDT");
        List<IncomeRecord> income = exchange.accounts().income(KEY);
        BigDecimal realized = sum(perpTrades, t -> true, t -> t.fill().realizedPnl());
        BigDecimal commission = sum(perpTrades, t -> true, t -> t.fill().commission());
        BigDecimal funding = income(income, "FUNDING_FEE");
        assertThat(perpTrades).hasSize(4);
        assertThat(realized).isPositive();
        assertThat(funding).isPositive();
        assertThat(income(income, "REALIZED_PNL")).isCloseTo(realized, within(EPS));
        assertThat(income(income, "COMMISSION").negate()).isCloseTo(commission, within(EPS));
        assertThat(exchange.accounts().futuresSnapshot(KEY).wallet().subtract(walletBefore))
                .isCloseTo(realized.add(funding).subtract(commission), within(EPS));
    }

    @Test
    void everyCommissionAndRealizedPnlIncomeNamesTheTradeItCameFrom() {
        TestExchange exchange = exchange(Map.of("USDT", d("10000")), BnbBurn.OFF);
        exchange.orders().place(KEY, perp(Side.SELL, OrderType.MARKET, "1.500", null), null);
        market.updateBook(Venue.USDM, book(2, "949.90", "950.00"));
        exchange.orders().place(KEY, perp(Side.BUY, OrderType.MARKET, "0.800", null), null);

        Map<String, TradeFillView> trades = exchange.orders().trades(KEY, Venue.USDM, "BTCUSDT").stream()
                .collect(Collectors.toMap(t -> Long.toString(t.tradeId()), t -> t));
        List<IncomeRecord> income = exchange.accounts().income(KEY);

        assertThat(income).filteredOn(r -> r.incomeType().equals("COMMISSION")).hasSize(trades.size())
                .allSatisfy(r -> assertThat(r.income()).isEqualByComparingTo(trades.get(r.tradeId()).fill().commission().negate()));
        assertThat(income).filteredOn(r -> r.incomeType().equals("REALIZED_PNL")).singleElement()
                .satisfies(r -> assertThat(r.income()).isEqualByComparingTo(trades.get(r.tradeId()).fill().realizedPnl()));
        // (950.00 - 999.66666667) x 0.8 x -1: the close of a short bought back lower.
        assertThat(trades.values()).filteredOn(t -> t.fill().realizedPnl().signum() != 0).singleElement()
                .satisfies(t -> assertThat(t.fill().realizedPnl()).isEqualByComparingTo("39.733333336"));
    }

    @Test
    void withBnbBurnTheSpotCommissionIsPaidInBnbAtThreeQuartersOfTheRate() {
        TestExchange exchange = exchange(Map.of("USDT", d("10000"), "BNB", d("1")), new BnbBurn(true, d("600")));

        exchange.orders().place(KEY, spot(Side.BUY, OrderType.MARKET, "1", null), null);
        exchange.orders().place(KEY, spot(Side.SELL, OrderType.MARKET, "0.5", null), null);

        List<TradeFillView> trades = exchange.orders().trades(KEY, Venue.SPOT, "BTCUSDT");
        SpotAccount spot = exchange.spotAccount(KEY);
        assertThat(trades).extracting(t -> t.fill().commissionAsset()).containsOnly("BNB");
        // 1000.01 x 0.001 x 0.75 / 600 and 500.00 x 0.001 x 0.75 / 600.
        assertThat(trades).extracting(t -> t.fill().commission())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("0.00125001"), d("0.00062500"));
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.5");
        assertThat(spot.free("USDT")).isEqualByComparingTo(d("10000").subtract(d("1000.01")).add(d("500.00")));
        assertThat(d("1").subtract(spot.free("BNB")))
                .isEqualByComparingTo(sum(trades, t -> true, t -> t.fill().commission()));
    }

    @Test
    void withBnbBurnButTooLittleBnbTheCommissionIsPaidInTheAssetReceived() {
        TestExchange exchange = exchange(Map.of("USDT", d("10000"), "BNB", d("0.001")), new BnbBurn(true, d("600")));

        exchange.orders().place(KEY, spot(Side.BUY, OrderType.MARKET, "1", null), null);

        TradeFillView trade = exchange.orders().trades(KEY, Venue.SPOT, "BTCUSDT").getFirst();
        assertThat(trade.fill().commissionAsset()).isEqualTo("BTC");
        assertThat(exchange.spotAccount(KEY).free("BTC")).isEqualByComparingTo("0.999");
        assertThat(exchange.spotAccount(KEY).free("BNB")).isEqualByComparingTo("0.001");
    }
}
