package com.novaquant.simulator.adapter.web;

import java.util.List;

/**
 * The parameters Binance's history endpoints share (myTrades, userTrades, allOrders) and their rules
 * (docs/binance-protocol.md, "Trade and order history"): a limit (at most 1000), a longest startTime-endTime span
 * (-1127), parameters that do not go together (-1128), and which end of the history a page is cut from.
 *
 * @param fromOldest whether the client named a starting point (orderId, fromId or startTime): the page is then the
 *                   oldest rows from it, otherwise the most recent rows
 */
record HistoryQuery(Long orderId, Long fromId, Long startTime, Long endTime, int limit, boolean fromOldest) {

    static final long DAY_MILLIS = 86_400_000L;
    static final long WEEK_MILLIS = 7 * DAY_MILLIS;
    private static final int MAX_LIMIT = 1000;

    static HistoryQuery of(RequestParams p, int defaultLimit) {
        Long orderId = p.longValue("orderId");
        Long fromId = p.longValue("fromId");
        Long start = p.longValue("startTime");
        Long end = p.longValue("endTime");
        Long limit = p.longValue("limit");
        int rows = limit == null ? defaultLimit : (int) Math.min(MAX_LIMIT, Math.max(1, limit));
        return new HistoryQuery(orderId, fromId, start, end, rows, orderId != null || fromId != null || start != null);
    }

    /** Refuses {@code value} (an orderId or fromId) together with a time range, as Binance does. */
    HistoryQuery noTimeRangeWith(Long value) {
        if (value != null && (startTime != null || endTime != null)) {
            throw ApiException.badRequest(-1128, "Combination of optional parameters invalid.");
        }
        return this;
    }

    HistoryQuery spanAtMost(long millis) {
        if (startTime != null && endTime != null && endTime - startTime > millis) {
            throw ApiException.badRequest(-1127,
                    "More than " + millis / 3_600_000L + " hours between startTime and endTime.");
        }
        return this;
    }

    /**
     * USD-M's default range: without startTime and endTime the last {@code span} up to {@code now}; with one of
     * them, {@code span} from or up to it.
     */
    HistoryQuery withDefaultRange(long span, long now) {
        if (startTime != null && endTime != null) {
            return this;
        }
        long end = endTime != null ? endTime : startTime != null ? startTime + span : now;
        long start = startTime != null ? startTime : end - span;
        return new HistoryQuery(orderId, fromId, start, end, limit, fromOldest);
    }

    boolean inRange(long time) {
        return (startTime == null || time >= startTime) && (endTime == null || time <= endTime);
    }

    /** The page of {@code matching} (ascending): its first rows from a starting point, else its last rows. */
    <T> List<T> page(List<T> matching) {
        if (matching.size() <= limit) {
            return matching;
        }
        return fromOldest ? matching.subList(0, limit) : matching.subList(matching.size() - limit, matching.size());
    }
}
