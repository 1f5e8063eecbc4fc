package com.novaquant.ingestion.domain;

import java.util.Arrays;

/**
 * The update-id rule of the book-ticker streams: per stream, a book ticker is published only when its update id
 * {@code u} is greater than the last published one. A repeated frame (equal id) or an older one arriving late
 * (smaller id) carries a book the desk has already seen or that a newer one has replaced; publishing it would make
 * the downstream top of book step back in time, and its receive time is fresh, so no later staleness check would
 * catch it. Dropped frames are counted under {@link #STALE_UPDATE_ID}.
 *
 * <p>The exchange may restart and begin its ids again, so a stream's last id is forgotten when its connection
 * (re)connects. Mark-price frames carry no update id and are not subject to this rule.
 *
 * <p>State is one {@code long} per stream, indexed by the dense stream id: no allocation per frame. Each stream is
 * read and written only by the event loop of its connection's current session, and the reset runs on that same loop
 * before the session's first frame, so plain array access is enough.
 */
public final class UpdateIdSequence {

    /** The {@code reason} tag of a book ticker dropped by this rule. */
    public static final String STALE_UPDATE_ID = "STALE_UPDATE_ID";

    /** Below every id Binance sends (ids are non-negative): nothing published yet on the stream. */
    private static final long NONE = -1;

    private final long[] lastPublished;

    public UpdateIdSequence(int streams) {
        this.lastPublished = new long[streams];
        Arrays.fill(lastPublished, NONE);
    }

    /**
     * Whether a book ticker with {@code updateId} is newer than the stream's last published one; if it is, it becomes
     * the last published one (call this only for a quote that will be published when it answers true).
     */
    public boolean advance(int streamId, long updateId) {
        if (updateId <= lastPublished[streamId]) {
            return false;
        }
        lastPublished[streamId] = updateId;
        return true;
    }

    /** Forgets the stream's last id: its connection has (re)connected, and the exchange may have restarted its ids. */
    public void reset(int streamId) {
        lastPublished[streamId] = NONE;
    }
}
