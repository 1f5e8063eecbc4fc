package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionValueTest {

    private static final BigDecimal FILL_PRICE = new BigDecimal("64000");

    @Test
    void quoteCommissionIsTakenAsItIs() {
        CommissionValue value = CommissionValue.of(new BigDecimal("0.48"), "USDT", "BTC", FILL_PRICE,
                asset -> Optional.empty()).orElseThrow();
        assertThat(value.usdt()).isEqualByComparingTo("0.48");
        assertThat(value.source()).isEqualTo("quote");
    }

    @Test
    void baseCommissionIsValuedAtItsFillsPrice() {
        CommissionValue value = CommissionValue.of(new BigDecimal("0.000015"), "BTC", "BTC", FILL_PRICE,
                asset -> Optional.empty()).orElseThrow();
        assertThat(value.usdt()).isEqualByComparingTo("0.96");
        assertThat(value.price()).isEqualByComparingTo("64000");
        assertThat(value.source()).isEqualTo("fill price");
    }

    @Test
    void bnbCommissionIsValuedAtTheBnbPriceAndWaitsWhenThereIsNone() {
        CommissionValue value = CommissionValue.of(new BigDecimal("0.018"), "BNB", "BTC", FILL_PRICE,
                asset -> asset.equals("BNB") ? Optional.of(new BigDecimal("640")) : Optional.empty()).orElseThrow();
        assertThat(value.usdt()).isEqualByComparingTo("11.52");
        assertThat(value.source()).isEqualTo("BNBUSDT price");
        assertThat(CommissionValue.of(new BigDecimal("0.018"), "BNB", "BTC", FILL_PRICE, asset -> Optional.empty()))
                .isEmpty();
    }
}
