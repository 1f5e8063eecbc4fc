package com.novaquant.binance.stream.parse;

/** What a combined-stream frame turned out to be. */
public enum FrameType {
    BOOK_TICKER,
    MARK_PRICE,
    /** {@code !serverShutdown}: the server is about to close the connection for maintenance; reconnect now. */
    SERVER_SHUTDOWN,
    /** A reply to a control message ({@code {"result":null,"id":7}}): nothing to publish. */
    CONTROL_REPLY,
    /** Refused; the reason is in {@link CombinedFrameParser#rejection()}. */
    REJECTED
}
