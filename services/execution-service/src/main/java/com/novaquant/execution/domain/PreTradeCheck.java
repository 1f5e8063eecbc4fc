package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The checks an execution must pass before either leg is sent. A failed check means no order at all: it is far
 * cheaper to miss a trade than to discover a problem after one leg is filled.
 * <p>
 * The orders are MARKET orders, so a signal's prices say nothing about what they will cost. A trade that grows the
 * position is therefore checked on execution's own view of the venue ({@link OwnPrices}): refused when that view is
 * missing or older than the quote age limit ({@code OWN_PRICES_STALE}) or when the signal's price for a leg is
 * further than the price band from the venue's mid for that leg ({@code PRICE_OFF_BAND}); its filters, limits and
 * balances are then computed at the venue's prices (spot ask for the buy, perp bid for the short). A trade that only
 * reduces the position is never refused for that view: it is computed at the venue's prices when the view is fresh,
 * at the signal's otherwise.
 */
public final class PreTradeCheck {

    /** Every code {@link #check} can refuse with: a closed set, so metrics can show each one from start-up. */
    public static final List<String> REFUSAL_CODES = List.of("BELOW_STEP", "STALE_QUOTES", "BAD_PRICE",
            "OWN_PRICES_STALE", "PRICE_OFF_BAND", "SPOT_FILTER", "PERP_FILTER", "SYMBOL_LIMIT", "TOTAL_LIMIT",
            "SPOT_BALANCE", "FUTURES_MARGIN", "LEVERAGE");

    /** Headroom on balances for price moves between check and fill and for fees. */
    private static final BigDecimal BALANCE_HEADROOM = new BigDecimal("1.01");
    /** The default price band: 0.5 % of the venue's mid ({@code nova.execution.price-band}). */
    public static final BigDecimal DEFAULT_PRICE_BAND = new BigDecimal("0.005");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RiskLimits limits;
    private final long maxQuoteAgeMs;
    private final BigDecimal priceBand;

    public PreTradeCheck(RiskLimits limits, long maxQuoteAgeMs) {
        this(limits, maxQuoteAgeMs, DEFAULT_PRICE_BAND);
    }

    /**
     * @param maxQuoteAgeMs oldest the signal's quotes, and execution's own view for a growing trade, may be
     * @param priceBand     widest distance, as a fraction of the venue's mid, between the signal's price for a leg and
     *                      that mid, for a growing trade; above 0 and below 1
     */
    public PreTradeCheck(RiskLimits limits, long maxQuoteAgeMs, BigDecimal priceBand) {
        if (priceBand == null || priceBand.signum() <= 0 || priceBand.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the price band is a fraction above 0 and below 1 (0.005: 0.5 %), got "
                    + priceBand);
        }
        this.limits = limits;
        this.maxQuoteAgeMs = maxQuoteAgeMs;
        this.priceBand = priceBand;
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
        if (r.growing()) {
            Optional<Refusal> venue = checkAgainstTheVenue(r);
            if (venue.isPresent()) {
                return venue;
            }
        }
        LegPrices prices = prices(r);
        String spotViolation = spotFilters.violation(r.spotQuantity(), prices.spot(), false);
        if (spotViolation != null) {
            return refuse("SPOT_FILTER", "spot " + spotViolation);
        }
        // A close's perp leg is reduce-only, which USD-M exempts from the minimum notional.
        String perpViolation = perpFilters.violation(r.quantity(), prices.perp(), !r.growing());
        if (perpViolation != null) {
            return refuse("PERP_FILTER", "perp " + perpViolation);
        }
        BigDecimal notional = r.quantity().multiply(prices.perp());
        if (r.growing()) {
            if (r.symbolNotional().add(notional).compareTo(limits.maxSymbolNotional()) > 0) {
                return refuse("SYMBOL_LIMIT", "symbol notional would exceed " + limits.maxSymbolNotional().toPlainString());
            }
            if (r.totalNotional().add(notional).compareTo(limits.maxTotalNotional()) > 0) {
                return refuse("TOTAL_LIMIT", "total notional would exceed " + limits.maxTotalNotional().toPlainString());
            }
            BigDecimal spotCost = spotCost(r.quantity(), prices.spot());
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

    /**
     * The prices a request's filters, limits and holds are computed at: execution's own (spot ask and perp bid to grow,
     * spot bid and perp ask to reduce) when its view is fresh, which {@link #check} demands of a growing trade; the
     * signal's otherwise, which only a reducing trade gets to use.
     */
    public LegPrices prices(PreTradeRequest r) {
        OwnPrices own = r.own();
        if (!fresh(own)) {
            return new LegPrices(r.spotPrice(), r.perpPrice());
        }
        return r.growing() ? new LegPrices(own.spotAsk(), own.perpBid()) : new LegPrices(own.spotBid(), own.perpAsk());
    }

    /** Whether the own view is there and no older than the quote age limit. */
    public boolean fresh(OwnPrices own) {
        return own != null && own.ageMs() <= maxQuoteAgeMs;
    }

    /** A growing trade's own view must be fresh, and the signal's price for each leg within the band of its mid. */
    private Optional<Refusal> checkAgainstTheVenue(PreTradeRequest r) {
        OwnPrices own = r.own();
        if (own == null) {
            return refuse("OWN_PRICES_STALE", "no book ticker of its own from both venues yet");
        }
        if (!fresh(own)) {
            return refuse("OWN_PRICES_STALE", "own book tickers are " + own.ageMs() + " ms old (max " + maxQuoteAgeMs
                    + ")");
        }
        String spot = offBand("spot ask", r.spotPrice(), own.spotBid(), own.spotAsk());
        if (spot != null) {
            return refuse("PRICE_OFF_BAND", spot);
        }
        String perp = offBand("perp bid", r.perpPrice(), own.perpBid(), own.perpAsk());
        return perp == null ? Optional.empty() : refuse("PRICE_OFF_BAND", perp);
    }

    /** Null when {@code price} is within the band of the mid of {@code bid} and {@code ask}; else why it is not. */
    private String offBand(String what, BigDecimal price, BigDecimal bid, BigDecimal ask) {
        BigDecimal mid = bid.add(ask).divide(TWO);
        BigDecimal distance = price.subtract(mid).abs();
        if (mid.signum() > 0 && distance.compareTo(mid.multiply(priceBand)) <= 0) {
            return null;
        }
        String percent = mid.signum() > 0
                ? distance.multiply(HUNDRED).divide(mid, new MathContext(3)).toPlainString() + " %" : "infinitely";
        return "signal's " + what + " " + price.toPlainString() + " is " + percent + " off the venue's mid "
                + mid.toPlainString() + " (band " + priceBand.multiply(HUNDRED).stripTrailingZeros().toPlainString()
                + " %)";
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

    /** The price of each leg a check is computed at. */
    public record LegPrices(BigDecimal spot, BigDecimal perp) {
    }

    /** Why an execution was refused: a stable code for metrics and a sentence for people. */
    public record Refusal(String code, String text) {
    }
}
