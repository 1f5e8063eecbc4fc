package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.VenueRules;
import com.novaquant.simulator.domain.matching.OrderType;
import com.novaquant.simulator.domain.matching.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exchange filters, with the error each venue gives for each failure (docs/binance-protocol.md,
 * "Filter error codes"): spot reports every filter as -1013 "Filter failure: X"; USD-M has a code per failure.
 * Every filter exchangeInfo advertises is checked here, in the order exchangeInfo lists them. The side-dependent
 * filters (PERCENT_PRICE_BY_SIDE, PERCENT_PRICE) need the order's side and are skipped by the overloads without one.
 */
public final class OrderFilters {

    /** Spot NOTIONAL {@code maxNotional}: LIMIT orders only ({@code applyMaxToMarket} is false). */
    public static final BigDecimal SPOT_MAX_NOTIONAL = new BigDecimal("9000000");
    /** Spot PERCENT_PRICE_BY_SIDE multipliers, the same for bids and asks, applied to the average (mid) price. */
    public static final BigDecimal SPOT_MULTIPLIER_UP = new BigDecimal("5");
    public static final BigDecimal SPOT_MULTIPLIER_DOWN = new BigDecimal("0.2");
    /** USD-M PERCENT_PRICE multipliers, applied to the mark price. */
    public static final BigDecimal FUTURES_MULTIPLIER_UP = new BigDecimal("1.0500");
    public static final BigDecimal FUTURES_MULTIPLIER_DOWN = new BigDecimal("0.9500");
    /** USD-M MAX_NUM_ORDERS: open orders per account and symbol. */
    public static final int FUTURES_MAX_NUM_ORDERS = 200;

    /** Spot's base-asset precision: more decimals than this is -1111 rather than a LOT_SIZE failure. */
    private static final int SPOT_MAX_DECIMALS = 8;

    private OrderFilters() {
    }

    /** Validates a spot order without its side (every filter but PERCENT_PRICE_BY_SIDE). */
    public static void checkSpot(VenueRules rules, OrderType type, BigDecimal qty, BigDecimal price,
                                 BigDecimal referencePrice) {
        checkSpot(rules, null, type, qty, price, referencePrice);
    }

    /**
     * Validates a spot order. {@code referencePrice} is the average price: it prices MARKET orders for the notional
     * check and centres PERCENT_PRICE_BY_SIDE; the checks that need it are skipped when it is null.
     */
    public static void checkSpot(VenueRules rules, Side side, OrderType type, BigDecimal qty, BigDecimal price,
                                 BigDecimal referencePrice) {
        boolean market = type == OrderType.MARKET;
        if (price != null) {
            if (price.stripTrailingZeros().scale() > SPOT_MAX_DECIMALS) {
                throw precision();
            }
            if (price.compareTo(rules.minPrice()) < 0 || price.compareTo(rules.maxPrice()) > 0
                    || !multipleOf(price, rules.tickSize())) {
                throw spotFilter("PRICE_FILTER");
            }
        }
        if (qty != null) {
            if (qty.stripTrailingZeros().scale() > SPOT_MAX_DECIMALS) {
                throw precision();
            }
            if (qty.compareTo(rules.minQty()) < 0 || qty.compareTo(rules.maxQty()) > 0 || !multipleOf(qty, rules.stepSize())) {
                throw spotFilter("LOT_SIZE");
            }
            // MARKET_LOT_SIZE advertises minQty and stepSize 0 (switched off): only its maxQty is left to check.
            if (market && qty.compareTo(rules.marketMaxQty()) > 0) {
                throw spotFilter("MARKET_LOT_SIZE");
            }
        }
        if (side != null && price != null && referencePrice != null
                && (price.compareTo(referencePrice.multiply(SPOT_MULTIPLIER_UP)) > 0
                || price.compareTo(referencePrice.multiply(SPOT_MULTIPLIER_DOWN)) < 0)) {
            throw spotFilter("PERCENT_PRICE_BY_SIDE");
        }
        BigDecimal notionalPrice = price != null ? price : referencePrice;
        if (qty != null && notionalPrice != null) {
            BigDecimal notional = qty.multiply(notionalPrice);
            if (notional.compareTo(rules.minNotional()) < 0 || (!market && notional.compareTo(SPOT_MAX_NOTIONAL) > 0)) {
                throw spotFilter("NOTIONAL");
            }
        }
    }

