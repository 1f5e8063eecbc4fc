package com.novaquant.ingestion.adapter.binance;

import com.novaquant.binance.stream.ReceivedFrame;
import com.novaquant.ingestion.application.FeedStream;

/** Where parsed frames are teed for replay; {@link #NONE} when recording is off. Called on the event loop. */
public interface FrameRecording {

    FrameRecording NONE = (stream, frame) -> { };

    void record(FeedStream stream, ReceivedFrame frame);
}
