package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;

/**
 * Receives parsed frames on the connection's Netty event loop. Implementations must not block and must copy what
 * they keep: the holders and the frame are reused for the next frame.
 */
public interface FrameListener {

    void onBookTicker(ConnectionSpec connection, StreamKey stream, BookTicker ticker, ReceivedFrame frame);

    void onMarkPrice(ConnectionSpec connection, StreamKey stream, MarkPrice markPrice, ReceivedFrame frame);

    /** A frame that was refused; it is skipped and the connection carries on. */
    void onRejected(ConnectionSpec connection, ParseStatus reason, ReceivedFrame frame);
}
