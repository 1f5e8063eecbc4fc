package com.novaquant.simulator.domain;

import com.novaquant.simulator.market.VenueRules;
import com.novaquant.simulator.matching.OrderType;
import com.novaquant.simulator.orders.OrderFilters;
import com.novaquant.simulator.orders.RejectedException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

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
    void futuresQuantityBelowMinimumIs4004() {
        rejects(() -> OrderFilters.checkFutures(FUTURES, d("0.000"), null, d("64000"), true, OrderType.MARKET), -4003, "zero");
    }
}
