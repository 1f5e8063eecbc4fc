package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PreTradeCheckTest {

    private static final SymbolFilters SPOT = new SymbolFilters(new BigDecimal("0.00001"), new BigDecimal("0.00001"),
            new BigDecimal("9000"), new BigDecimal("5"));
    private static final SymbolFilters PERP = new SymbolFilters(new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("1000"), new BigDecimal("100"));
    private final PreTradeCheck check = new PreTradeCheck(new RiskLimits(new BigDecimal("10000"),
            new BigDecimal("15000"), new BigDecimal("3")), 2000);

    private static PreTradeRequest opening(String qty) {
        return new PreTradeRequest(true, new BigDecimal(qty), new BigDecimal("64000"), new BigDecimal("64010"), 100,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100000"), BigDecimal.ZERO, new BigDecimal("100000"),
                new BigDecimal("100000"), new BigDecimal("2"));
    }

    private Optional<String> code(PreTradeRequest request) {
        return check.check(request, SPOT, PERP).map(PreTradeCheck.Refusal::code);
    }

    @Test
    void orderWithinEveryLimitPasses() {
        assertThat(code(opening("0.1"))).isEmpty();
    }

    @Test
    void staleQuotesAreRefused() {
        PreTradeRequest r = opening("0.1");
        PreTradeRequest stale = new PreTradeRequest(true, r.quantity(), r.spotPrice(), r.perpPrice(), 2001,
                r.symbolNotional(), r.totalNotional(), r.spotQuoteFree(), r.spotBaseFree(), r.futuresAvailable(),
                r.futuresWallet(), r.leverage());
        assertThat(code(stale)).contains("STALE_QUOTES");
    }

    @Test
    void perpBelowMinNotionalIsRefused() {
        assertThat(code(opening("0.001"))).contains("PERP_FILTER");
    }

    @Test
    void symbolNotionalLimitIsEnforced() {
        assertThat(code(opening("0.2"))).contains("SYMBOL_LIMIT");
    }

    @Test
    void insufficientSpotBalanceIsRefused() {
        PreTradeRequest r = opening("0.1");
        PreTradeRequest poor = new PreTradeRequest(true, r.quantity(), r.spotPrice(), r.perpPrice(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1000"), BigDecimal.ZERO, r.futuresAvailable(),
                r.futuresWallet(), r.leverage());
        assertThat(code(poor)).contains("SPOT_BALANCE");
    }

    @Test
    void insufficientFuturesMarginIsRefused() {
        PreTradeRequest r = opening("0.1");
        PreTradeRequest poor = new PreTradeRequest(true, r.quantity(), r.spotPrice(), r.perpPrice(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, r.spotQuoteFree(), BigDecimal.ZERO, new BigDecimal("100"),
                r.futuresWallet(), r.leverage());
        assertThat(code(poor)).contains("FUTURES_MARGIN");
    }

    @Test
    void closingNeedsTheSpotToSell() {
        PreTradeRequest closing = new PreTradeRequest(false, new BigDecimal("0.1"), new BigDecimal("64000"),
                new BigDecimal("64010"), 0, new BigDecimal("6400"), new BigDecimal("6400"), BigDecimal.ZERO,
                new BigDecimal("0.05"), BigDecimal.ZERO, new BigDecimal("1000"), new BigDecimal("2"));
        assertThat(code(closing)).contains("SPOT_BALANCE");
    }

    @Test
    void commonQuantityIsOnBothSteps() {
        assertThat(PairSizing.common(new BigDecimal("0.123456"), SPOT, PERP)).isEqualByComparingTo("0.123");
        assertThat(PairSizing.common(new BigDecimal("0.0009"), SPOT, PERP)).isEqualByComparingTo("0");
    }
}
