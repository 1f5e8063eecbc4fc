package com.novaquant.backtest.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money of one symbol's pair, exact: the open legs (long spot, short perpetual, the same base quantity), and
 * what the pair has earned so far by kind. A pair opens from flat and closes to flat, as the pair rules decide.
 */
final class PairBook {

    /** USDT amounts carry eight decimals, as Binance's own records. */
    static final int MONEY_SCALE = 8;

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

    /** A funding settlement on the short perpetual: a positive rate is paid by longs to shorts. */
    void settleFunding(BigDecimal markPrice, BigDecimal rate) {
        if (open()) {
            funding = funding.add(money(qty.multiply(markPrice).multiply(rate)));
        }
    }

    /** What the open legs would earn if closed at these prices, fees excluded: spot gain plus short-perp gain. */
    BigDecimal basis(BigDecimal spotPrice, BigDecimal perpPrice) {
        if (!open()) {
            return BigDecimal.ZERO;
        }
        return money(qty.multiply(spotPrice.subtract(spotEntry)).add(qty.multiply(perpEntry.subtract(perpPrice))));
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
