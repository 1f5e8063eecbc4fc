package com.novaquant.binance.filters;

import static org.assertj.core.api.Assertions.assertThat;

import com.novaquant.binance.terms.OrderType;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RoundingPropertiesTest {

    private static final SymbolFilters FILTERS = new SymbolFilters(Venue.USDM, "BTCUSDT",
            new PriceFilter(new BigDecimal("556.80"), new BigDecimal("4529764"), new BigDecimal("0.10")),
            new LotSizeFilter(new BigDecimal("0.001"), new BigDecimal("1000"), new BigDecimal("0.001")),
            null, null);

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("999")).ofScale(9);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("600"), new BigDecimal("4000000")).ofScale(7);
    }

    @Property(tries = 500)
    void roundedQuantityIsOnTheStepAndNeverAboveTheInput(@ForAll("quantities") BigDecimal quantity) {
        BigDecimal rounded = FILTERS.roundQuantityDown(quantity, OrderType.MARKET);

        assertThat(rounded).isLessThanOrEqualTo(quantity);
        assertThat(quantity.subtract(rounded)).isLessThan(new BigDecimal("0.001"));
        assertThat(rounded.subtract(new BigDecimal("0.001")).remainder(new BigDecimal("0.001")))
                .isEqualByComparingTo("0");
        assertThat(rounded.stripTrailingZeros().scale()).isLessThanOrEqualTo(3);
    }

    @Property(tries = 500)
    void passivePriceIsOnTheTickAndNeverCrossesTheInput(@ForAll("prices") BigDecimal price) {
        BigDecimal bid = FILTERS.roundPricePassive(price, Side.BUY);
        BigDecimal ask = FILTERS.roundPricePassive(price, Side.SELL);

        assertThat(bid).isLessThanOrEqualTo(price);
        assertThat(ask).isGreaterThanOrEqualTo(price);
        assertThat(ask.subtract(bid)).isLessThanOrEqualTo(new BigDecimal("0.10"));
        assertThat(FILTERS.check(OrderType.LIMIT, new BigDecimal("1"), bid, null, false))
                .isInstanceOf(OrderCheck.Valid.class);
        assertThat(FILTERS.roundPrice(price, RoundingMode.HALF_EVEN).stripTrailingZeros().scale())
                .isLessThanOrEqualTo(1);
    }
}
