package com.novaquant.backtest.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money of one symbol's pair, exact: the open legs (long spot, short perpetual, the same base quantity), and
 * what the pair has earned so far by kind. A pair opens from flat, is resized while open and closes to flat, as the
 * pair rules decide. Growth moves the entry prices to the quantity-weighted average; a reduction realises the basis
 * of the part it takes off and leaves the entry prices as they are.
 */
final class PairBook {

    /** USDT amounts carry eight decimals, as Binance's own records. */
    static final int MONEY_SCALE = 8;
    /** An averaged entry price keeps more decimals than money, so that a resized pair's basis rounds only once. */
    private static final int PRICE_SCALE = 16;

    final String symbol;
    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal spotEntry = BigDecimal.ZERO;
    private BigDecimal perpEntry = BigDecimal.ZERO;
    private BigDecimal realisedBasis = BigDecimal.ZERO;
    private BigDecimal funding = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal turnover = BigDecimal.ZERO;
    private int trades;

    PairBook(String symbol) {
        this.symbol = symbol;
    }

    boolean open() {
        return qty.signum() > 0;
    }

    BigDecimal qty() {
        return qty;
    }

    /** Buys {@code qty} on spot and sells it on the perpetual at the given fill prices, paying both fees. */
    void open(BigDecimal qty, BigDecimal spotPrice, BigDecimal perpPrice, BigDecimal spotFee, BigDecimal perpFee) {
        if (open()) {
            throw new IllegalStateException(symbol + " is already open");
        }
        this.qty = qty;
        this.spotEntry = spotPrice;
        this.perpEntry = perpPrice;
        trade(qty, spotPrice, spotFee);
        trade(qty, perpPrice, perpFee);
    }

    /** Sells the spot leg and buys the perpetual back at the given fill prices, paying both fees. */
    void close(BigDecimal spotPrice, BigDecimal perpPrice, BigDecimal spotFee, BigDecimal perpFee) {
        if (!open()) {
            throw new IllegalStateException(symbol + " is not open");
        }
        realisedBasis = realisedBasis.add(basis(spotPrice, perpPrice));
        trade(qty, spotPrice, spotFee);
        trade(qty, perpPrice, perpFee);
        qty = BigDecimal.ZERO;
    }

    /**
     * Takes the open pair to {@code target} (more than zero): growth buys spot and sells the perpetual at the given
     * prices, a reduction sells spot and buys the perpetual back; both pay their fees.
     */
    void resize(BigDecimal target, BigDecimal spotPrice, BigDecimal perpPrice, BigDecimal spotFee,
                BigDecimal perpFee) {
        if (!open() || target.signum() <= 0) {
            throw new IllegalStateException(symbol + " resized to " + target + " while holding " + qty);
        }
        BigDecimal change = target.subtract(qty);
        if (change.signum() > 0) {
            spotEntry = average(spotEntry, change, spotPrice, target);
            perpEntry = average(perpEntry, change, perpPrice, target);
            trade(change, spotPrice, spotFee);
            trade(change, perpPrice, perpFee);
        } else if (change.signum() < 0) {
            BigDecimal reduced = change.negate();
            realisedBasis = realisedBasis.add(basisOf(reduced, spotPrice, perpPrice));
            trade(reduced, spotPrice, spotFee);
            trade(reduced, perpPrice, perpFee);
        }
        qty = target;
    }

    /** The entry price after adding {@code added} at {@code price} to what is held, weighted by quantity. */
    private BigDecimal average(BigDecimal entry, BigDecimal added, BigDecimal price, BigDecimal total) {
        return qty.multiply(entry).add(added.multiply(price)).divide(total, PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** A funding settlement on the short perpetual: a positive rate is paid by longs to shorts. */
    void settleFunding(BigDecimal markPrice, BigDecimal rate) {
        if (open()) {
            funding = funding.add(money(qty.multiply(markPrice).multiply(rate)));
        }
    }

    /** What the open legs would earn if closed at these prices, fees excluded: spot gain plus short-perp gain. */
    BigDecimal basis(BigDecimal spotPrice, BigDecimal perpPrice) {
        return open() ? basisOf(qty, spotPrice, perpPrice) : BigDecimal.ZERO;
    }

    /** What {@code quantity} of the open legs earns at these prices, fees excluded. */
    private BigDecimal basisOf(BigDecimal quantity, BigDecimal spotPrice, BigDecimal perpPrice) {
        return money(quantity.multiply(spotPrice.subtract(spotEntry)).add(quantity.multiply(perpEntry.subtract(perpPrice))));
    }

    /** Basis earned: realised, plus the open legs valued at these prices. */
    BigDecimal basisPnl(BigDecimal spotPrice, BigDecimal perpPrice) {
        return realisedBasis.add(basis(spotPrice, perpPrice));
    }

    BigDecimal realisedBasis() {
        return realisedBasis;
    }

    BigDecimal funding() {
        return funding;
    }

    /** Fees paid, as a negative amount. */
    BigDecimal fees() {
        return fees.negate();
    }

    BigDecimal turnover() {
        return turnover;
    }

    int trades() {
        return trades;
    }

    /** The notional of the open pair at its spot entry price; zero when flat. */
    BigDecimal entryNotional() {
        return open() ? money(qty.multiply(spotEntry)) : BigDecimal.ZERO;
    }

    private void trade(BigDecimal qty, BigDecimal price, BigDecimal feeRate) {
        BigDecimal notional = qty.multiply(price);
        fees = fees.add(money(notional.multiply(feeRate)));
        turnover = turnover.add(money(notional));
        trades++;
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }
}