    /** Validates a USD-M order without its side (every filter but PERCENT_PRICE); MARKET orders use the mark price for the notional. */
    public static void checkFutures(VenueRules rules, BigDecimal qty, BigDecimal price, BigDecimal markPrice,
                                    boolean reduceOnly, OrderType type) {
        checkFutures(rules, null, qty, price, markPrice, null, reduceOnly, type);
    }

    /**
     * Validates a USD-M order. PERCENT_PRICE bounds a LIMIT BUY to at most mark x multiplierUp (-4016) and a LIMIT
     * SELL to at least mark x multiplierDown (-4024); a MARKET order is refused (-4131) when the best opposite price
     * of {@code book} is outside those bounds.
     */
    public static void checkFutures(VenueRules rules, Side side, BigDecimal qty, BigDecimal price, BigDecimal markPrice,
                                    Book book, boolean reduceOnly, OrderType type) {
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
        if (side != null) {
            checkPercentPrice(rules, side, price, markPrice, book);
        }
        BigDecimal notional = qty.multiply(price != null ? price : markPrice);
        if (!reduceOnly && notional.compareTo(rules.minNotional()) < 0) {
            throw new RejectedException(-4164, "Order's notional must be no smaller than "
                    + rules.minNotional().stripTrailingZeros().toPlainString() + " (unless you choose reduce only).");
        }
    }

    private static void checkPercentPrice(VenueRules rules, Side side, BigDecimal price, BigDecimal markPrice, Book book) {
        BigDecimal up = markPrice.multiply(FUTURES_MULTIPLIER_UP);
        BigDecimal down = markPrice.multiply(FUTURES_MULTIPLIER_DOWN);
        if (price != null) {
            if (side == Side.BUY && price.compareTo(up) > 0) {
                throw new RejectedException(-4016, "Limit price can't be higher than "
                        + onTick(rules, up, RoundingMode.FLOOR).toPlainString() + ".");
            }
            if (side == Side.SELL && price.compareTo(down) < 0) {
                throw new RejectedException(-4024, "Limit price can't be lower than "
                        + onTick(rules, down, RoundingMode.CEILING).toPlainString() + ".");
            }
            return;
        }
        if (book == null || book.isEmpty()) {
            return;
        }
        boolean outside = side == Side.BUY
                ? book.bestAsk().price().compareTo(up) > 0
                : book.bestBid().price().compareTo(down) < 0;
        if (outside) {
            throw new RejectedException(-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit.");
        }
    }

    /** Refuses a new USD-M order when the account already has MAX_NUM_ORDERS open orders on the symbol. */
    public static void checkFuturesOpenOrders(int openOrders) {
        if (openOrders >= FUTURES_MAX_NUM_ORDERS) {
            throw new RejectedException(-2025, "Reach max open order limit.");
        }
    }

    /** {@code value} moved onto the tick grid (measured from minPrice) in the given direction, at the tick's scale. */
    private static BigDecimal onTick(VenueRules rules, BigDecimal value, RoundingMode mode) {
        BigDecimal ticks = value.subtract(rules.minPrice()).divide(rules.tickSize(), 0, mode);
        return rules.minPrice().add(ticks.multiply(rules.tickSize())).setScale(rules.priceScale(), RoundingMode.UNNECESSARY);
    }

    private static RejectedException spotFilter(String filter) {
        return new RejectedException(-1013, "Filter failure: " + filter);
    }

    private static RejectedException precision() {
        return new RejectedException(-1111, "Precision is over the maximum defined for this asset.");
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal step) {
        return step.signum() == 0 || value.remainder(step).signum() == 0;
    }
}
