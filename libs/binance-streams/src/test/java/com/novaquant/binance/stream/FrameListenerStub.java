package com.novaquant.binance.stream;

import com.novaquant.binance.stream.parse.BookTicker;
import com.novaquant.binance.stream.parse.MarkPrice;
import com.novaquant.binance.stream.parse.ParseStatus;
import com.novaquant.binance.stream.parse.StreamKey;

/** A frame listener that ignores every frame. */
final class FrameListenerStub {

    static final FrameListener NONE = new FrameListener() {
        @Override
        public void onBookTicker(ConnectionSpec connection, StreamKey stream, BookTicker ticker, ReceivedFrame frame) {
        }

        @Override
        public void onMarkPrice(ConnectionSpec connection, StreamKey stream, MarkPrice markPrice, ReceivedFrame frame) {
        }

        @Override
        public void onRejected(ConnectionSpec connection, ParseStatus reason, ReceivedFrame frame) {
        }
    };

    private FrameListenerStub() {
    }
}
