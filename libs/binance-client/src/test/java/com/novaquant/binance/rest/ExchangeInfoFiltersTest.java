package com.novaquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.binance.filters.ExchangeInfo;
import com.novaquant.binance.filters.OrderCheck;
import com.novaquant.binance.filters.RateLimitRule;
import com.novaquant.binance.filters.SymbolFilters;
import com.novaquant.binance.terms.OrderType;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.Venue;
import com.novaquant.binance.testserver.ExchangeInfoSamples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Filters parsed from the exchangeInfo examples, and the rounding helpers on them. */
class ExchangeInfoFiltersTest {

    private static final ExchangeInfo SPOT =
            Parsers.exchangeInfo(Venue.SPOT, Json.MAPPER.readTree(ExchangeInfoSamples.SPOT));
    private static final ExchangeInfo FUTURES =
            Parsers.exchangeInfo(Venue.USDM, Json.MAPPER.readTree(ExchangeInfoSamples.FUTURES));
    private static final SymbolFilters SPOT_BTC = SPOT.filters("BTCUSDT").orElseThrow();
    private static final SymbolFilters PERP_BTC = FUTURES.filters("BTCUSDT").orElseThrow();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void spotFiltersAreParsedFromExchangeInfo() {
        assertThat(SPOT_BTC.price().tickSize()).isEqualByComparingTo("0.01");
        assertThat(SPOT_BTC.lotSize().stepSize()).isEqualByComparingTo("0.00001");
        assertThat(SPOT_BTC.marketLotSize().maxQty()).isEqualByComparingTo("120");
        assertThat(SPOT_BTC.notional().minNotional()).isEqualByComparingTo("5");
        assertThat(SPOT_BTC.notional().applyMinToMarket()).isTrue();
        assertThat(SPOT.filters("ETHUSDT").orElseThrow().notional().minNotional()).isEqualByComparingTo("10");
        assertThat(SPOT.symbol("LUNAUSDT").orElseThrow().isTrading()).isFalse();
    }

    @Test
    void rateLimitsAreParsedWithTheirWindows() {
        assertThat(SPOT.rateLimits()).contains(new RateLimitRule("ORDERS", "SECOND", 10, 100));
        assertThat(SPOT.rateLimits().getFirst().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(FUTURES.rateLimits()).hasSize(3);
    }

    @Test
    void spotQuantityIsRoundedDownToTheStepNeverUp() {
        assertThat(SPOT_BTC.roundQuantityDown(d("0.123456789"), OrderType.LIMIT)).isEqualByComparingTo("0.12345");
        assertThat(SPOT_BTC.roundQuantityDown(d("0.123459999"), OrderType.MARKET)).isEqualByComparingTo("0.12345");
        assertThat(SPOT_BTC.roundQuantityDown(d("0.12345"), OrderType.LIMIT).toPlainString()).isEqualTo("0.12345");
    }

    @Test
    void spotPriceIsRoundedPassivelyToTheTick() {
        assertThat(SPOT_BTC.roundPricePassive(d("64250.015"), Side.BUY).toPlainString()).isEqualTo("64250.01");
        assertThat(SPOT_BTC.roundPricePassive(d("64250.015"), Side.SELL).toPlainString()).isEqualTo("64250.02");
        assertThat(SPOT_BTC.roundPrice(d("64250.015"), RoundingMode.HALF_UP).toPlainString()).isEqualTo("64250.02");
    }

    @Test
    void futuresPriceGridIsAnchoredAtMinPrice() {
        assertThat(PERP_BTC.roundPricePassive(d("64251.17"), Side.BUY).toPlainString()).isEqualTo("64251.1");
        assertThat(PERP_BTC.roundPricePassive(d("64251.11"), Side.SELL).toPlainString()).isEqualTo("64251.2");
    }

    @Test
    void futuresQuantityUsesMinQtyPlusWholeSteps() {
        assertThat(PERP_BTC.roundQuantityDown(d("0.0159"), OrderType.MARKET).toPlainString()).isEqualTo("0.015");
    }

    @Test
    void quantityBelowOneStepCannotBeMadeValid() {
        OrderCheck check = SPOT_BTC.prepare(Side.BUY, OrderType.LIMIT, d("0.000004"), d("64250"), null, false);

        assertThat(check).isInstanceOfSatisfying(OrderCheck.Invalid.class, invalid ->
                assertThat(invalid.reason()).contains("LOT_SIZE").contains("not positive"));
    }

    @Test
    void spotOrderBelowMinNotionalIsInvalidWithTheNumbersInTheReason() {
        OrderCheck check = SPOT_BTC.prepare(Side.BUY, OrderType.LIMIT, d("0.00005"), d("64250.00"), null, false);

        assertThat(check).isInstanceOfSatisfying(OrderCheck.Invalid.class, invalid ->
                assertThat(invalid.reason()).contains("NOTIONAL").contains("3.2125").contains("minNotional 5"));
    }

    @Test
    void spotMarketOrderIsCheckedAtTheReferencePriceAndMarketLotSize() {
        assertThat(SPOT_BTC.prepare(Side.BUY, OrderType.MARKET, d("0.0001"), null, d("64250"), false))
                .isEqualTo(new OrderCheck.Valid(d("0.0001"), null));
        assertThat(SPOT_BTC.prepare(Side.BUY, OrderType.MARKET, d("150"), null, d("64250"), false))
                .isInstanceOfSatisfying(OrderCheck.Invalid.class, invalid ->
                        assertThat(invalid.reason()).contains("MARKET_LOT_SIZE").contains("maxQty 120"));
    }

    @Test
    void validLimitOrderComesBackRoundedAndValid() {
        OrderCheck check = SPOT_BTC.prepare(Side.SELL, OrderType.LIMIT, d("0.0123456"), d("64250.011"), null, false);

        assertThat(check).isInstanceOfSatisfying(OrderCheck.Valid.class, valid -> {
            assertThat(valid.quantity().toPlainString()).isEqualTo("0.01234");
            assertThat(valid.price().toPlainString()).isEqualTo("64250.02");
        });
    }

    @Test
    void futuresMinNotionalAppliesToMarketAtMarkPriceButNotToReduceOnly() {
        assertThat(PERP_BTC.prepare(Side.SELL, OrderType.MARKET, d("0.001"), null, d("64251"), false))
                .isInstanceOfSatisfying(OrderCheck.Invalid.class, invalid ->
                        assertThat(invalid.reason()).contains("MIN_NOTIONAL").contains("minNotional 100"));
        assertThat(PERP_BTC.prepare(Side.BUY, OrderType.MARKET, d("0.001"), null, d("64251"), true))
                .isInstanceOf(OrderCheck.Valid.class);
    }

    @Test
    void priceOffTheTickIsReportedByCheck() {
        assertThat(SPOT_BTC.check(OrderType.LIMIT, d("0.001"), d("64250.005"), null, false))
                .isInstanceOfSatisfying(OrderCheck.Invalid.class, invalid ->
                        assertThat(invalid.reason()).contains("PRICE_FILTER").contains("tickSize 0.01"));
    }

    @Test
    void quantityOffTheStepIsReportedByCheck() {
        assertThat(PERP_BTC.check(OrderType.LIMIT, d("0.0015"), d("64251.1"), null, false))
                .isInstanceOfSatisfying(OrderCheck.Invalid.class, invalid ->
                        assertThat(invalid.reason()).contains("stepSize 0.001"));
    }
}
