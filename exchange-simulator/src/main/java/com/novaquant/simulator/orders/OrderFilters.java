package com.novaquant.simulator.orders;

import com.novaquant.simulator.market.VenueRules;
import com.novaquant.simulator.matching.OrderType;

import java.math.BigDecimal;

/**
 * The exchange filters, with the error each venue gives for each failure (docs/binance-protocol.md,
 * "Filter error codes"): spot reports every filter as -1013 "Filter failure: X"; USD-M has a code per failure.
 */
public final class OrderFilters {

    /** Spot's base-asset precision: more decimals than this is -1111 rather than a LOT_SIZE failure. */
    private static final int SPOT_MAX_DECIMALS = 8;

    private OrderFilters() {
    }

    /** Validates a spot order; {@code referencePrice} prices MARKET orders for the notional check. */
    public static void checkSpot(VenueRules rules, OrderType type, BigDecimal qty, BigDecimal price,
                                 BigDecimal referencePrice) {
        if (price != null) {
            if (price.stripTrailingZeros().scale() > SPOT_MAX_DECIMALS) {
                throw precision();
            }
            if (price.compareTo(rules.minPrice()) < 0 || price.compareTo(rules.maxPrice()) > 0
                    || !multipleOf(price, rules.tickSize())) {
                throw new RejectedException(-1013, "Filter failure: PRICE_FILTER");
            }
        }
        if (qty != null) {
            if (qty.stripTrailingZeros().scale() > SPOT_MAX_DECIMALS) {
                throw precision();
            }
            boolean market = type == OrderType.MARKET;
            BigDecimal maxQty = market ? rules.marketMaxQty() : rules.maxQty();
            if (qty.compareTo(rules.minQty()) < 0 || qty.compareTo(maxQty) > 0 || !multipleOf(qty, rules.stepSize())) {
                throw new RejectedException(-1013, market ? "Filter failure: MARKET_LOT_SIZE" : "Filter failure: LOT_SIZE");
            }
            BigDecimal notional = qty.multiply(price != null ? price : referencePrice);
            if (notional.compareTo(rules.minNotional()) < 0) {
                throw new RejectedException(-1013, "Filter failure: NOTIONAL");
            }
        }
    }

    /** Validates a USD-M order; MARKET orders use the mark price for the notional check. */
    public static void checkFutures(VenueRules rules, BigDecimal qty, BigDecimal price, BigDecimal markPrice,
                                    boolean reduceOnly, OrderType type) {
        if (qty.stripTrailingZeros().scale() > rules.qtyScale()) {
            throw precision();
        }
        if (qty.signum() <= 0) {
            throw new RejectedException(-4003, "Quantity less than or equal to zero.");
        }
        if (qty.compareTo(rules.minQty()) < 0) {
            throw new RejectedException(-4004, "Quantity less than min quantity.");
        }
        BigDecimal maxQty = type == OrderType.MARKET ? rules.marketMaxQty() : rules.maxQty();
        if (qty.compareTo(maxQty) > 0) {
            throw new RejectedException(-4005, "Quantity greater than max quantity.");
        }
        if (!multipleOf(qty.subtract(rules.minQty()), rules.stepSize())) {
            throw new RejectedException(-4023, "Quantity not increased by step size.");
        }
        if (price != null) {
            if (price.stripTrailingZeros().scale() > rules.priceScale()) {
                throw precision();
            }
            if (price.compareTo(rules.minPrice()) < 0) {
                throw new RejectedException(-4013, "Price less than min price.");
            }
            if (price.compareTo(rules.maxPrice()) > 0) {
                throw new RejectedException(-4014, "Price not increased by tick size.");
            }
            if (!multipleOf(price.subtract(rules.minPrice()), rules.tickSize())) {
                throw new RejectedException(-4014, "Price not increased by tick size.");
            }
        }
        BigDecimal notional = qty.multiply(price != null ? price : markPrice);
        if (!reduceOnly && notional.compareTo(rules.minNotional()) < 0) {
            throw new RejectedException(-4164, "Order's notional must be no smaller than "
                    + rules.minNotional().stripTrailingZeros().toPlainString() + " (unless you choose reduce only).");
        }
    }

    private static RejectedException precision() {
        return new RejectedException(-1111, "Precision is over the maximum defined for this asset.");
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal step) {
        return step.signum() == 0 || value.remainder(step).signum() == 0;
    }
}
