package com.novaquant.simulator.domain.matching;

import com.novaquant.simulator.domain.market.Book;
import com.novaquant.simulator.domain.market.PriceLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the opposite side of a book snapshot, level by level, so that size moves the price. Liquidity
 * taken from a snapshot stays taken until the source publishes the next book ({@link #consumed}),
 * so two orders against the same quote do not both get the best price. Not thread-safe: the exchange
 * calls it under its lock.
 */
public final class BookMatcher {

    private long consumedUpdateId = -1;
    private final Map<BigDecimal, BigDecimal> consumed = new HashMap<>();

    /**
     * Fills up to {@code qty} against {@code book} at prices no worse than {@code limit} ({@code null}
     * for MARKET), as a taker. Returns no fills when nothing crosses.
     */
    public List<Fill> take(Book book, Side side, BigDecimal qty, BigDecimal limit) {
        resetIfNewBook(book);
        List<PriceLevel> levels = side == Side.BUY ? book.asks() : book.bids();
        List<Fill> fills = new ArrayList<>();
        BigDecimal remaining = qty;
        for (PriceLevel level : levels) {
            if (remaining.signum() <= 0 || !crosses(side, level.price(), limit)) {
                break;
            }
            BigDecimal available = level.qty().subtract(consumed.getOrDefault(level.price(), BigDecimal.ZERO));
            if (available.signum() <= 0) {
                continue;
            }
            BigDecimal take = available.min(remaining);
            fills.add(new Fill(level.price(), take, false));
            consumed.merge(level.price(), take, BigDecimal::add);
            remaining = remaining.subtract(take);
        }
        return fills;
    }

    /** The quantity that {@link #take} would fill right now, without taking it (for FOK). */
    public BigDecimal available(Book book, Side side, BigDecimal limit) {
        resetIfNewBook(book);
        BigDecimal total = BigDecimal.ZERO;
        for (PriceLevel level : side == Side.BUY ? book.asks() : book.bids()) {
            if (!crosses(side, level.price(), limit)) {
                break;
            }
            BigDecimal left = level.qty().subtract(consumed.getOrDefault(level.price(), BigDecimal.ZERO));
            if (left.signum() > 0) {
                total = total.add(left);
            }
        }
        return total;
    }

    /**
     * What taking {@code qty} would cost right now, net of liquidity already taken from this book;
     * beyond the book's depth, at its last level (an upper bound for a balance check).
     */
    public BigDecimal costToTake(Book book, Side side, BigDecimal qty) {
        resetIfNewBook(book);
        List<PriceLevel> levels = side == Side.BUY ? book.asks() : book.bids();
        BigDecimal remaining = qty;
        BigDecimal cost = BigDecimal.ZERO;
        for (PriceLevel level : levels) {
            BigDecimal left = level.qty().subtract(consumed.getOrDefault(level.price(), BigDecimal.ZERO));
            if (left.signum() <= 0) {
                continue;
            }
            BigDecimal take = left.min(remaining);
            cost = cost.add(take.multiply(level.price()));
            remaining = remaining.subtract(take);
            if (remaining.signum() <= 0) {
                return cost;
            }
        }
        return levels.isEmpty() ? cost : cost.add(remaining.multiply(levels.getLast().price()));
    }

    /**
     * Whether a resting LIMIT order at {@code price} is reached by the book: a resting BUY fills when
     * the best ask falls to or below it, a resting SELL when the best bid rises to or above it. The
     * fill is at the order's own price (it is the maker).
     */
    public static boolean reachesRestingOrder(Book book, Side side, BigDecimal price) {
        if (book.isEmpty()) {
            return false;
        }
        return side == Side.BUY
                ? book.bestAsk().price().compareTo(price) <= 0
                : book.bestBid().price().compareTo(price) >= 0;
    }

    /** The quantity the book offers to a resting order at {@code price} (the crossing opposite levels). */
    public static BigDecimal liquidityAgainst(Book book, Side side, BigDecimal price) {
        BigDecimal total = BigDecimal.ZERO;
        for (PriceLevel level : side == Side.BUY ? book.asks() : book.bids()) {
            if (!crosses(side, level.price(), price)) {
                break;
            }
            total = total.add(level.qty());
        }
        return total;
    }

    private static boolean crosses(Side side, BigDecimal levelPrice, BigDecimal limit) {
        if (limit == null) {
            return true;
        }
        return side == Side.BUY ? levelPrice.compareTo(limit) <= 0 : levelPrice.compareTo(limit) >= 0;
    }

    private void resetIfNewBook(Book book) {
        if (book.updateId() != consumedUpdateId) {
            consumed.clear();
            consumedUpdateId = book.updateId();
        }
    }
}
