package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.TestRules;
import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.VenueRules;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFiltersTest {

    static final VenueRules SPOT = TestRules.SPOT;
    static final VenueRules FUTURES = TestRules.FUTURES;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static void rejects(Runnable check, int code, String msg) {
        assertThatThrownBy(check::run).isInstanceOf(RejectedException.class)
                .satisfies(e -> {
                    RejectedException r = (RejectedException) e;
                    org.assertj.core.api.Assertions.assertThat(r.rejection().code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(r.rejection().msg()).contains(msg);
                });
    }

    @Test
    void spotQuantityOffTheStepIsALotSizeFailure() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.LIMIT, d("0.000015"), d("64000.00"), null), -1013, "Filter failure: LOT_SIZE");
    }

    @Test
    void spotPriceOffTheTickIsAPriceFilterFailure() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.LIMIT, d("0.001"), d("64000.005"), null), -1013, "Filter failure: PRICE_FILTER");
    }

    @Test
    void spotMarketOrderBelowMinimumNotionalIsANotionalFailure() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.MARKET, d("0.00001"), null, d("64000")), -1013, "Filter failure: NOTIONAL");
    }

    @Test
    void spotMarketQuantityAboveMarketMaximumIsAMarketLotSizeFailure() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.MARKET, d("121"), null, d("64000")), -1013, "Filter failure: MARKET_LOT_SIZE");
    }

    @Test
    void spotQuantityWithMoreThanEightDecimalsIsBadPrecision() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.LIMIT, d("0.000010001"), d("64000.00"), null), -1111, "Precision");
    }

    @Test
    void validSpotOrderPasses() {
        assertThatCode(() -> OrderFilters.checkSpot(SPOT, OrderType.LIMIT, d("0.01"), d("64000.01"), null)).doesNotThrowAnyException();
    }

    @Test
    void futuresNotionalBelowMinimumIsRejectedWith4164UnlessReduceOnly() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, d("0.001"), null, d("64000"), false, OrderType.MARKET), -4164, "no smaller than 100");
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, d("0.001"), null, d("64000"), true, OrderType.MARKET)).doesNotThrowAnyException();
    }

    @Test
    void futuresQuantityWithTooManyDecimalsIsBadPrecision() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, d("0.0015"), null, d("64000"), false, OrderType.MARKET), -1111, "Precision");
    }

    @Test
    void futuresPriceOffTheTickIs4014() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, d("0.01"), d("64000.15"), d("64000"), false, OrderType.LIMIT), -1111, "Precision");
        rejects(() -> OrderFilters.checkFutures(new VenueRules(new BigDecimal("0.5"), new BigDecimal("0.5"), new BigDecimal("4529764"),
                new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("120"), new BigDecimal("100")),
                d("0.01"), d("64000.2"), d("64000"), false, OrderType.LIMIT), -4014, "tick size");
    }

    @Test
    void spotMarketQuantityBelowTheMinimumOrOffTheStepIsALotSizeFailureSinceMarketLotSizeHasNoStep() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.MARKET, d("0.000001"), null, d("64000")), -1013, "Filter failure: LOT_SIZE");
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.MARKET, d("0.000015"), null, d("64000")), -1013, "Filter failure: LOT_SIZE");
    }

    @Test
    void spotLimitPriceBeyondFiveTimesOrUnderAFifthOfTheAveragePriceIsAPercentPriceBySideFailure() {
        BigDecimal average = d("64000");
        rejects(() -> OrderFilters.checkSpot(SPOT, Side.BUY, OrderType.LIMIT, d("0.01"), d("320000.01"), average), -1013,
                "Filter failure: PERCENT_PRICE_BY_SIDE");
        rejects(() -> OrderFilters.checkSpot(SPOT, Side.SELL, OrderType.LIMIT, d("0.01"), d("12799.99"), average), -1013,
                "Filter failure: PERCENT_PRICE_BY_SIDE");
        assertThatCode(() -> OrderFilters.checkSpot(SPOT, Side.BUY, OrderType.LIMIT, d("0.01"), d("320000.00"), average))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrderFilters.checkSpot(SPOT, Side.SELL, OrderType.LIMIT, d("0.01"), d("12800.00"), average))
                .doesNotThrowAnyException();
    }

    @Test
    void spotPercentPriceBySideNeedsTheSideAndAnAveragePrice() {
        assertThatCode(() -> OrderFilters.checkSpot(SPOT, OrderType.LIMIT, d("0.01"), d("500000.00"), d("64000")))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrderFilters.checkSpot(SPOT, Side.BUY, OrderType.LIMIT, d("0.01"), d("500000.00"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void spotLimitNotionalAboveTheMaximumIsANotionalFailureButAMarketOrderIsExempt() {
        rejects(() -> OrderFilters.checkSpot(SPOT, OrderType.LIMIT, d("141"), d("64000.00"), null), -1013, "Filter failure: NOTIONAL");
        assertThatCode(() -> OrderFilters.checkSpot(SPOT, OrderType.MARKET, d("100"), null, d("100000")))
                .doesNotThrowAnyException();
    }

    @Test
    void futuresLimitBuyAboveTheCapIs4016NamingTheHighestPriceOnTheTick() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, Side.BUY, d("0.010"), d("67200.1"), d("64000"), null, false, OrderType.LIMIT),
                -4016, "Limit price can't be higher than 67200.0.");
        rejects(() -> OrderFilters.checkFutures(FUTURES, Side.BUY, d("0.010"), d("67200.1"), d("64000.07"), null, false, OrderType.LIMIT),
                -4016, "Limit price can't be higher than 67200.0.");
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, Side.BUY, d("0.010"), d("67200.0"), d("64000"), null, false, OrderType.LIMIT))
                .doesNotThrowAnyException();
    }

    @Test
    void futuresLimitSellBelowTheFloorIs4024NamingTheLowestPriceOnTheTick() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, Side.SELL, d("0.010"), d("60799.9"), d("64000"), null, false, OrderType.LIMIT),
                -4024, "Limit price can't be lower than 60800.0.");
        rejects(() -> OrderFilters.checkFutures(FUTURES, Side.SELL, d("0.010"), d("60800.0"), d("64000.07"), null, false, OrderType.LIMIT),
                -4024, "Limit price can't be lower than 60800.1.");
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, Side.SELL, d("0.010"), d("60800.0"), d("64000"), null, false, OrderType.LIMIT))
                .doesNotThrowAnyException();
    }

    @Test
    void futuresPercentPriceBoundsABuyFromAboveAndASellFromBelowOnly() {
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, Side.BUY, d("0.010"), d("32000.0"), d("64000"), null, false, OrderType.LIMIT))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, Side.SELL, d("0.010"), d("90000.0"), d("64000"), null, false, OrderType.LIMIT))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, d("0.010"), d("90000.0"), d("64000"), false, OrderType.LIMIT))
                .doesNotThrowAnyException();
    }

    @Test
    void futuresMarketOrderIs4131WhenTheBestOppositePriceBreaksPercentPrice() {
        Book wide = new Book(1, 0, List.of(new PriceLevel(d("60000.0"), d("1"))), List.of(new PriceLevel(d("67300.0"), d("1"))));
        Book normal = new Book(1, 0, List.of(new PriceLevel(d("63999.9"), d("1"))), List.of(new PriceLevel(d("64000.0"), d("1"))));

        rejects(() -> OrderFilters.checkFutures(FUTURES, Side.BUY, d("0.010"), null, d("64000"), wide, false, OrderType.MARKET),
                -4131, "PERCENT_PRICE");
        rejects(() -> OrderFilters.checkFutures(FUTURES, Side.SELL, d("0.010"), null, d("64000"), wide, false, OrderType.MARKET),
                -4131, "PERCENT_PRICE");
        assertThatCode(() -> OrderFilters.checkFutures(FUTURES, Side.BUY, d("0.010"), null, d("64000"), normal, false, OrderType.MARKET))
                .doesNotThrowAnyException();
    }

    @Test
    void futuresMaxNumOrdersRefusesTheOrderThatWouldExceedTheLimit() {
        assertThatCode(() -> OrderFilters.checkFuturesOpenOrders(OrderFilters.FUTURES_MAX_NUM_ORDERS - 1)).doesNotThrowAnyException();
        rejects(() -> OrderFilters.checkFuturesOpenOrders(OrderFilters.FUTURES_MAX_NUM_ORDERS), -2025, "Reach max open order limit.");
    }

    @Test
    void futuresQuantityBelowMinimumIs4004() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, d("0.000"), null, d("64000"), true, OrderType.MARKET), -4003, "zero");
    }
}
