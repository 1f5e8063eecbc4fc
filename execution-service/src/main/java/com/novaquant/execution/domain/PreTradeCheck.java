package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The checks an execution must pass before either leg is sent. A failed check means no order at all: it is far
 * cheaper to miss a trade than to discover a problem after one leg is filled.
 */
public final class PreTradeCheck {

    /** Every code {@link #check} can refuse with: a closed set, so metrics can show each one from start-up. */
    public static final List<String> REFUSAL_CODES = List.of("BELOW_STEP", "STALE_QUOTES", "BAD_PRICE", "SPOT_FILTER",
            "PERP_FILTER", "SYMBOL_LIMIT", "TOTAL_LIMIT", "SPOT_BALANCE", "FUTURES_MARGIN", "LEVERAGE");

    /** Headroom on balances for price moves between check and fill and for fees. */
    private static final BigDecimal BALANCE_HEADROOM = new BigDecimal("1.01");

    private final RiskLimits limits;
    private final long maxQuoteAgeMs;

    public PreTradeCheck(RiskLimits limits, long maxQuoteAgeMs) {
        this.limits = limits;
        this.maxQuoteAgeMs = maxQuoteAgeMs;
    }

    /** A refusal, or empty when the execution may go ahead. */
    public Optional<Refusal> check(PreTradeRequest r, SymbolFilters spotFilters, SymbolFilters perpFilters) {
        if (r.quantity().signum() <= 0) {
            return refuse("BELOW_STEP", "quantity rounds to zero on the venues' steps");
        }
        if (r.quoteAgeMs() > maxQuoteAgeMs) {
            return refuse("STALE_QUOTES", "quotes are " + r.quoteAgeMs() + " ms old (max " + maxQuoteAgeMs + ")");
        }
        if (r.spotPrice().signum() <= 0 || r.perpPrice().signum() <= 0) {
            return refuse("BAD_PRICE", "non-positive price in the signal's quotes");
        }
        String spotViolation = spotFilters.violation(r.spotQuantity(), r.spotPrice(), false);
        if (spotViolation != null) {
            return refuse("SPOT_FILTER", "spot " + spotViolation);
        }
        // A close's perp leg is reduce-only, which USD-M exempts from the minimum notional.
        String perpViolation = perpFilters.violation(r.quantity(), r.perpPrice(), !r.growing());
        if (perpViolation != null) {
            return refuse("PERP_FILTER", "perp " + perpViolation);
        }
        BigDecimal notional = r.quantity().multiply(r.perpPrice());
        if (r.growing()) {
            if (r.symbolNotional().add(notional).compareTo(limits.maxSymbolNotional()) > 0) {
                return refuse("SYMBOL_LIMIT", "symbol notional would exceed " + limits.maxSymbolNotional().toPlainString());
            }
            if (r.totalNotional().add(notional).compareTo(limits.maxTotalNotional()) > 0) {
                return refuse("TOTAL_LIMIT", "total notional would exceed " + limits.maxTotalNotional().toPlainString());
            }
            BigDecimal spotCost = spotCost(r.quantity(), r.spotPrice());
            if (r.spotQuoteFree().compareTo(spotCost) < 0) {
                return refuse("SPOT_BALANCE", "spot quote balance " + r.spotQuoteFree().toPlainString()
                        + " below " + spotCost.toPlainString());
            }
            BigDecimal margin = margin(notional, r.leverage());
            if (r.futuresAvailable().compareTo(margin) < 0) {
                return refuse("FUTURES_MARGIN", "futures available margin " + r.futuresAvailable().toPlainString()
                        + " below " + margin.toPlainString());
            }
            if (r.futuresWallet().signum() <= 0) {
                return refuse("LEVERAGE", "futures wallet balance is zero");
            }
            BigDecimal leverageAfter = r.totalNotional().add(notional).divide(r.futuresWallet(), MathContext.DECIMAL64);
            if (leverageAfter.compareTo(limits.maxLeverage()) > 0) {
                return refuse("LEVERAGE", "leverage would reach " + leverageAfter.round(new MathContext(3)).toPlainString()
                        + " (max " + limits.maxLeverage().toPlainString() + ")");
            }
        } else if (r.spotBaseFree().compareTo(r.spotQuantity()) < 0) {
            return refuse("SPOT_BALANCE", "spot base balance " + r.spotBaseFree().toPlainString()
                    + " below " + r.spotQuantity().toPlainString());
        }
        return Optional.empty();
    }

    /** Spot quote an opening buy may spend, with headroom: what the check demands and what the trade holds back. */
    public static BigDecimal spotCost(BigDecimal quantity, BigDecimal spotPrice) {
        return quantity.multiply(spotPrice).multiply(BALANCE_HEADROOM);
    }

    /** Futures margin an opening short may take, with headroom. */
    public static BigDecimal margin(BigDecimal notional, BigDecimal leverage) {
        return notional.divide(leverage, MathContext.DECIMAL64).multiply(BALANCE_HEADROOM);
    }

    private static Optional<Refusal> refuse(String code, String text) {
        return Optional.of(new Refusal(code, text));
    }

    /** Why an execution was refused: a stable code for metrics and a sentence for people. */
    public record Refusal(String code, String text) {
    }
}
