package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.accounts.SpotAccount;
import com.novaquant.simulator.domain.clock.SimulationClock;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.matching.TimeInForce;
import com.novaquant.simulator.domain.orders.FeeSchedule;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderRef;
import com.novaquant.simulator.domain.orders.OrderRequest;
import com.novaquant.simulator.domain.orders.OrderStatus;
import com.novaquant.simulator.domain.orders.OrderView;
import com.novaquant.simulator.domain.orders.RejectedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeTest {

    static final String KEY = "key";
    final List<String> events = new ArrayList<>();
    SymbolMarket market;
    TestExchange exchange;
    FundingHistory history;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Book book(long id, String bid, String ask) {
        return new Book(id, 0,
                List.of(new PriceLevel(d(bid), d("1.000")), new PriceLevel(d(bid).subtract(d("1")), d("5.000"))),
                List.of(new PriceLevel(d(ask), d("1.000")), new PriceLevel(d(ask).add(d("1")), d("5.000"))));
    }

    /** BTCUSDT with a two-level book on each venue (spot 1000.00/1000.01, USD-M 1000.00/1000.10) and every price 1000. */
    static SymbolMarket btcMarket() {
        Instrument instrument = new Instrument("BTCUSDT", "BTC", "USDT", d("100"),
                TestRules.SPOT, TestRules.FUTURES, Duration.ofHours(8));
        SymbolMarket market = new SymbolMarket(instrument, d("0.0001"));
        market.updateBook(Venue.SPOT, book(1, "1000.00", "1000.01"));
        market.updateBook(Venue.USDM, book(1, "1000.00", "1000.10"));
        market.updatePrices(d("1000"), d("1000"), d("1000"));
        return market;
    }

    @BeforeEach
    void setUp() {
        market = btcMarket();
        PaperAccount account = new PaperAccount(KEY, "secret", new SpotAccount(Map.of("USDT", d("10000"))),
                new FuturesAccount(d("10000"), 10));
        history = new FundingHistory();
        FuturesUserEvents recorder = new FuturesUserEvents() {
            @Override
            public void orderUpdate(String apiKey, OrderView order, String executionType, Order.TradeFill fill,
                                    BigDecimal realisedProfit, long eventTime) {
                events.add("ORDER:" + executionType + ":" + order.status());
            }

            @Override
            public void accountUpdate(String apiKey, String reason, BigDecimal wallet, BigDecimal balanceChange,
                                      List<Position> positions, BigDecimal markUnrealised, long eventTime) {
                events.add("ACCOUNT:" + reason + ":" + balanceChange.stripTrailingZeros().toPlainString());
            }
        };
        exchange = TestExchange.of(new Markets(List.of(market)), List.of(account),
                new FeeSchedule(d("0.001"), d("0.001"), d("0.0002"), d("0.0005")), new SimulationClock(1), recorder, history);
    }

    OrderRequest spot(Side side, OrderType type, TimeInForce tif, String qty, String price, String clientId) {
        return new OrderRequest(Venue.SPOT, "BTCUSDT", side, type, tif, d(qty), null, price == null ? null : d(price), clientId, false);
    }

    OrderRequest futures(Side side, OrderType type, TimeInForce tif, String qty, String price, boolean reduceOnly) {
        return new OrderRequest(Venue.USDM, "BTCUSDT", side, type, tif, d(qty), null, price == null ? null : d(price), null, reduceOnly);
    }

    static int code(Runnable r) {
        try {
            r.run();
        } catch (RejectedException e) {
            return e.rejection().code();
        }
        return 0;
    }

    @Test
    void spotMarketBuyFillsAcrossLevelsAndChargesTheCommissionInBase() {
        OrderView order = exchange.orders().place(KEY, spot(Side.BUY, OrderType.MARKET, null, "2", null, "a"), null);

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.fills()).hasSize(2);
        assertThat(order.cumQuote()).isEqualByComparingTo("2001.02");
        assertThat(exchange.spotAccount(KEY).free("BTC")).isEqualByComparingTo("1.998");
        assertThat(exchange.spotAccount(KEY).free("USDT")).isEqualByComparingTo("7998.98");
    }

    @Test
    void spotBuyBeyondTheBalanceIsRejectedWith2010AndPlacesNothing() {
        assertThat(code(() -> exchange.orders().place(KEY, spot(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "11", "1000.00", "a"), null)))
                .isEqualTo(-2010);
        assertThat(exchange.orders().allOrders()).isEmpty();
    }

    @Test
    void duplicateClientOrderIdIsRejectedWhileTheFirstOrderIsOpen() {
        exchange.orders().place(KEY, spot(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "900.00", "dup"), null);

        assertThat(code(() -> exchange.orders().place(KEY, spot(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "900.00", "dup"), null)))
                .isEqualTo(-2010);
        exchange.orders().cancel(KEY, Venue.SPOT, new OrderRef("BTCUSDT", null, "dup"));
        assertThat(exchange.orders().place(KEY, spot(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "900.00", "dup"), null).status())
                .isEqualTo(OrderStatus.NEW);
    }

    @Test
    void restingSpotLimitLocksQuoteAndFillsAsMakerWhenTheBookCrossesIt() {
        OrderView placed = exchange.orders().place(KEY, spot(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, "1", "990.00", "rest"), null);
        assertThat(exchange.spotAccount(KEY).locked("USDT")).isEqualByComparingTo("990");

        market.updateBook(Venue.SPOT, book(2, "989.00", "989.50"));
        exchange.restingOrders().onBook("BTCUSDT", Venue.SPOT);

        OrderView filled = exchange.orders().query(KEY, Venue.SPOT, new OrderRef("BTCUSDT", placed.orderId(), null));
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills().getFirst().fill().maker()).isTrue();
        assertThat(filled.fills().getFirst().fill().price()).isEqualByComparingTo("990.00");
        assertThat(exchange.spotAccount(KEY).locked("USDT")).isEqualByComparingTo("0");
    }

    @Test
    void spotIocRemainderExpiresAndUnlocks() {
        OrderView order = exchange.orders().place(KEY, spot(Side.BUY, OrderType.LIMIT, TimeInForce.IOC, "3", "1000.01", "ioc"), null);

        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.executedQty()).isEqualByComparingTo("1");
        assertThat(exchange.spotAccount(KEY).locked("USDT")).isEqualByComparingTo("0");
    }

    @Test
    void partialFillRatioCapsTheFillAndExpiresTheRestOfAMarketOrder() {
        OrderView order = exchange.orders().place(KEY, futures(Side.SELL, OrderType.MARKET, null, "1.000", null, false), d("0.4"));

        assertThat(order.executedQty()).isEqualByComparingTo("0.4");
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void futuresShortOpensAPositionChargesTakerFeeAndEmitsEvents() {
        exchange.orders().place(KEY, futures(Side.SELL, OrderType.MARKET, null, "1.000", null, false), null);

        var snapshot = exchange.accounts().futuresSnapshot(KEY);
        assertThat(snapshot.positions().getFirst().position().amount()).isEqualByComparingTo("-1");
        assertThat(snapshot.wallet()).isEqualByComparingTo("9999.5");
        assertThat(events).containsExactly("ORDER:NEW:NEW", "ORDER:TRADE:FILLED", "ACCOUNT:ORDER:-0.5");
    }

    @Test
    void futuresOrderBeyondTheMarginIsRejectedWith2019() {
        assertThat(code(() -> exchange.orders().place(KEY, futures(Side.SELL, OrderType.LIMIT, TimeInForce.GTC, "200.000", "1100.00", false), null)))
                .isEqualTo(-2019);
    }

    @Test
    void futuresFokThatCannotFillCompletelyIsRejectedWith5021() {
        assertThat(code(() -> exchange.orders().place(KEY, futures(Side.BUY, OrderType.LIMIT, TimeInForce.FOK, "2.000", "1000.10", false), null)))
                .isEqualTo(-5021);
        assertThat(exchange.orders().allOrders()).isEmpty();
    }

    @Test
    void reduceOnlyWithoutAPositionToReduceIsRejected() {
        assertThat(code(() -> exchange.orders().place(KEY, futures(Side.BUY, OrderType.MARKET, null, "1.000", null, true), null)))
                .isEqualTo(-2022);
    }

    @Test
    void positiveFundingPaysTheShortAndIsRecordedAsIncome() {
        exchange.orders().place(KEY, futures(Side.SELL, OrderType.MARKET, null, "1.000", null, false), null);
        events.clear();
        BigDecimal walletBefore = exchange.accounts().futuresSnapshot(KEY).wallet();

        exchange.funding().settle("BTCUSDT", d("0.001"));

        assertThat(exchange.accounts().futuresSnapshot(KEY).wallet().subtract(walletBefore)).isEqualByComparingTo("1");
        assertThat(exchange.accounts().income(KEY)).filteredOn(r -> r.incomeType().equals("FUNDING_FEE"))
                .singleElement().satisfies(r -> assertThat(r.income()).isEqualByComparingTo("1"));
        assertThat(events).containsExactly("ACCOUNT:FUNDING_FEE:1");
        assertThat(history.lastRate("BTCUSDT")).isEqualByComparingTo("0.001");
    }

    @Test
    void queryOfAnUnknownOrderIs2013AndCancelOfAFilledOrderIs2011() {
        OrderView filled = exchange.orders().place(KEY, spot(Side.BUY, OrderType.MARKET, null, "0.5", null, "m"), null);

        assertThat(code(() -> exchange.orders().query(KEY, Venue.SPOT, new OrderRef("BTCUSDT", 1L, null)))).isEqualTo(-2013);
        assertThat(code(() -> exchange.orders().cancel(KEY, Venue.SPOT, new OrderRef("BTCUSDT", filled.orderId(), null)))).isEqualTo(-2011);
    }
}
