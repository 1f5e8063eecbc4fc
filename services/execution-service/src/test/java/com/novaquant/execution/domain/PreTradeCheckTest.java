package com.novaquant.execution.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreTradeCheckTest {

    private static final SymbolFilters SPOT = new SymbolFilters(new BigDecimal("0.00001"), new BigDecimal("0.00001"),
            new BigDecimal("9000"), new BigDecimal("5"));
    private static final SymbolFilters PERP = new SymbolFilters(new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("1000"), new BigDecimal("100"));
    private final PreTradeCheck check = new PreTradeCheck(new RiskLimits(new BigDecimal("10000"),
            new BigDecimal("15000"), new BigDecimal("3")), 2000);

    /** The venue as the signals below saw it: spot 63999/64000, perp 64010/64011, received 100 ms ago. */
    private static final OwnPrices VENUE = own("63999", "64000", "64010", "64011", 100);

    private static OwnPrices own(String spotBid, String spotAsk, String perpBid, String perpAsk, long ageMs) {
        return new OwnPrices(new BigDecimal(spotBid), new BigDecimal(spotAsk), new BigDecimal(perpBid),
                new BigDecimal(perpAsk), ageMs);
    }

    private static PreTradeRequest opening(String qty) {
        return opening(qty, VENUE);
    }

    /** An opening whose signal priced the spot buy at 64000 and the perp short at 64010. */
    private static PreTradeRequest opening(String qty, OwnPrices own) {
        return new PreTradeRequest(true, new BigDecimal(qty), new BigDecimal("64000"), new BigDecimal("64010"), 100,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100000"), BigDecimal.ZERO, new BigDecimal("100000"),
                new BigDecimal("100000"), new BigDecimal("2"), own);
    }

    private static PreTradeRequest closing(OwnPrices own) {
        return new PreTradeRequest(false, new BigDecimal("0.1"), new BigDecimal("64000"), new BigDecimal("64010"), 0,
                new BigDecimal("6400"), new BigDecimal("6400"), BigDecimal.ZERO, new BigDecimal("0.1"), BigDecimal.ZERO,
                new BigDecimal("1000"), new BigDecimal("2"), own);
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
                r.futuresWallet(), r.leverage(), VENUE);
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
                r.futuresWallet(), r.leverage(), VENUE);
        assertThat(code(poor)).contains("SPOT_BALANCE");
    }

    @Test
    void insufficientFuturesMarginIsRefused() {
        PreTradeRequest r = opening("0.1");
        PreTradeRequest poor = new PreTradeRequest(true, r.quantity(), r.spotPrice(), r.perpPrice(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, r.spotQuoteFree(), BigDecimal.ZERO, new BigDecimal("100"),
                r.futuresWallet(), r.leverage(), VENUE);
        assertThat(code(poor)).contains("FUTURES_MARGIN");
    }

    @Test
    void closingNeedsTheSpotToSell() {
        PreTradeRequest closing = new PreTradeRequest(false, new BigDecimal("0.1"), new BigDecimal("64000"),
                new BigDecimal("64010"), 0, new BigDecimal("6400"), new BigDecimal("6400"), BigDecimal.ZERO,
                new BigDecimal("0.05"), BigDecimal.ZERO, new BigDecimal("1000"), new BigDecimal("2"), VENUE);
        assertThat(code(closing)).contains("SPOT_BALANCE");
    }

    @Test
    void anOpeningWithoutTheVenuesOwnPricesIsRefused() {
        assertThat(code(opening("0.1", null))).contains("OWN_PRICES_STALE");
    }

    @Test
    void anOpeningOnOwnPricesOlderThanTheQuoteAgeLimitIsRefused() {
        assertThat(code(opening("0.1", own("63999", "64000", "64010", "64011", 2000)))).isEmpty();
        assertThat(code(opening("0.1", own("63999", "64000", "64010", "64011", 2001)))).contains("OWN_PRICES_STALE");
    }

    @Test
    void anOpeningWhoseSignalPricesALegOffTheBandOfTheVenuesMidIsRefused() {
        // The signal's spot ask 64000 against a spot mid of 64350.5: 0.54 % off.
        Optional<PreTradeCheck.Refusal> spot = check.check(opening("0.1", own("64350", "64351", "64010", "64011", 0)),
                SPOT, PERP);
        assertThat(spot).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("PRICE_OFF_BAND");
            assertThat(r.text()).contains("spot ask 64000").contains("64350.5").contains("band 0.5 %");
        });
        // The signal's perp bid 64010 against a perp mid of 63670.5: 0.53 % off.
        assertThat(code(opening("0.1", own("63999", "64000", "63670", "63671", 0)))).contains("PRICE_OFF_BAND");
        // 0.45 % off on both legs: inside the band.
        assertThat(code(opening("0.1", own("64290", "64291", "64300", "64301", 0)))).isEmpty();
        PreTradeCheck narrow = new PreTradeCheck(new RiskLimits(new BigDecimal("10000"), new BigDecimal("15000"),
                new BigDecimal("3")), 2000, new BigDecimal("0.004"));
        assertThat(narrow.check(opening("0.1", own("64290", "64291", "64300", "64301", 0)), SPOT, PERP)
                .map(PreTradeCheck.Refusal::code)).contains("PRICE_OFF_BAND");
    }

    @Test
    void anOpeningsLimitsAndBalancesAreComputedAtTheVenuesPricesNotTheSignals() {
        // 0.156 at the signal's perp bid is 9985.56, under the 10000 limit; at the venue's 64300 it is 10030.8.
        OwnPrices higher = own("64290", "64291", "64300", "64301", 0);
        assertThat(code(opening("0.156", VENUE))).isEmpty();
        assertThat(code(opening("0.156", higher))).contains("SYMBOL_LIMIT");
        assertThat(check.prices(opening("0.156", higher))).isEqualTo(
                new PreTradeCheck.LegPrices(new BigDecimal("64291"), new BigDecimal("64300")));
        PreTradeRequest r = opening("0.1", higher);
        // 0.1 x 64291 x 1.01 = 6493.391 of spot quote: more than the 6464 it would be at the signal's ask.
        PreTradeRequest poor = new PreTradeRequest(true, r.quantity(), r.spotPrice(), r.perpPrice(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("6490"), BigDecimal.ZERO, r.futuresAvailable(),
                r.futuresWallet(), r.leverage(), higher);
        assertThat(code(poor)).contains("SPOT_BALANCE");
    }

    @Test
    void aReductionIsNeverRefusedForTheVenuesViewAndUsesItOnlyWhenFresh() {
        OwnPrices fresh = own("63000", "63001", "63010", "63011", 0);
        OwnPrices stale = own("63000", "63001", "63010", "63011", 60_000);
        for (OwnPrices own : new OwnPrices[]{null, stale, fresh}) {
            assertThat(code(closing(own))).as("%s", own).isEmpty();
        }
        assertThat(check.prices(closing(null))).isEqualTo(
                new PreTradeCheck.LegPrices(new BigDecimal("64000"), new BigDecimal("64010")));
        assertThat(check.prices(closing(stale))).isEqualTo(
                new PreTradeCheck.LegPrices(new BigDecimal("64000"), new BigDecimal("64010")));
        // Fresh: the spot sale at the venue's bid, the perp buy-back at its ask.
        assertThat(check.prices(closing(fresh))).isEqualTo(
                new PreTradeCheck.LegPrices(new BigDecimal("63000"), new BigDecimal("63011")));
    }

    @Test
    void thePriceBandIsAFractionBetweenZeroAndOne() {
        RiskLimits limits = new RiskLimits(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE);
        assertThatThrownBy(() -> new PreTradeCheck(limits, 2000, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PreTradeCheck(limits, 2000, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PreTradeCheck(limits, 2000, new BigDecimal("-0.005")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commonQuantityIsOnBothSteps() {
        assertThat(PairSizing.common(new BigDecimal("0.123456"), SPOT, PERP)).isEqualByComparingTo("0.123");
        assertThat(PairSizing.common(new BigDecimal("0.0009"), SPOT, PERP)).isEqualByComparingTo("0");
    }
}
