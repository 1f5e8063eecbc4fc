package com.novaquant.simulator.domain.matching;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;
import com.novaquant.simulator.domain.market.Venue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches orders against the books the market source publishes: a taker walks the book through the {@link BookMatcher}
 * of its symbol and venue (which remembers the liquidity already taken from that book), a resting order fills as the
 * maker at its own price once a book reaches it. Touched only under the exchange's lock.
 */
public final class MatchingEngine {

    private final Map<Venue, Map<String, BookMatcher>> matchers = new EnumMap<>(Venue.class);

    private BookMatcher matcher(Venue venue, String symbol) {
        return matchers.computeIfAbsent(venue, v -> new HashMap<>()).computeIfAbsent(symbol, s -> new BookMatcher());
    }

    /**
     * A taker's fills: up to {@code wanted} at prices no worse than {@code limit} (null: any price); a fill-or-kill
     * order fills all of {@code wanted} or nothing.
     */
    public List<Fill> take(Venue venue, String symbol, Book book, Side side, BigDecimal wanted, BigDecimal limit,
                           boolean fillOrKill) {
        BookMatcher matcher = matcher(venue, symbol);
        if (fillOrKill && matcher.available(book, side, limit).compareTo(wanted) < 0) {
            return List.of();
        }
        return wanted.signum() > 0 ? matcher.take(book, side, wanted, limit) : List.of();
    }

    /** Whether the book can fill all of {@code qty} right now at prices no worse than {@code limit}. */
    public boolean canFillCompletely(Venue venue, String symbol, Book book, Side side, BigDecimal qty, BigDecimal limit) {
        return matcher(venue, symbol).available(book, side, limit).compareTo(qty) >= 0;
    }

    /** What taking {@code qty} would cost right now ({@link BookMatcher#costToTake}). */
    public BigDecimal costToTake(Venue venue, String symbol, Book book, Side side, BigDecimal qty) {
        return matcher(venue, symbol).costToTake(book, side, qty);
    }

    /**
     * The maker fill a resting LIMIT order gets from {@code book}: at its own price, as much as the crossing levels
     * offer up to what it still wants; empty when the book does not reach it.
     */
    public static Optional<Fill> makerFill(Book book, Side side, BigDecimal price, BigDecimal remainingQty) {
        if (!BookMatcher.reachesRestingOrder(book, side, price)) {
            return Optional.empty();
        }
        BigDecimal qty = BookMatcher.liquidityAgainst(book, side, price).min(remainingQty);
        return qty.signum() > 0 ? Optional.of(new Fill(price, qty, true)) : Optional.empty();
    }

    /**
     * The base quantity that {@code quote} buys (or must sell to raise it), walking the book, rounded down to the step:
     * how a spot MARKET order by a positive {@code quoteOrderQty} is sized.
     */
    public static BigDecimal qtyForQuote(Book book, Side side, BigDecimal quote, BigDecimal step) {
        BigDecimal remainingQuote = quote;
        BigDecimal qty = BigDecimal.ZERO;
        for (PriceLevel level : side == Side.BUY ? book.asks() : book.bids()) {
            BigDecimal levelQuote = level.qty().multiply(level.price());
            if (levelQuote.compareTo(remainingQuote) >= 0) {
                qty = qty.add(remainingQuote.divide(level.price(), 12, RoundingMode.DOWN));
                break;
            }
            qty = qty.add(level.qty());
            remainingQuote = remainingQuote.subtract(levelQuote);
        }
        return qty.divide(step, 0, RoundingMode.DOWN).multiply(step);
    }
}
