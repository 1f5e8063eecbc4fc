package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.FundingHistory;
import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.LeverageBrackets;
import com.novaquant.simulator.domain.market.SymbolMarket;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * USD-M funding and leverage payloads as docs/binance-protocol.md shows them: premiumIndex, a settled funding rate,
 * a symbol's funding settings (fundingInfo) and its notional and leverage brackets.
 */
final class FundingJson {

    private static final String INTEREST_RATE = "0.00010000";
    private static final String FUNDING_RATE_CAP = "0.02000000";
    private static final String FUNDING_RATE_FLOOR = "-0.02000000";

    private FundingJson() {
    }

    static Map<String, Object> premiumIndex(SymbolMarket market, long nextFundingTime, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", market.instrument().symbol());
        out.put("markPrice", market.markPrice().toPlainString());
        out.put("indexPrice", market.indexPrice().toPlainString());
        out.put("estimatedSettlePrice", market.indexPrice().toPlainString());
        out.put("lastFundingRate", market.fundingRate().toPlainString());
        out.put("interestRate", INTEREST_RATE);
        out.put("nextFundingTime", nextFundingTime);
        out.put("time", now);
        return out;
    }

    static Map<String, Object> fundingRate(FundingHistory.Entry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", e.symbol());
        out.put("fundingRate", e.rate().toPlainString());
        out.put("fundingTime", e.fundingTime());
        out.put("markPrice", e.markPrice().toPlainString());
        return out;
    }

    /** The simulator clamps no rate; the cap and floor shown are Binance's usual adjusted ones. */
    static Map<String, Object> fundingInfo(Instrument instrument) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", instrument.symbol());
        out.put("adjustedFundingRateCap", FUNDING_RATE_CAP);
        out.put("adjustedFundingRateFloor", FUNDING_RATE_FLOOR);
        out.put("fundingIntervalHours", instrument.fundingInterval().toHours());
        out.put("disclaimer", false);
        return out;
    }

    static Map<String, Object> leverageBrackets(String symbol) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("notionalCoef", new BigDecimal("1.0"));
        out.put("brackets", LeverageBrackets.of(symbol).stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bracket", b.bracket());
            row.put("initialLeverage", b.initialLeverage());
            row.put("notionalCap", b.notionalCap());
            row.put("notionalFloor", b.notionalFloor());
            row.put("maintMarginRatio", b.maintMarginRatio());
            BigDecimal cum = b.cum().stripTrailingZeros();
            row.put("cum", cum.scale() < 1 ? cum.setScale(1) : cum);
            return row;
        }).toList());
        return out;
    }
}
