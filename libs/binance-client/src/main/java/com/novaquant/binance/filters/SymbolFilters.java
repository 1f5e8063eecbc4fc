package com.novaquant.binance.filters;

import com.novaquant.binance.terms.OrderType;
import com.novaquant.binance.terms.Side;
import com.novaquant.binance.terms.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trading filters of one symbol on one venue, with exact-decimal helpers: round a quantity down to the step,
 * a price to the tick, and check min/max quantity and notional, explaining every failure.
 *
 * <p>MARKET orders are checked against LOT_SIZE and, when its stepSize is non-zero, MARKET_LOT_SIZE too; their
 * notional uses the caller's reference price (spot: the price the order is expected to fill at; USD-M: the mark
 * price, as Binance does).
 */
public record SymbolFilters(
        Venue venue,
        String symbol,
        PriceFilter price,
        LotSizeFilter lotSize,
        LotSizeFilter marketLotSize,
        NotionalFilter notional) {

    public SymbolFilters {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        price = price == null ? PriceFilter.NONE : price;
        lotSize = lotSize == null ? LotSizeFilter.NONE : lotSize;
        marketLotSize = marketLotSize == null ? LotSizeFilter.NONE : marketLotSize;
        notional = notional == null ? NotionalFilter.NONE : notional;
    }

    /** Rounds a quantity down onto the step grid(s) that apply to this order type. Never rounds up. */
    public BigDecimal roundQuantityDown(BigDecimal quantity, OrderType type) {
        BigDecimal q = lotSize.roundDown(quantity);
        if (type == OrderType.MARKET && marketLotSize.stepSize().signum() > 0) {
            q = marketLotSize.roundDown(q);
        }
        return q;
    }

    /** Rounds a price onto the tick grid with an explicit rounding mode. */
    public BigDecimal roundPrice(BigDecimal rawPrice, RoundingMode mode) {
        return price.round(rawPrice, mode);
    }

    /** Rounds a price onto the tick grid on the passive side: down for BUY, up for SELL. */
    public BigDecimal roundPricePassive(BigDecimal rawPrice, Side side) {
        return price.round(rawPrice, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /**
     * Rounds quantity down and (for priced orders) price passively, then checks every filter.
     *
     * @param referencePrice for MARKET orders, the price the notional is judged at (best quote or mark price);
     *                       ignored for priced orders; null skips the MARKET notional check
     */
    public OrderCheck prepare(Side side, OrderType type, BigDecimal quantity, BigDecimal rawPrice,
                              BigDecimal referencePrice, boolean reduceOnly) {
        BigDecimal q = roundQuantityDown(quantity, type);
        BigDecimal p = type == OrderType.MARKET || rawPrice == null ? null : roundPricePassive(rawPrice, side);
        return check(type, q, p, referencePrice, reduceOnly);
    }

    /**
     * Checks an already-rounded order; no rounding happens here.
     *
     * @param referencePrice the price a MARKET order's notional is judged at; null skips the notional check of a
     *                       MARKET order (leaving it to Binance). Ignored for priced orders.
     */
    public OrderCheck check(OrderType type, BigDecimal quantity, BigDecimal orderPrice, BigDecimal referencePrice,
                            boolean reduceOnly) {
        List<FilterViolation> violations = new ArrayList<>();
        boolean market = type == OrderType.MARKET;
        if (quantity == null || quantity.signum() <= 0) {
            violations.add(new FilterViolation("LOT_SIZE", "quantity " + plain(quantity)
                    + " is not positive after rounding down to stepSize " + plain(lotSize.stepSize())));
            return new OrderCheck.Invalid(violations);
        }
        checkLot("LOT_SIZE", lotSize, quantity, violations);
        if (market) {
            checkLot("MARKET_LOT_SIZE", marketLotSize, quantity, violations);
        }
        if (!market) {
            if (orderPrice == null || orderPrice.signum() <= 0) {
                violations.add(new FilterViolation("PRICE_FILTER", "a " + type + " order needs a positive price, was "
                        + plain(orderPrice)));
                return new OrderCheck.Invalid(violations);
            }
            checkPrice(orderPrice, violations);
        }
        if (!market || referencePrice != null) {
            checkNotional(market, quantity, market ? referencePrice : orderPrice, reduceOnly, violations);
        }
        return violations.isEmpty() ? new OrderCheck.Valid(quantity, market ? null : orderPrice)
                : new OrderCheck.Invalid(violations);
    }

    private void checkLot(String name, LotSizeFilter lot, BigDecimal q, List<FilterViolation> out) {
        if (lot.minQty().signum() > 0 && q.compareTo(lot.minQty()) < 0) {
            out.add(new FilterViolation(name, "quantity " + plain(q) + " is below minQty " + plain(lot.minQty())));
        }
        if (lot.maxQty().signum() > 0 && q.compareTo(lot.maxQty()) > 0) {
            out.add(new FilterViolation(name, "quantity " + plain(q) + " is above maxQty " + plain(lot.maxQty())));
        }
        if (!Decimals.onGrid(q, lot.minQty(), lot.stepSize())) {
            out.add(new FilterViolation(name, "quantity " + plain(q) + " is not a multiple of stepSize "
                    + plain(lot.stepSize()) + " (from minQty " + plain(lot.minQty()) + ")"));
        }
    }

    private void checkPrice(BigDecimal p, List<FilterViolation> out) {
        if (price.minPrice().signum() > 0 && p.compareTo(price.minPrice()) < 0) {
            out.add(new FilterViolation("PRICE_FILTER", "price " + plain(p) + " is below minPrice "
                    + plain(price.minPrice())));
        }
        if (price.maxPrice().signum() > 0 && p.compareTo(price.maxPrice()) > 0) {
            out.add(new FilterViolation("PRICE_FILTER", "price " + plain(p) + " is above maxPrice "
                    + plain(price.maxPrice())));
        }
        if (!Decimals.onGrid(p, price.minPrice(), price.tickSize())) {
            out.add(new FilterViolation("PRICE_FILTER", "price " + plain(p) + " is not a multiple of tickSize "
                    + plain(price.tickSize())));
        }
    }

    private void checkNotional(boolean market, BigDecimal q, BigDecimal p, boolean reduceOnly,
                               List<FilterViolation> out) {
        String name = venue == Venue.USDM ? "MIN_NOTIONAL" : "NOTIONAL";
        boolean checkMin = notional.minNotional().signum() > 0 && (!market || notional.applyMinToMarket())
                && !(reduceOnly && notional.reduceOnlyExempt());
        boolean checkMax = notional.maxNotional().signum() > 0 && (!market || notional.applyMaxToMarket());
        if (!checkMin && !checkMax) {
            return;
        }
        if (p.signum() <= 0) {
            out.add(new FilterViolation(name, "the reference price must be positive to check the notional, was "
                    + plain(p)));
            return;
        }
        BigDecimal value = q.multiply(p);
        if (checkMin && value.compareTo(notional.minNotional()) < 0) {
            out.add(new FilterViolation(name, "notional " + plain(value) + " (" + plain(q) + " x " + plain(p)
                    + ") is below minNotional " + plain(notional.minNotional())));
        }
        if (checkMax && value.compareTo(notional.maxNotional()) > 0) {
            out.add(new FilterViolation(name, "notional " + plain(value) + " is above maxNotional "
                    + plain(notional.maxNotional())));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : Decimals.plain(value);
    }
}
